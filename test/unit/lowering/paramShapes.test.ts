// Array parameters of any rank: flat names row-major in signature order, each parameter's shape reported by the
// lowering (ParamSpec), by compileLoss and by the CLI's JSON, sizes from the caller, and gradients of a matrix
// parameter against the hand-derived closed form ∂/∂W[i][j] Σ W[i][j]·(i+1)(j+1) = (i+1)(j+1).
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main';
import { compileLoss } from '../../../src/engine/compileLoss';
import { paramShape } from '../../../src/engine/graph/node';

const python = (source: string, sizes?: Record<string, number | number[]>) => compileLoss(source, { language: 'python', sizes });

describe('array parameters', () => {
	it('lays out a nested-list default row-major, with its shape', () => {
		const loss = python('def loss(a, W=[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], b=[7.0]):\n    return a + W[1][2] + b[0]');
		expect(loss.params).toEqual(['a', 'W[0][0]', 'W[0][1]', 'W[0][2]', 'W[1][0]', 'W[1][1]', 'W[1][2]', 'b[0]']);
		expect(loss.start).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
		expect(loss.paramSpecs.map(paramShape)).toEqual([[], [2, 3], [1]]);
		expect(loss.paramSpecs[1]).toEqual({ name: 'W', offset: 1, size: 6, shape: [2, 3] });
	});

	it('differentiates every element of a matrix parameter', () => {
		const loss = python('def loss(W=[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]):\n    return sum(W[i][j] * (i + 1) * (j + 1) for i in range(2) for j in range(3))');
		const g = new Float64Array(6);
		expect(loss.valueAndGradient(loss.start, g)).toBe(1 + 4 + 9 + 8 + 20 + 36);
		expect(Array.from(g)).toEqual([1, 2, 3, 2, 4, 6]);
	});

	it('takes a shape from the caller, over the default', () => {
		const loss = python('def loss(W=0.5):\n    return W[1][0] * W[0][1]', { W: [2, 2] });
		expect(loss.params).toEqual(['W[0][0]', 'W[0][1]', 'W[1][0]', 'W[1][1]']);
		expect(loss.start).toEqual([0.5, 0.5, 0.5, 0.5]);
		expect(loss.value([1, 2, 3, 4])).toBe(6);
	});

	it('rejects a size that is not a whole number, at the parameter', () => {
		expect(() => python('def loss(W):\n    return 0', { W: [2, 1.5] })).toThrow(/the size of 'W' must be a whole number/);
	});

	it('gives params and shapes in the CLI JSON', () => {
		const out: string[] = [];
		expect(main(['grad', 'test/unit/cli/fixtures/matrix.py', '--json'], (l) => out.push(l), () => undefined)).toBe(0);
		const r = JSON.parse(out.join('\n'));
		expect(r.params).toEqual(['W[0][0]', 'W[0][1]', 'W[0][2]', 'W[1][0]', 'W[1][1]', 'W[1][2]', 'b']);
		expect(r.shapes).toEqual({ W: [2, 3], b: [] });
		expect(r.points[0].gradient).toEqual([1, 2, 3, 2, 4, 6, 1]);
	});
});
