// Fuzzing the Python front end: mutated valid sources, random token soups, random strings and hand-made adversarial
// inputs. Every input must end in a LossGraph or a LossSyntaxError with a 1-based integer position, never another
// exception, and quickly (no unrolling of huge loops, no exponential inlining, no stack overflow escaping).
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLossSyntaxError } from '../../../src/engine/errors';
import { pythonFrontEnd } from '../../../src/engine/language/python/pythonFrontEnd';
import { pythonSources } from '../fixtures/pythonSources';
import { mutate, mutationOf } from '../fixtures/sourceMutations';

// A hang is minutes; a loaded 2-core machine stretches a normal run to a few seconds, so the margin is wide.
const timeLimitMs = 30_000;

function expectPosition(error: unknown, source: string): void {
	if (!isLossSyntaxError(error)) {
		const stack = (error as Error).stack;
		throw new Error(`not a LossSyntaxError for ${JSON.stringify(source)}: ${String(error)}\n${stack}`);
	}
	expect(Number.isInteger(error.line) && error.line >= 1, `line ${error.line}`).toBe(true);
	expect(Number.isInteger(error.column) && error.column >= 1, `column ${error.column}`).toBe(true);
}

/** Runs `lower` and `list` on `source`: each returns or throws a positioned LossSyntaxError, in time. */
function check(source: string): void {
	for (const run of [() => pythonFrontEnd.lower(source, {}), () => pythonFrontEnd.list(source)]) {
		const start = performance.now();
		try {
			const result = run();
			if (Array.isArray(result)) {
				for (const found of result) if (found.kind === 'error') expectPosition(found.error, source);
			}
		} catch (error) {
			expectPosition(error, source);
		}
		const elapsed = performance.now() - start;
		const what = `took ${elapsed.toFixed(0)} ms: ${JSON.stringify(source.slice(0, 300))}`;
		expect(elapsed, what).toBeLessThan(timeLimitMs);
	}
}

const extraSeeds = [
	`import numpy as np
xs = [1.0, 2.0, 3.0, 4.0]
ys = [2.0, 4.0, 6.0, 8.0]
def loss(w=0.0, b=0.0):
    s = 0.0
    for i, (x, y) in enumerate(zip(xs, ys)):
        r = w * x + b - y
        if r > 0:
            s += r * r
        elif r < -1:
            s -= r
        else:
            s += np.abs(r) * i
    return s / len(xs) + sum(v for v in xs[::-1] if v > 2) + max(w, b) + xs[-1] // 3 % 2
`,
	`def helper(v, k=2):
    return v ** k
loss = lambda x=1.0, y=[1.0, 2.0]: sum(helper(v - x, i + 1) for i, v in enumerate(y))
`,
	`def loss(x=1.0):
    p = 1.0
    for i in range(10):
        p *= x
        if p > 2:
            return p
    return -p if x < 0 else p
`,
];
// numpy and torch losses: the sources of the array oracle (fixtures/arrayOracle.json) and the examples.
const arraySeeds = [
	...Object.values(JSON.parse(readFileSync('test/unit/python/fixtures/arrayOracle.json', 'utf8')) as Record<string, { source: string }>).map((c) => c.source),
	...['numpy_linear_regression.py', 'numpy_logistic_regression.py', 'torch_softmax_regression.py'].map((f) => readFileSync(`examples/${f}`, 'utf8')),
];
const seeds = [...pythonSources.map((s) => s.source), ...extraSeeds, ...arraySeeds];

