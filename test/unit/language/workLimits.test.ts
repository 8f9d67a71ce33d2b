// The front ends' work limits on generated sources (issue #14): a `.math` sum of two million terms and a Python
// expression in 100,000 parentheses end at once with a positioned LossSyntaxError; just under each limit the loss
// still lists and computes. Positions are derived by hand from how each source is written.
import { describe, expect, it } from 'vitest';
import { compileLoss, findLosses, isLossSyntaxError, type LossSyntaxError } from '../../../src/engine/index';

function thrown(run: () => unknown): LossSyntaxError {
	try {
		run();
	} catch (error) {
		if (isLossSyntaxError(error)) return error;
		throw error;
	}
	throw new Error('no error was thrown');
}

/** `f(x) = x + x + ... + x` with `terms` terms. */
function longSum(terms: number): string {
	return `f(x) = ${Array(terms).fill('x').join(' + ')}\n`;
}

describe('the math front ends stop at 20,000 symbols', () => {
	it('refuses two million terms at the 20,001st symbol', () => {
		const error = thrown(() => findLosses(longSum(2_000_000), 'math'));
		expect(error.message).toBe('the formula is too long: more than 20,000 symbols');
		// `f ( x ) =` are symbols 1-5; then x, +, x, ... one character and one space each from column 8: symbol
		// 50,001 is the 49,996th of the sum, at column 8 + 2 · 49,995.
		expect(error.span).toMatchObject({ line: 1, column: 8 + 2 * 19_995 });
	});

	it('refuses it in LaTeX and in a Markdown block too', () => {
		const latex = thrown(() => findLosses(`$$${longSum(12_000)}$$`, 'latex'));
		expect(latex.message).toBe('the formula is too long: more than 20,000 symbols');
		const [found] = findLosses(`# Notes\n\n$$${longSum(12_000)}$$\n`, 'markdown');
		expect(found?.kind === 'error' && found.error.message).toBe('the formula is too long: more than 20,000 symbols');
	});

	it('computes a sum just under the limit', () => {
		// 5 symbols for `f(x) =`, then 2·terms − 1: 9,997 terms make 19,998 symbols.
		const loss = compileLoss(longSum(9_997), { language: 'math' });
		expect(loss.value([2])).toBe(2 * 9_997);
	});
});

describe('Python brackets nest at most 200 deep (as in CPython)', () => {
	const nested = (depth: number) => `def loss(x=1.0):\n    return ${'('.repeat(depth)}x${')'.repeat(depth)}\n`;

	it('refuses 100,000 nested parentheses at the 201st', () => {
		const error = thrown(() => findLosses(nested(100_000), 'python'));
		expect(error.message).toBe('too many nested parentheses: more than 200 levels');
		// `    return ` is 11 characters: the first parenthesis is column 12, the 201st column 212.
		expect(error.span).toMatchObject({ line: 2, column: 212 });
	});

	it('accepts 200 levels, and brackets in strings and comments do not count', () => {
		expect(compileLoss(nested(200), { language: 'python' }).value([3])).toBe(3);
		const source = `# ${'('.repeat(300)}\nnote = "${'['.repeat(300)}"\ndoc = '''${'{'.repeat(300)}\n'''\n${nested(200)}`;
		expect(compileLoss(source, { language: 'python', name: 'loss' }).value([3])).toBe(3);
	});
});
