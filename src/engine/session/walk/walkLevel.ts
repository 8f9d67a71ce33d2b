/**
 * Where the step-into walk is: a stack of levels, the loss body at the bottom, then a loop iteration or a helper
 * call for each frame the walk has entered. A level names its statements' instances (`bucket` + local key), so the
 * backward pass can keep one adjoint per statement per iteration and forget an iteration's once it is done.
 */
import { iterationAt, type TraceCall, type TraceIteration, type TraceLoop, type TraceStep } from '../../graph/traceSteps';
import type { WalkScope } from './walkScope';

/** One statement instance: its adjoint lives under `bucket` (an iteration, or the top level) and `local`. */
export interface InstanceKey {
	readonly bucket: string;
	readonly local: string;
}

export type LevelFrame =
	| { readonly kind: 'root' }
	| { readonly kind: 'loop'; readonly step: TraceLoop; readonly k: number; readonly iteration: TraceIteration }
	| { readonly kind: 'call'; readonly step: TraceCall };

export interface Level {
	readonly steps: readonly TraceStep[];
	/** The position in `steps`: the statement the walk stands on, or the loop or call it is inside. */
	i: number;
	readonly scope: WalkScope;
	readonly bucket: string;
	readonly path: string;
	readonly frame: LevelFrame;
}

export function rootLevel(steps: readonly TraceStep[], scope: WalkScope, i: number): Level {
	return { steps, i, scope, bucket: 'r', path: '', frame: { kind: 'root' } };
}

/** The key of statement `j` of `level`. */
export function keyAt(level: Level, j: number): InstanceKey {
	return { bucket: level.bucket, local: `${level.path}/${j}` };
}

/** The key of argument `j` of the call at `level.steps[at]`. */
export function argumentKey(level: Level, at: number, j: number): InstanceKey {
	return { bucket: level.bucket, local: `${level.path}/${at}c/a${j}` };
}

/** The bucket of iteration `k` of the loop at `level.steps[at]`. */
export function iterationBucket(level: Level, at: number, k: number): string {
	return `${level.bucket}|${level.path}/${at}#${k}`;
}

/** The hidden instance holding carried variable `c` as iteration `k` of the loop at `level.steps[at]` leaves it. */
export function afterKey(level: Level, at: number, k: number, c: number): InstanceKey {
	return { bucket: iterationBucket(level, at, k), local: `after${c}` };
}

/** The hidden instance holding carried variable `c` entering the loop at `level.steps[at]`. */
export function initialKey(level: Level, at: number, c: number): InstanceKey {
	return { bucket: level.bucket, local: `${level.path}/${at}init${c}` };
}

/** The level of iteration `k` of the loop at `parent.steps[parent.i]`, evaluated in `scope`. */
export function iterationLevel(parent: Level, step: TraceLoop, k: number, scope: WalkScope, i: number): Level {
	const iteration = iterationAt(step, k);
	return { steps: iteration.body, i, scope, bucket: iterationBucket(parent, parent.i, k), path: '', frame: { kind: 'loop', step, k, iteration } };
}

/** The level inside the call at `parent.steps[parent.i]`. */
export function callLevel(parent: Level, step: TraceCall, i: number): Level {
	return { steps: step.body, i, scope: parent.scope, bucket: parent.bucket, path: `${parent.path}/${parent.i}c`, frame: { kind: 'call', step } };
}