const tokens = [
	'for ', ' in ', 'while ', 'if ', 'elif ', 'else:', 'return ', 'def ', 'lambda ', '(', ')', '[', ']', ':', ',', '=',
	'+=', '*=', '**', '//', '%', ' and ', ' or ', 'not ', '<', '<=', '10**12', '1e7', 'range(', 'zip(', 'enumerate(',
	'sum(', 'len(', 'min(', 'math.', 'np.', 'x', 'w[i]', 'xs', 'loss', "'s'", 'f"{x}"', '{1: 2}', 'None', '...', '0',
	'-', '/', '\n', '\n    ', '\n        ', '    ', 'break', '#', 'import os\n', 'import numpy as np\n',
	'from math import *\n',
	'class A:\n    pass\n', 'print(x)', 'x = x * x', 'for i in range(10**12):\n        s += x\n', 'loss(x)', 'async ',
	'await ', 'yield ', ': float', '-> float', '@dec\n', 'global x\n', 'try:\n', 'with a as b:\n', '*args', '**kw', ';',
	'\\\n', '"""doc"""', 'xs.append(x)', '[0.0] * 3', ' if x else ', 'for v in w)', 'X[i, j]', '[1:]', '[::-1]',
	'import torch\n', 'import torch.nn.functional as F\n', 'from numpy import *\n', 'np.array([[1.0, 2.0], [3.0, 4.0]])',
	'torch.tensor([1.0, -2.0])', ' @ ', '.T', '.reshape(2, -1)', '.reshape(-1)', 'axis=', 'axis=-1', 'keepdims=True',
	'dim=1', 'keepdim=True', '.sum(', '.mean(', '.max()', 'np.sum(', 'np.mean(', 'np.exp(', 'np.log(', 'np.tanh(',
	'np.maximum(', 'np.where(', 'np.zeros(', 'np.zeros((2, 3))', 'np.ones(3)', 'np.arange(', 'np.eye(3)',
	'np.concatenate([', 'np.stack([', 'np.outer(', 'np.dot(', 'np.matmul(', 'np.linalg.norm(', 'np.logaddexp(',
	'np.random.randn(3)', 'np.random.seed(0)\n', 'torch.manual_seed(0)\n', 'torch.randn(3)', 'torch.sigmoid(',
	'torch.softmax(', 'torch.logsumexp(', 'F.cross_entropy(', 'F.mse_loss(', 'requires_grad=True', '.backward()',
	'[:, 0]', '[None, :]', '[..., 1]', '[np.arange(3), y]', 'X.shape[0]', '.mT', '.size(0)', '.size()', '.dim()', '.ndim', 'len(X)', 'for row in X:', '.pow(2)',
	'.clip(0, 1)', '.dot(', 'np.newaxis', 'torch.nn.Linear(2, 1)', 'class Net(torch.nn.Module):\n', 'optimizer.step()',
	'h = []\n', 'h.append(', 'h[j] = ', '[0.0] * n', 'torch.mm(', 'torch.mv(', 'torch.dot(', 'torch.outer(', '.transpose(0, 1)',
	'.t()', 'np.random.default_rng(0)', '.size', 'torch.zeros(2, 3, requires_grad=True)', 'reduction=\'sum\'',
];

const mutation = mutationOf(tokens);

