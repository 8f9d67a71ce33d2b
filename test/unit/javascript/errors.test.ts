// Everything outside the supported subset is a LossSyntaxError that names the construct and points at it. Each case
// gives the source, a pattern for the message, and the text the error's line and column must point at.
import { describe, expect, it } from 'vitest';
import { isLossSyntaxError, positionAt } from '../../../src/engine/errors';
import { javaScriptFrontEnd, typeScriptFrontEnd } from '../../../src/engine/language/javascript/javaScriptFrontEnd';

interface ErrorCase {
	readonly source: string;
	readonly message: RegExp;
	/** The text the error points at (its first occurrence, or the `nth`, 0-based). */
	readonly at: string;
	readonly nth?: number;
	readonly typescript?: boolean;
	readonly name?: string;
}

const xs = 'const xs = [1, 2, 3];\n';

const cases: Record<string, ErrorCase> = {
	'a while loop': {
		source: 'function loss(x = 1) {\n\twhile (x > 0) x -= 1;\n\treturn x;\n}',
		message: /^while loops are not supported; use a for loop with a fixed bound$/,
		at: 'while',
	},
	'a do...while loop': {
		source: 'function loss(x = 1) {\n\tdo { x -= 1; } while (x > 0);\n\treturn x;\n}',
		message: /while loops are not supported/,
		at: 'do',
	},
	'a for loop without a counter': {
		source: 'function loss(x = 1) {\n\tfor (;;) x += 1;\n\treturn x;\n}',
		message: /must declare one counter/,
		at: 'for',
	},
	'a for loop without a condition': {
		source: 'function loss(x = 1) {\n\tlet s = 0;\n\tfor (let i = 0; ; i++) s += x;\n\treturn s;\n}',
		message: /needs a condition on 'i'/,
		at: 'for',
	},
	'a bound that depends on a parameter': {
		source: 'function loss(x = 1, n = 3) {\n\tlet s = 0;\n\tfor (let i = 0; i < n; i++) s += x;\n\treturn s;\n}',
		message: /bound of the loop must be known before the loss runs/,
		at: 'n;', nth: 0,
	},
	'a loop without a step': {
		source: 'function loss(x = 1) {\n\tfor (let i = 0; i < 3; ) x += 1;\n\treturn x;\n}',
		message: /advance 'i' by a fixed step/,
		at: 'for',
	},
	'a loop that never ends': {
		source: 'function loss(x = 1) {\n\tfor (let i = 0; i < 3; i--) x += 1;\n\treturn x;\n}',
		message: /the loop never ends/,
		at: 'i < 3',
	},
	'a loop of 1e12 iterations': {
		source: 'function loss(x = 1) {\n\tlet s = 0;\n\tfor (let i = 0; i < 1e12; i++) s += x;\n\treturn s;\n}',
		message: /runs 1,000,000,000,000 times/,
		at: 'for',
	},
	'a long multiplicative loop': {
		source: `${xs}function loss(x = 1) {\n\tlet p = 1;\n\tfor (let i = 0; i < 100000; i++) p *= x;\n\treturn p;\n}`,
		message: /loop carries 'p' multiplicatively and is too long to unroll/,
		at: 'for',
	},
	'a return inside a loop': {
		source: `${xs}function loss(x = 1) {\n\tfor (const v of xs) {\n\t\tif (v > x) return v;\n\t}\n\treturn x;\n}`,
		message: /return inside a loop is not supported/,
		at: 'return v',
	},
	'break': {
		source: `${xs}function loss(x = 1) {\n\tlet s = 0;\n\tfor (const v of xs) {\n\t\tif (v > 2) break;\n`
			+ '\t\ts += v * x;\n\t}\n\treturn s;\n}',
		message: /'break' is not supported/,
		at: 'break',
	},
	'continue': {
		source: `${xs}function loss(x = 1) {\n\tlet s = 0;\n\tfor (const v of xs) {\n\t\tif (v > 2) continue;\n`
			+ '\t\ts += v * x;\n\t}\n\treturn s;\n}',
		message: /'continue' is not supported/,
		at: 'continue',
	},
	'a changed loop counter': {
		source: 'function loss(x = 1) {\n\tfor (let i = 0; i < 3; i++) {\n\t\ti += 1;\n\t\tx += i;\n\t}\n'
			+ '\treturn x;\n}',
		message: /loop counter 'i' cannot be changed/,
		at: 'i += 1',
	},
	'console.log': {
		source: 'function loss(x = 1) {\n\tconsole.log(x);\n\treturn x;\n}',
		message: /console\.log is not supported in a loss/,
		at: 'console',
	},
	'require': {
		source: 'function loss(x = 1) {\n\tconst fs = require("fs");\n\treturn x;\n}',
		message: /'require' is not supported/,
		at: 'require',
	},
	'a used import': {
		source: "import { scale } from './scale';\nfunction loss(x = 1) {\n\treturn scale * x;\n}",
		message: /'scale' is imported from '\.\/scale'/,
		at: 'scale *',
	},
	'an unknown name': { source: 'function loss(x = 1) {\n\treturn x + z;\n}', message: /^unknown name 'z'$/, at: 'z' },
	'recursion': {
		source: 'function f(n, x) {\n\treturn n * f(n - 1, x);\n}\nfunction loss(x = 1) {\n\treturn f(3, x);\n}',
		message: /recursion is not supported: 'f' calls itself/,
		at: 'f(n - 1',
	},
	'a method in an object': {
		source: 'function loss(x = 1) {\n\tconst p = { f() { return x; } };\n\treturn x;\n}',
		message: /^objects in a loss hold numbers and arrays, not methods$/,
		at: 'f()',
	},
	'a used class': {
		source: 'class Model {}\nfunction loss(x = 1) {\n\treturn Model;\n}',
		message: /'Model' is a class/,
		at: 'Model;',
	},
	'new': {
		source: 'function loss(x = 1) {\n\treturn new Number(x);\n}',
		message: /'new' is supported only for arrays/,
		at: 'new',
	},
	'this': { source: 'function loss(x = 1) {\n\treturn this.x;\n}', message: /'this' is not supported/, at: 'this' },
	'a string': {
		source: "function loss(x = 1) {\n\treturn 'x' + x;\n}",
		message: /^strings are not supported in a loss$/,
		at: "'x'",
	},
	'a template string': {
		source: 'function loss(x = 1) {\n\treturn `${x}`;\n}',
		message: /template strings are not supported/,
		at: '`',
	},
	'a ragged data array': {
		source: 'const X = [[1, 2], [3]];\nfunction loss(x = 1) {\n\treturn X[0][0] * x;\n}',
		message: /not rectangular/,
		at: '[3]',
	},
	'a string in data': {
		source: "const X = [1, 'two', 3];\nfunction loss(x = 1) {\n\treturn X[0] * x;\n}",
		message: /strings are not supported/,
		at: "'two'",
	},
	'an unsupported array method': {
		source: `${xs}function loss(x = 1) {\n\treturn xs.indexOf(2) * x;\n}`,
		message: /arrays in a loss support only map, reduce, slice, entries and length, not 'indexOf'/,
		at: 'xs.indexOf',
	},
	'forEach with a function passed by name': {
		source: `${xs}function add(v) { return v; }\nfunction loss(x = 1) {\n\txs.forEach(add);\n\treturn x;\n}`,
		message: /forEach in a loss takes a function written in place/,
		at: 'xs.forEach',
	},
	'filter': {
		source: `${xs}function loss(x = 1) {\n\treturn xs.filter((v) => v > x).length;\n}`,
		message: /filter is not supported/,
		at: 'xs.filter',
	},
	'Math.random': {
		source: 'function loss(x = 1) {\n\treturn x * Math.random();\n}',
		message: /Math\.random is not supported/,
		at: 'Math.random',
	},
	'an unknown Math function': {
		source: 'function loss(x = 1) {\n\treturn Math.sinc(x);\n}',
		message: /Math\.sinc is not supported/,
		at: 'Math.sinc',
	},
	'a wrong argument count': {
		source: 'function loss(x = 1) {\n\treturn Math.atan2(x);\n}',
		message: /Math\.atan2 takes 2 arguments, not 1/,
		at: 'Math.atan2',
	},
	'an assignment to a const': {
		source: 'function loss(x = 1) {\n\tconst a = x;\n\ta = 2;\n\treturn a;\n}',
		message: /cannot assign to const 'a'/,
		at: 'a = 2',
	},
	'an assignment to a module constant': {
		source: 'let N = 3;\nfunction loss(x = 1) {\n\tN = 4;\n\treturn N * x;\n}',
		message: /cannot assign to 'N'/,
		at: 'N = 4',
	},
	'an assignment to an element of module data': {
		source: `${xs}function loss(w = 1) {\n\txs[0] = w;\n\treturn xs[0];\n}`,
		message: /cannot assign to 'xs': names outside the function are constants/,
		at: 'xs[0] =',
	},
	'an assignment inside an expression': {
		source: 'function loss(x = 1) {\n\tlet a = 0;\n\treturn (a = x) * 2;\n}',
		message: /an assignment inside an expression is not supported in a loss; write it as a statement of its own/,
		at: 'a = x',
	},
	'a long loop that changes an array': {
		source: `${xs}function loss(x = 1) {\n\tconst v = [];\n\tfor (let i = 0; i < 100000; i++) v.push(x);\n`
			+ '\treturn v[0];\n}',
		message: /a list changes its length inside a loop of 100,000 iterations/,
		at: 'for',
	},
	'a path without return': {
		source: 'function loss(x = 1) {\n\tif (x > 0) {\n\t\treturn x;\n\t}\n}',
		message: /not every path returns a value/,
		at: 'if',
	},
	'no return at all': {
		source: 'function loss(x = 1) {\n\tconst y = x * 2;\n}',
		message: /'loss' ends without returning a value/,
		at: 'function',
	},
	'switch': {
		source: 'function loss(x = 1) {\n\tswitch (x) { default: return x; }\n}',
		message: /'switch' is not supported/,
		at: 'switch',
	},
	'try': {
		source: 'function loss(x = 1) {\n\ttry { return x; } catch { return 0; }\n}',
		message: /'try' is not supported/,
		at: 'try',
	},
	'for...in': {
		source: `${xs}function loss(x = 1) {\n\tlet s = 0;\n\tfor (const k in xs) s += x;\n\treturn s;\n}`,
		message: /for\.\.\.in loops are not supported/,
		at: 'for',
	},
	'a bitwise operator': {
		source: 'function loss(x = 1) {\n\treturn x | 0;\n}',
		message: /the operator '\|' is not supported/,
		at: ' | 0',
	},
	'typeof': {
		source: 'function loss(x = 1) {\n\treturn typeof x;\n}',
		message: /the operator 'typeof' is not supported/,
		at: 'typeof',
	},
	'??': {
		source: 'function loss(x = 1) {\n\treturn x ?? 0;\n}',
		message: /the operator '\?\?' is not supported/,
		at: ' ?? 0',
	},
	'optional chaining': {
		source: `${xs}function loss(x = 1) {\n\treturn xs?.length * x;\n}`,
		message: /optional chaining \('\?\.'\) is not supported/,
		at: 'xs?.',
	},
	'an async loss': {
		source: 'async function loss(x = 1) {\n\treturn x;\n}',
		message: /'loss' is async/,
		at: 'async',
	},
	'a constant index out of range': {
		source: `${xs}function loss(x = 1) {\n\treturn xs[3] * x;\n}`,
		message: /index 3 is out of range for 'xs' \(length 3\)/,
		at: 'xs[3]',
	},
	'an array returned': {
		source: `${xs}function loss(x = 1) {\n\treturn xs;\n}`,
		message: /the returned value is an array/,
		at: 'return',
	},
	'a vector parameter without a size': {
		source: 'function loss(w: number[]) {\n\treturn w[0];\n}',
		message: /give the vector parameter 'w' a default/,
		at: 'w:', typescript: true,
	},
	'a default that uses another parameter': {
		source: 'function loss(x = 1, y = x) {\n\treturn x * y;\n}',
		message: /the default of 'y' must be a constant; it cannot use the parameter 'x'/,
		at: 'x)',
	},
	'a spread argument': {
		source: `${xs}function f(a, b, c) { return a; }\nfunction loss(x = 1) {\n\treturn f(...xs) * x;\n}`,
		message: /spread arguments/,
		at: '...xs',
	},
	'a syntax error': { source: 'function loss(x = 1) {\n\treturn x +;\n}', message: /^Unexpected token$/, at: ';' },
	'a missing loss': {
		source: 'function f(x = 1) { return x; }\nfunction g(x = 1) { return x; }',
		message: /several functions \(f, g\); name one/,
		at: 'function f',
	},
	'an unknown name for the loss': {
		source: 'function loss(x = 1) { return x; }',
		message: /no loss named 'other' \(found: loss\)/,
		at: 'function', name: 'other',
	},
	'a file without functions': { source: 'const a = 1;', message: /no loss function found/, at: 'const' },
};

