/**
 * The cut points of a statement in the backward pass: the nodes that earlier statement instances computed, each
 * mapped to its instance. A statement's sweep stops at them (see `adjointSweep.ts`). After a loop, its carried
 * variables' final values stand for the last iteration's values; after an unrolled loop or a call, the statements
 * inside stay visible, since later statements read their nodes.
 */
import type { Node } from '../../graph/node';
import { afterKey, argumentKey, callLevel, iterationLevel, keyAt, type InstanceKey, type Level } from './walkLevel';

/** Every instance before position `end` of the top level of `levels` (and before each lower level's position). */
export function cutsBefore(levels: readonly Level[], end: number): Map<number, InstanceKey> {
	const cuts = new Map<number, InstanceKey>();
	levels.forEach((level, d) => {
		const parent = levels[d - 1];
		if (level.frame.kind === 'call' && parent) {
			level.frame.step.args.forEach((a, j) => cuts.set(a.node.id, argumentKey(parent, parent.i, j)));
		}
		const stop = d === levels.length - 1 ? end : level.i;
		for (let j = 0; j < stop; j++) addStep(cuts, level, j);
	});
	return cuts;
}

function addStep(cuts: Map<number, InstanceKey>, level: Level, j: number): void {
	const step = level.steps[j]!;
	const at = { ...level, i: j };
	switch (step.kind) {
		case 'statement':
			cuts.set(step.node.id, keyAt(level, j));
			return;
		case 'call': {
			step.args.forEach((a, m) => cuts.set(a.node.id, argumentKey(level, j, m)));
			const inner = callLevel(at, step, 0);
			step.body.forEach((_, m) => addStep(cuts, inner, m));
			return;
		}
		case 'loop':
			if (step.count === 0) return;
			if (step.loop !== undefined) {
				step.finals.forEach((final, c) => {
					if (isCarried(step.iterations[0]!.carried[c]) && final) cuts.set(final.id, afterKey(level, j, step.count - 1, c));
				});
				return;
			}
			for (let k = 0; k < step.count; k++) {
				const iteration = iterationLevel(at, step, k, level.scope, 0);
				iteration.steps.forEach((_, m) => addStep(cuts, iteration, m));
			}
			return;
		default: {
			const never: never = step;
			return never;
		}
	}
}

/** True for a variable an iteration really changes (not one the body leaves as it was). */
export function isCarried(c: { readonly before: Node | undefined; readonly after: Node | undefined } | undefined): boolean {
	return c !== undefined && c.after !== undefined && c.after !== c.before;
}
