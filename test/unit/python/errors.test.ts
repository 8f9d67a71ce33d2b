// Everything outside the supported subset is a LossSyntaxError that names the construct and points at it. Each case
// gives the source, a pattern for the message, and the text the error's line and column must point at.
import { describe, expect, it } from 'vitest';
import { positionAt } from '../../../src/engine/errors';
import { pythonFrontEnd } from '../../../src/engine/language/python/pythonFrontEnd';
import { errorOf } from './helpers';

interface ErrorCase {
	readonly source: string;
	readonly message: RegExp;
	/** The text the error points at (its first occurrence, or the `nth`, 0-based). */
	readonly at: string;
	readonly nth?: number;
	/** The error is at the end of the source. */
	readonly atEnd?: boolean;
	readonly name?: string;
}

/** A loss `def` with `body` indented under it. */
function def(body: string, params = 'x=1.0'): string {
	return `def loss(${params}):\n${body.split('\n').map((l) => `    ${l}`).join('\n')}\n`;
}

const cases: Record<string, ErrorCase> = {
	'an import of another module': {
		source: `import os\n\n${def('return x + os.getpid()')}`,
		message: /^import of 'os' is not supported: only math and numpy$/, at: 'import os',
	},
	'a from-import of another module': {
		source: `from scipy.special import erf\n${def('return erf(x)')}`,
		message: /^import of 'scipy' is not supported: only math and numpy$/, at: 'from',
	},
	'an import inside the function': {
		source: def('import math\nreturn math.sin(x)'),
		message: /imports inside a function are not supported/, at: 'import',
	},
	'a class': {
		source: `class Model:\n    pass\n\n${def('return Model()')}`,
		message: /'Model' is a class; classes are not supported in a loss/, at: 'class',
	},
	'a class inside the loss': {
		source: def('class A:\n    pass\nreturn x'), message: /^classes are not supported in a loss$/, at: 'class',
	},
	'a while loop': {
		source: def('while x > 0:\n    x -= 1\nreturn x'),
		message: /^while loops are not supported; use for \.\.\. in range\(n\)$/, at: 'while',
	},
	'print': {
		source: def('print(x)\nreturn x'),
		message: /^print is not supported in a loss: the loss is analysed, not run$/, at: 'print',
	},
	'open': { source: def('f = open(x)\nreturn x'), message: /file I\/O \('open'\) is not supported/, at: 'open' },
	'global': {
		source: `N = 1\n${def('global N\nreturn x')}`,
		message: /'global' is not supported in a loss/, at: 'global',
	},
	'nonlocal': {
		source: def('nonlocal y\nreturn x'),
		message: /'nonlocal' is not supported in a loss/, at: 'nonlocal',
	},
	'try': {
		source: def('try:\n    y = x\nexcept ValueError:\n    y = 0\nreturn y'),
		message: /'try' is not supported/, at: 'try',
	},
	'with': { source: def('with open("f") as f:\n    pass\nreturn x'), message: /'with' is not supported/, at: 'with' },
	'yield': {
		source: def('yield x'),
		message: /'yield' is not supported in a loss: a loss returns one number/, at: 'yield',
	},
	'a yield expression': { source: def('y = yield x\nreturn y'), message: /'yield' is not supported/, at: 'yield' },
	'async def': {
		source: 'async def loss(x=1.0):\n    return x\n',
		message: /'async def' is not supported in a loss/, at: 'async',
	},
	'await': { source: def('y = await x\nreturn y'), message: /'await' is not supported in a loss/, at: 'await' },
	'a decorator': {
		source: `@njit\n${def('return x')}`,
		message: /decorators are not supported in a loss; remove '@njit'/, at: '@njit',
	},
	'a string': { source: def("return x + 'a'"), message: /^strings are not supported in a loss$/, at: "'a'" },
	'an f-string': { source: def('s = f"{x}"\nreturn x'), message: /f-strings are not supported/, at: 'f"' },
	'a dictionary': { source: def('d = {"a": x}\nreturn x'), message: /dictionaries are not supported/, at: '{' },
	'a set': { source: def('s = {x, 2}\nreturn x'), message: /sets are not supported/, at: '{' },
	'None': { source: def('return None'), message: /'None' is not supported/, at: 'None' },
	'a complex number': { source: def('return x * 1j'), message: /complex numbers are not supported/, at: '1j' },
	'break': {
		source: def('for i in range(3):\n    break\nreturn x'),
		message: /'break' is not supported in a loss: loops run/, at: 'break',
	},
	'continue': {
		source: def('for i in range(3):\n    continue\nreturn x'),
		message: /'continue' is not supported/, at: 'continue',
	},
	'del': { source: def('y = x\ndel y\nreturn x'), message: /'del' is not supported/, at: 'del' },
	'raise': { source: def('raise ValueError()'), message: /'raise' is not supported/, at: 'raise' },
	'an unknown name': { source: def('return x + foo'), message: /^unknown name 'foo'$/, at: 'foo' },
	'numpy without its import': { source: def('return np.sin(x)'), message: /add 'import numpy as np'/, at: 'np' },
	'a module as a value': {
		source: `import numpy as np\n${def('f = np\nreturn x')}`,
		message: /'np' is the module numpy/, at: 'np', nth: 1,
	},
	'recursion': {
		source: `def f(x):\n    return f(x - 1)\n\n${def('return f(x)')}`,
		message: /^recursion is not supported: 'f' calls itself$/, at: 'f(x - 1)',
	},
	'mutual recursion': {
		source: `def f(x):\n    return g(x)\n\ndef g(x):\n    return f(x)\n\n${def('return f(x)')}`,
		message: /recursion is not supported: 'f' calls itself/, at: 'f(x)\n\n',
	},
	'list mutation in the loss': {
		source: def('xs = [1.0, 2.0]\nxs.sort()\nreturn x'),
		message: /^list mutation \('xs\.sort'\) is not supported in a loss/, at: 'xs.sort',
	},
	'a list built by append at module level': {
		source: `xs = []\nfor i in range(3):\n    xs.append(i)\n\n${def('return sum(xs) * x')}`,
		message: /^list mutation is not supported in a loss: 'xs\.append' changes 'xs' \(line 3\)/, at: 'xs.append',
	},
	'a module-level name assigned in a loop': {
		source: `total = 0\nfor i in range(3):\n    total += i\n\n${def('return total * x')}`,
		message: /'total' is assigned inside a for loop at module level \(line 2\)/, at: 'for',
	},
	'assigning to a slice of a list': {
		source: def('w = [x, x]\nw[0:1] = [1.0]\nreturn w[0]'),
		message: /^list mutation is not supported in a loss/, at: 'w[0:1] =',
	},
	'extending a list with +=': {
		source: def('w = [x]\nw += [x]\nreturn w[0]'),
		message: /list mutation \('w \+= \.\.\.'\) is not supported/, at: 'w +=',
	},
	'a random initialiser': {
		source: `import numpy as np\n${def('w = np.random.randn(3)\nreturn x')}`,
		message: /^random numbers are not supported in a loss: Downhill cannot reproduce numpy's generator; write the numbers out/,
		at: 'np.random.randn(',
	},
	'torch.randn after torch.manual_seed': {
		source: `import torch\ntorch.manual_seed(0)\nW = torch.randn(2, 3)\n${def('return (W * x).sum()')}`,
		message: /^random numbers are not supported in a loss: Downhill cannot reproduce/, at: 'torch.randn(',
	},
	'np.random.randn after np.random.seed, as a default': {
		source: `import numpy as np\nnp.random.seed(0)\n${def('return np.sum(w * x)', 'x=1.0, w=np.random.randn(3)')}`,
		message: /^random numbers are not supported in a loss: Downhill cannot reproduce/, at: 'np.random.randn(',
	},
	'a default_rng generator': {
		source: `import numpy as np\nrng = np.random.default_rng(0)\n${def('return np.sum(rng.normal(size=3) * x)')}`,
		message: /^random numbers are not supported in a loss: Downhill cannot reproduce/, at: 'np.random.default_rng(',
	},
	"numpy's .size called as torch's .size()": {
		source: `import numpy as np\n${def('A = np.zeros((3, 2))\nreturn np.sum(A) * x * A.size()')}`,
		message: /^'int' object is not callable: numpy's \.size is the number of elements; write \.size or \.shape\[d\]$/,
		at: 'size()',
	},
	"np.dot of 3-D arrays (not matmul in numpy)": {
		source: `import numpy as np\n${def('A = np.ones((2, 2, 2))\nreturn np.sum(np.dot(A, A)) * x')}`,
		message: /^dot of an array with more than 2 dimensions is not supported \(numpy's dot is not matmul there\); use matmul or @$/,
		at: 'np.dot(',
	},
	'.transpose(0, 1) of a matrix in a file with numpy and torch': {
		source: `import numpy as np\nimport torch\n${def('W = np.ones((2, 3))\nreturn np.sum(W.transpose(0, 1)) * x')}`,
		message: /^\.transpose\(0, 1\) keeps a matrix in numpy and swaps its axes in torch; write \.T$/, at: 'W.transpose(0, 1)',
	},
	'torch.dot of a matrix, in PyTorch\'s words': {
		source: `import torch\n${def('A = torch.ones(2, 2)\nreturn torch.dot(A, torch.ones(2)).sum() * x')}`,
		message: /^1D tensors expected, but got 2D and 1D tensors$/, at: 'torch.dot(',
	},
	'torch.mm of a vector': {
		source: `import torch\n${def('A = torch.ones(2, 2)\nreturn torch.mm(A, torch.ones(2)).sum() * x')}`,
		message: /^mat2 must be a matrix$/, at: 'torch.mm(',
	},
	'torch.mv of two vectors': {
		source: `import torch\n${def('v = torch.ones(2)\nreturn torch.mv(v, v).sum() * x')}`,
		message: /^vector \+ matrix @ vector expected, got 1, 1, 1$/, at: 'torch.mv(',
	},
	'torch.outer of a matrix': {
		source: `import torch\n${def('return torch.outer(torch.ones(2), torch.ones(2, 2)).sum() * x')}`,
		message: /^outer: Expected 1-D argument vec2, but got 2-D$/, at: 'torch.outer(',
	},
	'arrays that do not broadcast': {
		source: `import numpy as np\n${def('A = np.zeros((3, 2))\nb = np.ones(3)\nreturn np.sum(A + b) * x')}`,
		message: /^operands could not be broadcast together with shapes \(3,2\) \(3,\)$/, at: '+',
	},
	'a matrix product of mismatched shapes': {
		source: `import numpy as np\n${def('A = np.zeros((3, 2))\nreturn np.sum(A @ np.ones(3)) * x')}`,
		message: /^matmul: Input operand 1 has a mismatch in its core dimension 0, .* \(size 3 is different from 2\)$/, at: '@',
	},
	'an array too large to hold': {
		source: `import numpy as np\n${def('return np.sum(np.ones((10**6, 10**6)) * x)')}`,
		message: /^an array of shape \(1000000, 1000000\) would have 1,000,000,000,000 elements$/, at: 'np.ones(',
	},
	'a range too large to hold': {
		source: `import numpy as np\n${def('return np.sum(np.arange(10**12)) * x')}`,
		message: /^an array of shape \(1000000000000\) would have 1,000,000,000,000 elements$/, at: 'np.arange(',
	},
	'a reshape to another size': {
		source: `import numpy as np\n${def('return np.sum(np.zeros(6).reshape(4, -1)) * x')}`,
		message: /^cannot reshape array of size 6 into shape \(4,-1\)$/, at: 'np.zeros(6).reshape',
	},
	'an index out of bounds': {
		source: `import numpy as np\n${def('A = np.zeros((3, 2))\nreturn A[1, 2] * x')}`,
		message: /^index 2 is out of bounds for axis 1 with size 2$/, at: '1, 2]',
	},
	'.mT of a vector': {
		source: `import torch\n${def('w = torch.tensor([x, x])\nreturn w.mT.sum()')}`,
		message: /^\.mT is only supported on matrices or batches of matrices; got a 1-D array$/, at: 'mT',
	},
	'.size of an axis the tensor does not have': {
		source: `import torch\n${def('w = torch.tensor([[x, x]])\nreturn w.sum() * w.size(2)')}`,
		message: /^axis 2 is out of bounds for array of dimension 2$/, at: '2)',
	},
	'.dim with an argument': {
		source: `import torch\n${def('w = torch.tensor([x, x])\nreturn w.sum() * w.dim(0)')}`,
		message: /^\.dim\(\) takes no arguments$/, at: 'w.dim(0)',
	},
	'backward in the loss': {
		source: `import torch\n${def('w = torch.tensor([x, x])\nw.sum().backward()\nreturn x')}`,
		message: /^\.backward\(\) runs PyTorch's training machinery; Downhill computes the gradient itself/, at: 'w.sum().backward()',
	},
	'element-wise arithmetic on a list': {
		source: def('return sum(w + 1.0)', 'w=[1.0, 2.0]'),
		message: /^'\+' is not supported between an array of 2 and a number in a loss; lists are not numpy arrays/,
		at: '+',
	},
	'a bitwise xor meant as a power': {
		source: def('return x ^ 2'),
		message: /the bitwise operator '\^' \(use '\*\*' for powers\) is not supported/, at: '^',
	},
	'in': {
		source: def('return 1.0 if x in [1, 2] else 0.0'),
		message: /^'in' is not supported in a loss$/, at: 'in [',
	},
	'is not': { source: def('return x is not None'), message: /'is not' is not supported/, at: 'is not' },
	'a walrus': {
		source: def('if (y := x) > 0:\n    return y\nreturn x'),
		message: /':=' is not supported/, at: 'y :=',
	},
	'*args': {
		source: 'def loss(*args):\n    return 0\n',
		message: /'\*args' parameters are not supported in a loss/, at: '*args',
	},
	'a range bound that depends on a parameter': {
		source: def('s = 0\nfor i in range(n):\n    s += x\nreturn s', 'x=1.0, n=3'),
		message: /^the bound of range\(\) must be known before the loss runs/, at: 'n):',
	},
	'range(10**12)': {
		source: def('s = 0\nfor i in range(10**12):\n    s += x\nreturn s'),
		message: /the loop runs 1,000,000,000,000 times; at most 10,000,000/, at: 'for',
	},
	'a zero range step': {
		source: def('return sum(range(0, 3, 0)) * x'),
		message: /range\(\) step must not be zero/, at: '0))',
	},
	'a fractional range bound': {
		source: def('return sum(range(2.5)) * x'),
		message: /must be a whole number, not 2\.5/, at: '2.5',
	},
	'return inside a loop': {
		source: def('for i in range(3):\n    return x\nreturn x'),
		message: /return inside a loop is not supported/, at: 'return',
	},
	'for ... else': {
		source: def('for i in range(3):\n    pass\nelse:\n    pass\nreturn x'),
		message: /'for \.\.\. else' is not supported/, at: 'for',
	},
	'a missing return': { source: def('y = x'), message: /^'loss' ends without returning a value$/, at: 'loss' },
	'return without a value': { source: def('return'), message: /return needs a value/, at: 'return' },
	'a path without a return': {
		source: def('if x > 0:\n    return x'), message: /not every path returns a value/, at: 'if',
	},
	'an index out of range': {
		source: `xs = [1.0, 2.0, 3.0]\n${def('return xs[5] * x')}`,
		message: /^index 5 is out of range for 'xs' \(length 3\)$/, at: 'xs[5]',
	},
	'a vector parameter without a size': {
		source: 'def loss(w: list[float]):\n    return w[0]\n',
		message: /give the vector parameter 'w' a default like \[0\.0, 0\.0, 0\.0\], or a size/, at: 'w:',
	},
	'a default that uses another parameter': {
		source: 'def loss(x=1.0, y=x + 1):\n    return y\n',
		message: /the default of 'y' must be a constant; it cannot use the parameter 'x'/, at: 'x + 1',
	},
	'a string default': {
		source: "def loss(x='a'):\n    return 1\n", message: /strings are not supported/, at: "'a'",
	},
	'a number that is not iterable': {
		source: def('return sum(v for v in x)'),
		message: /'x' is a number, not an array/, at: 'x)',
	},
	'a missing argument': {
		source: `def f(a, b):\n    return a\n\n${def('return f(x)')}`,
		message: /'f' is called without its argument 'b'/, at: 'f(x)',
	},
	'an unknown keyword argument': {
		source: `def f(a):\n    return a\n\n${def('return f(x, scale=2)')}`,
		message: /'f' got an unexpected keyword argument 'scale'/, at: 'scale',
	},
	'a keyword a builtin does not take': {
		source: `import numpy as np\n${def('return np.sum([x], where=0)')}`,
		message: /np\.sum\(\) got an unexpected keyword argument 'where'/, at: 'where',
	},
	'min of an empty list': { source: def('return min([]) + x'), message: /min\(\) of an empty sequence/, at: '[]' },
	'an attribute of a number': {
		source: def('return x.real'),
		message: /'x' is a number and has no attribute 'real'/, at: 'real',
	},
	'a name used before it has a value': {
		source: def('if x > 0:\n    y = 1.0\nreturn y + z\nz = 2'),
		message: /'z' is used before it has a value/, at: 'z\n',
	},
	'an unknown loss name': {
		source: def('return x'), name: 'other',
		message: /no loss named 'other' \(found: loss\)/, at: 'def',
	},
	'several functions and none called loss': {
		source: 'def f(x=1.0):\n    return x\n\ndef g(x=1.0):\n    return x\n',
		message: /several functions \(f, g\); name one/, at: 'def',
	},
	'a file without functions': { source: 'a = 1\n', message: /no loss function found/, at: 'a' },
	'a syntax error': { source: 'def loss(x=1.0):\n    return x +\n', message: /^invalid syntax$/, at: '\n', nth: 1 },
	'a missing colon': { source: 'def loss(x=1.0)\n    return x\n', message: /^invalid syntax$/, at: '\n' },
	'an unexpected indent': {
		source: 'def loss(x=1.0):\n    y = x\n        z = y\n    return z\n',
		message: /^invalid syntax$/, at: '        z',
	},
	'an unclosed bracket at the end of the file': {
		source: 'def loss(x=1.0):\n    return (x + 1\n', message: /^invalid syntax$/, at: '', atEnd: true,
	},
};

describe('unsupported constructs', () => {
	for (const [label, c] of Object.entries(cases)) {
		it(`rejects ${label} with its position`, () => {
			const error = errorOf(c.source, { name: c.name });
			expect(error.message).toMatch(c.message);
			let offset = c.atEnd ? c.source.length : -1;
			for (let k = 0; !c.atEnd && k <= (c.nth ?? 0); k++) offset = c.source.indexOf(c.at, offset + 1);
			expect(offset, `'${c.at}' is in the source`).toBeGreaterThanOrEqual(0);
			expect({ line: error.line, column: error.column }).toEqual(positionAt(c.source, offset));
		});
	}

	it('ignores seeds and training code the loss does not use', () => {
		const source = `import numpy as np
import torch
np.random.seed(0)
torch.manual_seed(0)
rng = np.random.default_rng(0)
noise = rng.normal(size=3)
model = torch.nn.Linear(2, 1)
opt = torch.optim.SGD(model.parameters(), lr=0.1)

def loss(w=torch.zeros(2, requires_grad=True)):
    return (w ** 2).sum() + w.size(0)

loss(torch.zeros(2)).backward()
opt.step()
`;
		expect(pythonFrontEnd.lower(source, {}).graph.paramNames).toEqual(['w[0]', 'w[1]']);
	});

	it('ignores what the loss does not use: other imports, classes, strings, prints, main blocks', () => {
		const source = `import os
import matplotlib.pyplot as plt
from typing import List
class Model:
    pass
title = 'regression'
xs = [1.0, 2.0, 3.0]
results = []
for lr in [0.1, 0.01]:
    results.append(lr)

def loss(w: float = 0.5) -> float:
    return sum((w * x - 1) ** 2 for x in xs)

print(loss(1.0), title)
if __name__ == '__main__':
    plt.plot(xs)
    data = open('x.csv').read()
`;
		expect(pythonFrontEnd.lower(source, {}).graph.paramNames).toEqual(['w']);
	});
});
