// The one rule for which loss of a file is meant: under the cursor, else `loss`, else the only one; a broken loss
// is reported, never replaced by another function; Markdown blocks sharing a name are told apart by position.
import { describe, expect, it } from 'vitest';
import { compileLoss } from '../../../src/engine/compileLoss';
import { isLossSyntaxError } from '../../../src/engine/errors';
import { chooseLoss, spanContains } from '../../../src/engine/language/chooseLoss';

const brokenLossAndHelper = `function sigmoid(z: number) {
	return 1 / (1 + Math.exp(-z));
}

export function loss(w = 0.5) {
	let s = 0;
	while (s < 3) s++;
	return sigmoid(w) + s;
}
`;

const twoFs = '# Two f\n\n$$f(x) = (x - 3)^2$$\n\nIn prose \\(0.3x\\), then:\n\n$$f(x) = (x + 1)^2 + 2$$\n';

function errorOf(run: () => unknown): { message: string; line: number; column: number } {
	try {
		run();
	} catch (error) {
		if (isLossSyntaxError(error)) return error;
		throw error;
	}
	throw new Error('expected a LossSyntaxError');
}

describe('choosing the loss', () => {
	const span = (line: number, endLine: number) => ({ line, column: 1, endLine, endColumn: 2 });

	it('prefers the candidate under the cursor, the innermost when they nest', () => {
		const outer = { name: 'outer', span: span(1, 10) };
		const inner = { name: 'inner', span: span(3, 4) };
		expect(chooseLoss([outer, inner], { at: { line: 3, column: 1 } })).toBe(inner);
		expect(chooseLoss([outer, inner], { at: { line: 8, column: 1 } })).toBe(outer);
	});

	it('else the one called loss, else the only one, else nothing (the user picks)', () => {
		const loss = { name: 'loss', span: span(1, 2) };
		const helper = { name: 'helper', span: span(4, 5) };
		expect(chooseLoss([helper, loss], { at: { line: 9, column: 1 } })).toBe(loss);
		expect(chooseLoss([helper], {})).toBe(helper);
		expect(chooseLoss([helper, { name: 'g', span: span(7, 8) }], {})).toBeUndefined();
	});

	it('treats the span end as inclusive of its last column and exclusive beyond', () => {
		expect(spanContains({ line: 2, column: 3, endLine: 2, endColumn: 6 }, { line: 2, column: 6 })).toBe(true);
		expect(spanContains({ line: 2, column: 3, endLine: 2, endColumn: 6 }, { line: 2, column: 7 })).toBe(false);
		expect(spanContains({ line: 2, column: 3, endLine: 2, endColumn: 6 }, { line: 2, column: 2 })).toBe(false);
	});

	it('reports a broken loss next to a valid helper instead of compiling the helper', () => {
		const error = errorOf(() => compileLoss(brokenLossAndHelper, { language: 'typescript' }));
		expect(error.message).toMatch(/while loops are not supported/);
		expect([error.line, error.column]).toEqual([7, 2]);
		const helper = compileLoss(brokenLossAndHelper, { language: 'typescript', at: { line: 2, column: 3 } });
		expect(helper.name).toBe('sigmoid');
	});

	it('compiles the Markdown block at the position when two share a name', () => {
		const first = compileLoss(twoFs, { language: 'markdown', name: 'f', at: { line: 3, column: 1 } });
		const second = compileLoss(twoFs, { language: 'markdown', name: 'f', at: { line: 7, column: 4 } });
		expect([first.value([0]), second.value([0])]).toEqual([9, 3]);
		expect(second.site.span.line).toBe(7);
		const stray = compileLoss(twoFs, { language: 'markdown', name: 'f', at: { line: 5, column: 12 } });
		expect([stray.site.span.line, stray.value([2])]).toEqual([5, 0.6]);
	});
});
