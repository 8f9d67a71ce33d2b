// The Python front end as the extension and the CLI use it: listing the losses of a file with their spans, picking
// one, laying out parameters and start points, and the step-into trace.
import { outlineSteps as outline, type TraceStatement } from '../../../src/engine/graph/traceSteps';
import { describe, expect, it } from 'vitest';
import { compileLoss } from '../../../src/engine/compileLoss';
import { frontEnds } from '../../../src/engine/language/frontEnds';
import { pythonFrontEnd } from '../../../src/engine/language/python/pythonFrontEnd';
import { lower, run } from './helpers';

describe('listing losses', () => {
	const source = `import numpy as np
import matplotlib.pyplot as plt

xs = [1.0, 2.0, 3.0]

# The loss.
def loss(w=0.5, b=0.0):
    return sum((w * x + b - 1) ** 2 for x in xs)

def plot(w=1.0):
    return plt.plot(w)

square = lambda v=3.0: v * v

async def fetch(x=1.0):
    return x
`;

	it('finds every top-level def and lambda with its spans, parameters and errors', () => {
		const found = pythonFrontEnd.list(source);
		const names = found.map((f) => (f.kind === 'loss' ? f.site.name : f.name));
		expect(names).toEqual(['loss', 'plot', 'square', 'fetch']);
		const [loss, plot, square, fetch] = found;
		if (loss?.kind !== 'loss' || square?.kind !== 'loss') throw new Error('expected losses');
		expect(loss.site).toEqual({
			name: 'loss',
			language: 'python',
			params: ['w', 'b'],
			span: { line: 7, column: 1, endLine: 8, endColumn: 49 },
			nameSpan: { line: 7, column: 5, endLine: 7, endColumn: 9 },
		});
		expect(square.site.span).toEqual({ line: 13, column: 1, endLine: 13, endColumn: 29 });
		expect(square.site.nameSpan).toEqual({ line: 13, column: 1, endLine: 13, endColumn: 7 });
		if (plot?.kind !== 'error' || fetch?.kind !== 'error') throw new Error('expected errors');
		expect(plot.error.message).toBe("import of 'matplotlib' is not supported: only math and numpy");
		expect(plot.error.line).toBe(2);
		expect(fetch.error.message).toMatch(/'async def' is not supported/);
		expect(fetch.span.line).toBe(15);
	});

	it('lowers the one called loss, a named one, or the only one', () => {
		expect(pythonFrontEnd.lower(source, {}).site.name).toBe('loss');
		expect(pythonFrontEnd.lower(source, { name: 'square' }).graph.start).toEqual([3]);
		const { site } = pythonFrontEnd.lower('f = lambda x=2.0: x * x\n', {});
		expect(site).toMatchObject({ name: 'f', language: 'python' });
		const redefined = 'def loss(x=1.0):\n    return x\n\ndef loss(x=2.0):\n    return 2 * x\n';
		expect(pythonFrontEnd.list(redefined)).toHaveLength(1);
		expect(pythonFrontEnd.lower(redefined, {}).graph.start).toEqual([2]);
	});

	it('throws a positioned error for unparsable source, from list and lower', () => {
		expect(() => pythonFrontEnd.list('def loss(:\n')).toThrow(/^invalid syntax$/);
		expect(() => pythonFrontEnd.lower('def loss(x)\n    return x', {})).toThrow(/^invalid syntax$/);
	});

	it('is registered for python and compiles through compileLoss', () => {
		expect(frontEnds.python).toBe(pythonFrontEnd);
		const loss = compileLoss('def loss(x=5.0):\n    return (x - 1) ** 2 + 1\n', { language: 'python' });
		const g = new Float64Array(1);
		expect(loss.valueAndGradient(loss.start, g)).toBe(17);
		expect(g[0]).toBe(8);
	});
});

describe('parameters', () => {
	it('takes defaults as the start point, 0 where missing, and constant expressions', () => {
		const params = 'x=-1.2, y: float = 0, z=math.pi / 4, u=-k * 3, v=True, s=float("-inf")';
		const graph = lower(`import math\nk = 2\ndef loss(${params}):\n    return x + y`);
		expect(graph.paramNames).toEqual(['x', 'y', 'z', 'u', 'v', 's']);
		expect(graph.start).toEqual([-1.2, 0, Math.PI / 4, -6, 1, -Infinity]);
		expect(lower('def loss(x, y):\n    return x * y').start).toEqual([0, 0]);
	});

	it('lays out list parameters from defaults, type hints and sizes', () => {
		const graph = lower(
			`W0 = [1.0, 2.0]
def loss(a, w=W0, p: tuple[float, float, float] = (0.0, 0.0, 0.0), v: list[float] = None, q: "np.ndarray" = 0, b=1.0):
    return a + w[1] + p[2] + v[3] + b`.replace(' = None', ''),
			{ sizes: { v: 4 } },
		);
		const names = ['a', 'w[0]', 'w[1]', 'p[0]', 'p[1]', 'p[2]', 'v[0]', 'v[1]', 'v[2]', 'v[3]', 'q', 'b'];
		expect(graph.paramNames).toEqual(names);
		expect(graph.params).toEqual([
			{ name: 'a', offset: 0 },
			{ name: 'w', offset: 1, size: 2 },
			{ name: 'p', offset: 3, size: 3 },
			{ name: 'v', offset: 6, size: 4 },
			{ name: 'q', offset: 10 },
			{ name: 'b', offset: 11 },
		]);
		expect(graph.start).toEqual([0, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
		expect(run(graph).gradient).toEqual([1, 0, 1, 0, 0, 1, 0, 0, 0, 1, 0, 1]);
	});

	it('sizes a tuple hint, and resizes a list default with options.sizes', () => {
		expect(lower('def loss(p: tuple[float, float]):\n    return p[0] * p[1]').paramNames).toEqual(['p[0]', 'p[1]']);
		const graph = lower('def loss(w=[3.0, 4.0]):\n    return sum(v * v for v in w)', { sizes: { w: 3 } });
		expect(graph.start).toEqual([3, 4, 0]);
		expect(run(graph).value).toBe(25);
	});
});

describe('the step-into trace', () => {
	it('records scalar locals in statement order, a for loop as a frame over its body, then the return', () => {
		const source = `xs = [1.0, 2.0]
def loss(x=1.0, w=[1.0, 2.0]):
    """Docstring."""
    a = x * 2
    s = 0.0
    for v in xs:
        t = v * a
        s += t
    s += 1
    ws = [v * x for v in w]
    if a > 1:
        s = s * 2
    p, q = a, s
    x **= 2
    return s + a`;
		const graph = lower(source);
		expect(outline(graph.steps)).toEqual([
			['a', 4, 5], ['s', 5, 5], ['for v', 6, 5, [['t', 7, 9], ['s', 8, 9]]], ['s', 9, 5],
			['p', 13, 5], ['q', 13, 5], ['x', 14, 5], ['return', 15, 5],
		]);
		expect((graph.steps.at(-1) as TraceStatement).node).toBe(graph.output);
		expect(run({ ...graph, output: (graph.steps[0] as TraceStatement).node }).value).toBe(2);
	});

	it('points the return of a lambda at its expression', () => {
		const graph = lower('loss = lambda x=1.0: x * x\n');
		expect(graph.steps).toEqual([{ kind: 'statement', name: 'return', node: graph.output, line: 1, column: 22 }]);
	});
});
