/**
 * What the step-into walk shows at a stop: its frames, innermost first (a helper call is a frame above the function
 * that called it; loop iterations belong to the function they run in), and each frame's locals with their values
 * and, once the backward pass has reached them, their adjoints ∂L/∂local. Pure: the debug adapter formats it for the
 * Call Stack and the Variables view, and the graph view reads the same numbers.
 */
import type { PassWalk } from './passWalk';
import { isCarried } from './walkCuts';
import { afterKey, argumentKey, keyAt, type Level } from './walkLevel';

/** A variable in a frame: its latest value and, in the backward pass, its adjoint once reached. */
export interface WalkLocal {
	readonly name: string;
	readonly value: number;
	readonly adjoint: number | undefined;
	/** For a loop variable: the iteration (0-based) and the trip count. */
	readonly iteration?: { readonly k: number; readonly count: number };
}

export interface WalkFrame {
	/** The helper's name, or undefined for the loss itself. */
	readonly call: string | undefined;
	/** Where the frame stands: the current statement, or the call it is waiting on. */
	readonly line: number;
	readonly column: number;
	readonly locals: readonly WalkLocal[];
	/** The innermost loop iteration the frame is in, if any. */
	readonly loop: WalkLocal | undefined;
}

/** The walk's frames, innermost first. */
export function walkFrames(walk: PassWalk): WalkFrame[] {
	const levels = walk.levels;
	const frames: WalkFrame[] = [];
	let end = levels.length;
	let at: { line: number; column: number } = walk.statement;
	for (let start = levels.length - 1; start >= 0; start--) {
		const level = levels[start]!;
		if (start > 0 && level.frame.kind !== 'call') continue;
		const locals = new Map<string, WalkLocal>();
		let loop: WalkLocal | undefined;
		for (let d = start; d < end; d++) loop = addLevel(walk, locals, d) ?? loop;
		frames.push({ call: level.frame.kind === 'call' ? level.frame.step.name : undefined, ...at, locals: [...locals.values()], loop });
		if (level.frame.kind === 'call') at = level.frame.step;
		end = start;
	}
	return frames;
}

/** Adds the locals level `d` shows; returns its loop variable, if it is an iteration. */
function addLevel(walk: PassWalk, locals: Map<string, WalkLocal>, d: number): WalkLocal | undefined {
	const levels = walk.levels;
	const level = levels[d]!;
	const parent = levels[d - 1];
	const backward = walk.phase === 'backward';
	const isTop = d === levels.length - 1;
	const pos = level.i;
	const set = (local: WalkLocal) => locals.set(local.name, local);
	let loop: WalkLocal | undefined;
	if (level.frame.kind === 'call' && parent) {
		level.frame.step.args.forEach((arg, j) => {
			const adjoint = backward && pos <= 0 ? walk.adjoint(argumentKey(parent, parent.i, j)) : undefined;
			set({ name: arg.name, value: level.scope.value(arg.node), adjoint });
		});
	}
	if (level.frame.kind === 'loop') {
		const { step, k, iteration } = level.frame;
		for (const c of iteration.carried) {
			if (step.loop !== undefined && isCarried(c) && c.before) set({ name: c.name, value: level.scope.value(c.before), adjoint: undefined });
		}
		const value = iteration.variable ? level.scope.value(iteration.variable) : k;
		loop = { name: step.variable === '' ? '#' : step.variable, value, adjoint: undefined, iteration: { k, count: step.count } };
		set(loop);
	}
	const last = backward ? level.steps.length - 1 : isTop ? pos : pos - 1;
	// In the backward pass everything from the current position on has been reached (below the top level, the
	// position is the loop or call the walk is inside, reached from its end). A later statement does not hide the
	// one the walk stands on (`total = 0` before the loop that updates `total`).
	const current = new Set<string>();
	for (let j = 0; j <= last; j++) {
		const keep = (local: WalkLocal) => {
			if (j <= pos) current.add(local.name);
			if (j <= pos || !current.has(local.name)) set(local);
		};
		addStep(walk, level, j, backward && j >= pos, keep);
	}
	return loop;
}

function addStep(walk: PassWalk, level: Level, j: number, reached: boolean, set: (local: WalkLocal) => void): void {
	const step = level.steps[j]!;
	if (step.kind === 'statement') {
		set({ name: step.name, value: level.scope.value(step.node), adjoint: reached ? walk.adjoint(keyAt(level, j)) : undefined });
		return;
	}
	if (step.kind !== 'loop' || step.loop === undefined || step.count === 0) return;
	step.iterations[0]!.carried.forEach((c, index) => {
		const final = step.finals[index];
		if (!isCarried(c) || !final) return;
		const adjoint = reached ? walk.adjoint(afterKey(level, j, step.count - 1, index)) : undefined;
		set({ name: c.name, value: level.scope.value(final), adjoint });
	});
}
