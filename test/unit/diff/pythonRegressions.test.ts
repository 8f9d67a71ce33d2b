// The minimal programs the differential fuzzer (test/diff) found where Downhill and CPython disagreed, each checked
// against CPython itself (value, and gradient against Ridders-extrapolated differences of CPython's values).
import { describe, expect, it } from 'vitest';
import { checkSources, type SourceCase } from '../../diff/checkSources';

const cases: Record<string, SourceCase> = {
	'a float literal with a trailing dot, `1.`': { source: 'def loss(x=1.):\n    return x * 2.\n', shape: [null], points: [[1], [0.3]] },
	'a list of trailing-dot floats, `[1., 2.]`': {
		source: 'xs = [1., 2.]\n\ndef loss(w=0.5):\n    return sum((w * x - 1.) ** 2 for x in xs)\n',
		shape: [null],
		points: [[0.5], [-1.25]],
	},
	'an exponent after a trailing dot, `2.E1` and `8.e+0`': {
		source: 'def loss(x=2.E1, y=8.e+0):\n    return x * y + 3.e-1\n',
		shape: [null, null],
		points: [[20, 8], [0.5, -2]],
	},
	'`not` binds tighter than `or`: `not 1 or 1` is 1': { source: 'def loss(x=0):\n    return (not 1 or 1) + x\n', shape: [null], points: [[0], [2]] },
	'`not a and b or c` is `((not a) and b) or c`': {
		source: 'def loss(a=0.0, b=2.0, c=3.0):\n    return (not a and b or c) * a + (not not a or b)\n',
		shape: [null, null, null],
		points: [[0, 2, 3], [1.5, 0, 3], [0, 0, -2]],
	},
	'`round(x, ndigits)`, decided on the exact double (0.15 is below the tie, 2.5 is a tie)': {
		source: 'def loss(x=0.15, y=2.675):\n    return round(x, 1) + round(y, 2) * 10 + round(2.5, 0) + round(x * 7, ndigits=2) + x\n',
		shape: [null, null],
		points: [[0.15, 2.675], [0.25, 1.005], [-0.35, 0.125], [-2.5, 0.375]],
	},
	'`round(x, ndigits)` of a number with no digits to round is the number': {
		source: 'def loss(y=1e300):\n    return round(y, 2) + round(y * 1e-290, 3)\n',
		shape: [null],
		points: [[1e300], [-3e299]],
	},
	'NaN is true in Python: `nan or 1` is nan, `not nan` is False': {
		source: 'import math\n\ndef loss(x=-4.4):\n    t = math.asin(x) or 1\n    return (not math.asin(x)) + 2 * x if t else x\n',
		shape: [null],
		points: [[-4.4], [1.5]],
	},
	'`math.atan2` of a negative zero': {
		source: 'import math\n\ndef loss(x=-0.0, y=-3.0):\n    return math.atan2(x, y)\n',
		shape: [null, null],
		points: [[-0, -3], [0, -3]],
	},
	'`math.asinh` of a large negative number keeps its digits': {
		source: 'import math\n\ndef loss(x=3566.0):\n    return math.asinh(1 - x) + math.asinh(x / 1000 - 4)\n',
		shape: [null],
		points: [[3566], [0.5], [-2.25]],
	},
};

describe('Python: minimal disagreements with CPython the differential fuzzer found', async () => {
	const verdicts = await checkSources('python', Object.values(cases));
	Object.keys(cases).forEach((label, i) => {
		it(label, () => expect(verdicts[i], JSON.stringify(verdicts[i])).toMatchObject({ k: 'pass' }));
	});
});
