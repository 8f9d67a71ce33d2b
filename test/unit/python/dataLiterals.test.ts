// Long lists of numbers are read before @lezer/python parses (dataLiterals.ts): the module they give must be the one
// the parser gives for the text as written (the parser's own tree of the unblanked text is the oracle), errors keep
// their positions, and a list in a comment or a string leaves the whole text to the parser.
import { parser } from '@lezer/python';
import { describe, expect, it } from 'vitest';
import { convertModule } from '../../../src/engine/language/python/convertStatements';
import { findDataLiterals } from '../../../src/engine/language/python/dataLiterals';
import { lezerSpelling, parsePython, SourceText } from '../../../src/engine/language/python/parsePython';
import { errorOf } from './helpers';

const numbers = (count: number, f: (i: number) => string) => Array.from({ length: count }, (_, i) => f(i)).join(', ');
const rows = `[${Array.from({ length: 12 }, (_, i) => `[${i}.5, -${i}e-3, +.${i}]`).join(',\n     ')},]`;

const sources: Record<string, string> = {
	'a matrix of data in np.array': `import numpy as np\nX = np.array(${rows})\ndef loss(w=np.zeros(3)):\n    return np.sum(X @ w)\n`,
	'a vector of data and a default': `y = [${numbers(20, (i) => `${i * 0.25}`)}]\ndef loss(w=[${numbers(16, (i) => `${(i % 3) - 1}.`)}]):\n    return sum(a * b for a, b in zip(w, y))\n`,
	'spellings: 1., 1.e5, .5, 2E-3, 00.5, 7': `v = [${numbers(18, (i) => ['1.', '1.e5', '.5', '2E-3', '00.5', '7'][i % 6]!)}]\ndef loss(x=1.0):\n    return x * sum(v)\n`,
};

/** The module as the parser alone reads it: the tree of the text as written, no list read beforehand. */
function parserModule(source: string) {
	const text = new SourceText(source);
	return convertModule(text, parser.parse(lezerSpelling(source)).topNode);
}

describe('lists of numbers read before parsing', () => {
	it.each(Object.entries(sources))('%s: the same module as the parser reads', (_name, source) => {
		const text = new SourceText(source);
		expect(findDataLiterals(text, lezerSpelling(source)).length).toBeGreaterThan(0);
		expect(convertModule(text, parsePython(text).topNode)).toEqual(parserModule(source));
	});

	it('leaves lists the grammar reads otherwise to the parser', () => {
		for (const item of ['01', '1_000', '1j', '0x1F', 'True', 'x', '1 + 2', '--1', '1.5.2']) {
			const source = `v = [${numbers(20, (i) => (i === 7 ? item : `${i}`))}]\n`;
			expect(findDataLiterals(new SourceText(source), lezerSpelling(source)), item).toEqual([]);
		}
		const subscript = `X = [${numbers(20, String)}]\ny = X[${numbers(20, () => '0')}]\n`;
		expect(findDataLiterals(new SourceText(subscript), lezerSpelling(subscript))).toHaveLength(1);
	});

	it('parses as written when a list was in a comment or a string', () => {
		const comment = `z = [  # w = [${numbers(20, String)},\n 1]\ndef loss(x=1.0):\n    return x * z[0]\n`;
		const commented = new SourceText(comment);
		expect(findDataLiterals(commented, comment)).toHaveLength(1);
		expect(convertModule(commented, parsePython(commented).topNode)).toEqual(parserModule(comment));
		expect(errorOf(comment.replace('z[0]', 'z[1]'))).toMatchObject({ message: expect.stringMatching(/out of range|out of bounds/), line: 4 });
		const docstring = `def loss(x=1.0):\n    """x = [${numbers(20, String)}]"""\n    return x\n`;
		const text = new SourceText(docstring);
		expect(findDataLiterals(text, docstring)).toHaveLength(1);
		expect(convertModule(text, parsePython(text).topNode)).toEqual(parserModule(docstring));
	});

	it('keeps the position of an error inside or after a long list', () => {
		const list = `v = [${numbers(20, String)} 3]\n`;
		expect(errorOf(list)).toEqual({ message: 'invalid syntax', line: 1, column: list.indexOf(' 3]') + 2 });
		const after = `import numpy as np\nX = np.array(${rows})\ndef loss(w=np.zeros(2)):\n    return np.sum(X @ w)\n`;
		const error = errorOf(after);
		expect(error.message).toMatch(/^matmul: Input operand 1 has a mismatch in its core dimension 0/);
		expect(error.line).toBe(15);
	});
});