describe('fuzzing the Python front end', () => {
	it('survives mutated valid sources', () => {
		fc.assert(
			fc.property(
				fc.nat({ max: seeds.length - 1 }),
				fc.array(mutation, { minLength: 1, maxLength: 4 }),
				(i, mutations) => check(mutate(seeds[i]!, mutations)),
			),
			{ numRuns: 600, seed: 5 },
		);
	});

	it('survives token soups and random strings', () => {
		const soup = fc.array(fc.constantFrom(...tokens), { maxLength: 40 }).map((parts) => parts.join(''));
		const program = soup.map((body) => `def loss(x=1.0, w=[1.0, 2.0]):\n    ${body}\n    return x\n`);
		fc.assert(
			fc.property(
				fc.oneof(soup, program, fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 100 })),
				(source) => check(source),
			),
			{ numRuns: 600, seed: 6 },
		);
	});

	const deep = 5000;
	const def = (body: string) => `def loss(x=1.0):\n    ${body}\n`;
	const lines = (count: number, line: (i: number) => string) => {
		return Array.from({ length: count }, (_, i) => line(i)).join('');
	};
	const nest = 'for i in range(10**5):\n        for j in range(10**5):\n            s += x';
	const triangle = 'for i in range(len(xs)):\n        for j in range(i):\n            s += x * xs[j]';
	const unrolled = 'for i in range(200):\n        for j in range(200):\n            p = p * x + j';
	const early = (i: number) => `    if x > ${i}:\n        if x < ${i + 0.5}:\n            return x * ${i}\n`;
	const adversarial: Record<string, string> = {
		'a loop of 10**12 iterations': def('s = 0\n    for i in range(10**12):\n        s += x\n    return s'),
		'a sum over range(10**12)': def('return sum(x * i for i in range(10**12))'),
		'a long multiplicative loop': def('p = 1\n    for i in range(10**7):\n        p *= x\n    return p'),
		'a huge loop nest': def(`s = 0\n    ${nest}\n    return s`),
		'nested unrolled loops': def(`p = 1\n    ${unrolled}\n    return p`),
		'a huge list repetition': def('return sum([x] * 10**9)'),
		'exponential inlining': `def f0(x):\n    return x + 1\n${
			lines(40, (i) => `def f${i + 1}(x):\n    return f${i}(x) * f${i}(x + 1)\n`)}${def('return f40(x)')}`,
		'exponential early returns': `def loss(x=1.0):\n${
			lines(40, early)}    return x\n`,
		'deeply nested parentheses': def(`return ${'('.repeat(deep)}x${')'.repeat(deep)}`),
		'a long chain of unary minus': def(`return ${'- '.repeat(deep)}x`),
		'a long chain of powers': def(`return ${Array.from({ length: deep }, () => 'x').join(' ** ')}`),
		'a long sum': def(`return ${Array.from({ length: 20000 }, () => 'x').join(' + ')}`),
		'a long chained comparison': def(`return ${Array.from({ length: 5000 }, () => 'x').join(' < ')}`),
		'deeply nested lists': `a = ${'['.repeat(deep)}1${']'.repeat(deep)}\n${def('return x')}`,
		'deeply nested ifs': `def loss(x=1.0):\n${
			lines(300, (i) => `${' '.repeat(4 * (i + 1))}if x > ${i}:\n`)}${' '.repeat(1204)}x = 2\n    return x\n`,
		'recursion through a lambda': `f = lambda x: f(x - 1)\n${def('return f(x)')}`,
		'a self-referencing constant': `a = b + 1\nb = a + 1\n${def('return a * x')}`,
		'a triangular loop nest over data':
			`xs = [${lines(3000, (i) => `${i % 7}, `)}]\n${def(`s = 0\n    ${triangle}\n    return s`)}`,
		'a huge vector parameter size': 'def loss(w=[0.0] * 10**7):\n    return sum(w)\n',
		'a huge numpy parameter': 'import numpy as np\ndef loss(W=np.zeros((10**6, 10**6))):\n    return np.sum(W)\n',
		'a huge numpy array in a loss': `import numpy as np\n${def('return np.sum(np.ones((10**6, 10**6)) * x)')}`,
		'a huge arange': `import numpy as np\n${def('return np.sum(np.arange(10**12) * x)')}`,
		'a huge broadcast': `import numpy as np\n${def('a = np.ones((10**4, 1)) * x\n    return np.sum(a + np.ones(10**5)) + np.sum(a @ np.ones((1, 10**5)))')}`,
		'a long matmul chain': `import numpy as np\nA = np.eye(3)\ndef loss(w=np.ones(3)):\n    return np.sum(${Array.from({ length: 500 }, () => 'A').join(' @ ')} @ w)\n`,
		'deeply nested reductions': `import numpy as np\ndef loss(w=np.ones((2, 2))):\n    return ${'np.sum('.repeat(300)}w${')'.repeat(300)}\n`,
		'a huge reshape': `import numpy as np\n${def('return np.sum(np.ones(6).reshape(10**9, -1) * x)')}`,
		'a huge torch tensor': `import torch\n${def('return torch.sum(torch.zeros(10**5, 10**5) + x)')}`,
		'many rows iterated': `import numpy as np\nX = np.ones((10**5, 2))\n${def('s = 0\n    for row in X:\n        s += np.sum(row * x)\n    return s')}`,
	};
	for (const [label, source] of Object.entries(adversarial)) {
		it(`ends quickly on ${label}`, () => check(source));
	}
});
