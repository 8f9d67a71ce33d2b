// Names that every plain JavaScript object inherits (`constructor`, `toString`, `__proto__`, ...) are ordinary user
// names to Downhill: unknown where the user did not define them, usable where they did. No table lookup may answer
// them with Object.prototype's members (native function text in generated code, a function as a value, a throw
// that hides the file's other losses).
import { describe, expect, it } from 'vitest';
import { compileLoss, findLosses } from '../../../src/engine/compileLoss';
import { isLossSyntaxError } from '../../../src/engine/errors';
import { numberLiteral } from '../../../src/engine/graph/compileGraph';
import { GraphBuilder } from '../../../src/engine/graph/graphBuilder';
import { OptimizationSession } from '../../../src/engine/session/optimizationSession';
import { SessionVariables } from '../../../src/engine/session/sessionVariables';
import { parseExpression } from '../../../src/engine/expression/parseExpression';
import { evaluateExpression } from '../../../src/engine/expression/evaluateExpression';
import { languageForEditorLanguage, languageForPath } from '../../../src/engine/language/languageForPath';
import type { LanguageId } from '../../../src/engine/language/frontEnd';

const inherited = ['constructor', 'toString', 'valueOf', '__proto__', 'isPrototypeOf', '__defineGetter__', 'hasOwnProperty'];

function expectSyntaxError(source: string, language: LanguageId, message: RegExp): void {
	let thrown: unknown;
	try {
		compileLoss(source, { language });
	} catch (error) {
		thrown = error;
	}
	expect(isLossSyntaxError(thrown), `${source}: ${String(thrown)}`).toBe(true);
	expect((thrown as Error).message, source).toMatch(message);
}

describe.each(inherited)('the inherited name %s', (name) => {
	it('is not a Number or Math constant in JavaScript', () => {
		expectSyntaxError(`function loss(x = 1) { return x * x + Number.${name}; }`, 'javascript', /not supported in a loss/);
		expectSyntaxError(`function loss(x = 1) { return x * x + Math.${name}; }`, 'javascript', /not supported in a loss/);
	});

	it('is an unknown name in JavaScript and Python, and the file still lists its loss', () => {
		expectSyntaxError(`function loss(x = 1) { return x + ${name}; }`, 'javascript', /unknown name/);
		expectSyntaxError(`def loss(x=1.0):\n    return x + ${name}\n`, 'python', /unknown name/);
		const js = findLosses(`function helper(x) { return ${name}(x); }\nfunction loss(x = 1) { return x * x; }`, 'javascript');
		const py = findLosses(`def helper(x):\n    return ${name}(x)\n\ndef loss(x=1.0):\n    return x * x\n`, 'python');
		for (const found of [js, py]) {
			expect(found.some((f) => f.kind === 'loss' && f.site.name === 'loss')).toBe(true);
			expect(found.some((f) => f.kind === 'error' && f.name === 'helper')).toBe(true);
		}
	});

	it('is not a member of math or numpy in Python', () => {
		expectSyntaxError(`import math\ndef loss(x=1.0):\n    return x + math.${name}\n`, 'python', /math/);
		expectSyntaxError(`import numpy as np\ndef loss(x=1.0):\n    return x + np.${name}(x)\n`, 'python', /np/);
	});

	it('is neither a file extension nor an editor language', () => {
		expect(languageForPath(`loss.${name}`)).toBeUndefined();
		expect(languageForEditorLanguage(name)).toBeUndefined();
	});

	it('is an ordinary parameter name where the language allows it', () => {
		if (name === '__proto__') return;
		const loss = compileLoss(`function loss(${name} = 3) { return ${name} * ${name}; }`, { language: 'javascript' });
		expect(loss.value([3])).toBe(9);
	});

	it('is unknown to the Debug Console, Watch and breakpoint conditions', () => {
		const loss = compileLoss('function loss(x = 1) { return x * x; }', { language: 'javascript' });
		const variables = new SessionVariables(new OptimizationSession(loss));
		expect(variables.lookup(name)).toBeUndefined();
		expect(variables.names().has(name)).toBe(false);
		expect(() => evaluateExpression(parseExpression(`${name} + 1`), variables.lookup)).toThrow(/unknown|not defined|name/i);
		expect(variables.assign(name, 1)).toMatch(/cannot assign/);
	});
});

describe('generated code', () => {
	it('takes only numbers as constants', () => {
		const text = Number.constructor as unknown as number;
		expect(() => new GraphBuilder().constant(text)).toThrow(/must be a number/);
		expect(() => numberLiteral(text)).toThrow(/must be a number/);
		expect(numberLiteral(-Infinity)).toBe('(-Infinity)');
	});
});
