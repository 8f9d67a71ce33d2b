// A for loop with a fractional step runs as many times as JavaScript runs it: the counter accumulates rounding in
// float64 (0.1 added ten times is 0.9999999999999999, still < 1). The oracle is each loop run by Node itself.
import { describe, expect, it } from 'vitest';
import { compileLoss } from '../../../src/engine/compileLoss';
import { isLossSyntaxError } from '../../../src/engine/errors';
import { iterations } from '../../../src/engine/language/javascript/loopBounds';

/** How many times Node runs `for (let i = start; i op bound; i += step)`. */
function nodeCount(op: '<' | '<=' | '>' | '>=', start: number, step: number, bound: number): number {
	const holds = { '<': (i: number) => i < bound, '<=': (i: number) => i <= bound, '>': (i: number) => i > bound, '>=': (i: number) => i >= bound }[op];
	let count = 0;
	for (let i = start; holds(i); i += step) count++;
	return count;
}

const loops: [string, '<' | '<=' | '>' | '>=', number, number, number][] = [
	['i = 0; i < 1; i += 0.1', '<', 0, 0.1, 1],
	['i = 0; i <= 1; i += 0.1', '<=', 0, 0.1, 1],
	['i = 1; i > 0; i -= 0.1', '>', 1, -0.1, 0],
	['i = 0.5; i < 3; i += 0.25', '<', 0.5, 0.25, 3],
	['i = 0; i < 0.7; i += 0.1', '<', 0, 0.1, 0.7],
	['i = 0; i <= 0.3; i += 0.1', '<=', 0, 0.1, 0.3],
	['i = 2; i >= 1.4; i -= 0.2', '>=', 2, -0.2, 1.4],
];

describe('loops with a fractional step', () => {
	it.each(loops)('for (let %s) runs as often as in Node', (header, op, start, step, bound) => {
		const expected = nodeCount(op, start, step, bound);
		expect(iterations(op, start, step, bound)).toBe(expected);
		const loss = compileLoss(`function loss(x = 1) { let s = 0; for (let ${header}) s += x; return s; }`, { language: 'javascript' });
		expect(loss.value([1])).toBe(expected);
		expect(loss.value([2])).toBe(2 * expected);
	});

	it('counts the first example of the report: 11 iterations, not 10', () => {
		expect(nodeCount('<', 0, 0.1, 1)).toBe(11);
	});

	it('reads the counter as Node does, to rounding', () => {
		let expected = 0;
		for (let i = 0; i < 1; i += 0.1) expected += i * 3;
		const loss = compileLoss('function loss(x = 3) { let s = 0; for (let i = 0; i < 1; i += 0.1) s += i * x; return s; }', { language: 'javascript' });
		expect(Math.abs(loss.value([3]) - expected)).toBeLessThan(1e-12);
	});

	it('refuses a != loop that steps past its bound, as Node would loop for ever', () => {
		let thrown: unknown;
		try {
			compileLoss('function loss(x = 1) { let s = 0; for (let i = 0; i != 1; i += 0.1) s += x; return s; }', { language: 'javascript' });
		} catch (error) {
			thrown = error;
		}
		expect(isLossSyntaxError(thrown)).toBe(true);
		expect((thrown as Error).message).toMatch(/never ends/);
		expect(iterations('!=', 0, 0.5, 2)).toBe(4);
	});
});
