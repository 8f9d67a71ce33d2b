// numpy, torch and plain-list code in a loss, against the numbers real numpy / PyTorch / CPython produce for the same
// source, and each parameter's shape against numpy's
// (fixtures/arrayOracle.py writes fixtures/arrayOracle.json; rerun it with Debian's /usr/bin/python3). Values to
// 1e-12 relative; gradients to 1e-10 against torch's autograd and to 1e-6 against numpy central differences; the
// compiled code against the reference interpreter.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileLoss } from '../../../src/engine/compileLoss';
import { paramShape } from '../../../src/engine/graph/node';

interface OracleCase {
	readonly source: string;
	readonly params: readonly string[];
	readonly shapes: readonly (readonly number[])[];
	readonly start: readonly number[];
	readonly value: number;
	readonly gradient: readonly number[];
	readonly gradientBy: 'autograd' | 'central differences';
}

const oracle = JSON.parse(readFileSync('test/unit/python/fixtures/arrayOracle.json', 'utf8')) as Record<string, OracleCase>;

const close = (actual: number, expected: number, tolerance: number) =>
	Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected));

describe('numpy and torch losses against numpy and PyTorch', () => {
	it.each(Object.entries(oracle))('%s', (name, c) => {
		if (name.startsWith('examples/')) expect(readFileSync(name, 'utf8'), `${name} changed: rerun arrayOracle.py`).toBe(c.source);
		const loss = compileLoss(c.source, { language: 'python' });
		expect(loss.params).toEqual(c.params);
		expect(loss.paramSpecs.map(paramShape)).toEqual(c.shapes);
		expect(loss.start).toEqual(c.start);
		const gradient = new Float64Array(loss.params.length);
		const value = loss.valueAndGradient(loss.start, gradient);
		expect(close(value, c.value, 1e-12), `value ${value} vs ${c.value}`).toBe(true);
		const tolerance = c.gradientBy === 'autograd' ? 1e-10 : 1e-6;
		gradient.forEach((g, i) => expect(close(g, c.gradient[i]!, tolerance), `${c.params[i]}: ${g} vs ${c.gradient[i]}`).toBe(true));
		const interpreted = compileLoss(c.source, { language: 'python', interpret: true });
		const reference = new Float64Array(loss.params.length);
		expect(interpreted.valueAndGradient(loss.start, reference)).toBeCloseTo(value, 12);
		reference.forEach((g, i) => expect(close(g, gradient[i]!, 1e-12)).toBe(true));
	});
});
