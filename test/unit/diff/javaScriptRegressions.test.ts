// The minimal programs the differential fuzzer (test/diff) found where Downhill and Node disagreed, each checked
// against Node itself (value, and gradient against Ridders-extrapolated differences of Node's values).
import { describe, expect, it } from 'vitest';
import { checkSources, type SourceCase } from '../../diff/checkSources';

const javaScript: Record<string, SourceCase> = {
	'NaN is falsy: `NaN || 1` is 1, `!NaN` is true, `NaN ? a : b` is b, `if (NaN)` skips': {
		source: [
			'export function loss(x = 8.5, y = -4.4) {',
			'\tlet t = 1;',
			'\tt += Math.asin(y);',
			'\tlet u = (t || 1) + !Math.asin(y) + (Math.asin(y) ? x : 2 * x) + (Math.asin(y) && x);',
			'\tif (Math.asin(y)) u += x * x;',
			'\treturn u;',
			'}',
		].join('\n'),
		shape: [null, null],
		points: [[8.5, -4.4], [1.5, 0.5]],
	},
	'a loop by 0.1 below 1 runs 11 times, the counter summed as JavaScript sums it': {
		source: [
			'export function loss(x = -4) {',
			'\tlet t = 1;',
			'\tfor (let i = -1; i < 0; i += 0.1) t += 1;',
			'\tfor (let i = 0; i < 1; i += 0.1) t += x * i;',
			'\tfor (let i = 0.3; i <= 1.2; i += 0.3) t += i * i;',
			'\tfor (let i = 2; i > 0.5; i -= 0.7) t -= x / i;',
			'\treturn t;',
			'}',
		].join('\n'),
		shape: [null],
		points: [[-4], [0.37]],
	},
	'`Math.asinh` of a large negative number keeps its digits': {
		source: 'export function loss(x = 3566) {\n\treturn Math.asinh(1 - x) + Math.asinh(x / 1000 - 4);\n}\n',
		shape: [null],
		points: [[3566], [0.5], [-2.25]],
	},
};

describe('JavaScript: minimal disagreements with Node the differential fuzzer found', async () => {
	const verdicts = await checkSources('javascript', Object.values(javaScript));
	Object.keys(javaScript).forEach((label, i) => {
		it(label, () => expect(verdicts[i], JSON.stringify(verdicts[i])).toMatchObject({ k: 'pass' }));
	});
});