describe('unsupported constructs', () => {
	for (const [label, c] of Object.entries(cases)) {
		it(`rejects ${label} with its position`, () => {
			const frontEnd = c.typescript ? typeScriptFrontEnd : javaScriptFrontEnd;
			let error: unknown;
			try {
				frontEnd.lower(c.source, { name: c.name });
			} catch (e) {
				error = e;
			}
			if (!isLossSyntaxError(error)) throw new Error(`expected a LossSyntaxError, got ${String(error)}`);
			expect(error.message).toMatch(c.message);
			let offset = -1;
			for (let k = 0; k <= (c.nth ?? 0); k++) offset = c.source.indexOf(c.at, offset + 1);
			expect(offset, `'${c.at}' is in the source`).toBeGreaterThanOrEqual(0);
			expect({ line: error.line, column: error.column }).toEqual(positionAt(c.source, offset));
		});
	}

	it('ignores what the loss does not use: imports, classes, strings, top-level statements', () => {
		const source = `import { readFileSync } from 'node:fs';
class Model {}
const title = 'regression';
const xs = [1, 2, 3];
function loss(w = 0.5) {
	return xs.reduce((s, x) => s + (w * x - 1) ** 2, 0);
}
console.log(loss(1), title);
`;
		const { graph } = javaScriptFrontEnd.lower(source, {});
		expect(graph.paramNames).toEqual(['w']);
	});

	it('reports type annotations in JavaScript as a syntax error', () => {
		const typed = 'function loss(x: number = 1) { return x; }';
		expect(() => javaScriptFrontEnd.lower(typed, {})).toThrow(/^Unexpected token/);
	});
});
