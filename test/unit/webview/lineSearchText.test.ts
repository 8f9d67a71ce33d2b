// The line-search view's sentences and chart points (src/webview/lineSearchText.ts, lineSearchChart.ts's
// `lineSearchPoints`) for each verdict, in English and with the Korean table.
import { describe, expect, it } from 'vitest';
import { koreanStrings } from '../../../src/extension/panel/panelStrings';
import type { LineSearchInfo } from '../../../src/shared/messages';
import { lineSearchPoints } from '../../../src/webview/lineSearchChart';
import { lineSearchDirection, lineSearchVerdict } from '../../../src/webview/lineSearchText';
import { Strings } from '../../../src/webview/strings';

const strings = new Strings();
const base: LineSearchInfo = {
	step: 4, optimizer: 'sgd', learningRate: 0.16, alphaMax: 0.2, values: Float64Array.from([0.03, 0.01, 0.007, 0.02, Number.NaN]),
	loss: 0.0313, stepAlpha: 0.16, stepLineLoss: 0.0212, stepLoss: 0.0212, stepAngle: 0, minimum: { alpha: 0.0904, loss: 0.00682 }, ratio: 1.77, verdict: 'tooLong',
};

describe('line-search sentences', () => {
	it('says too long with the ratio and the losses', () => {
		expect(lineSearchVerdict(base, strings)).toBe('Too long: the step goes 1.77× as far as the lowest point along −∇L and overshoots it (L 0.0313 → 0.0212; the lowest point on the line has L = 0.00682).');
		expect(lineSearchVerdict({ ...base, ratio: 3.2, stepLineLoss: 0.05 }, strings)).toMatch(/^Much too long: .* so far past it that the loss goes up \(L 0\.0313 → 0\.05\)/);
	});

	it('says too short as a percentage, or that the loss keeps falling when there is no minimum', () => {
		expect(lineSearchVerdict({ ...base, ratio: 0.2, verdict: 'tooShort' }, strings)).toMatch(/^Too short: the step covers only 20% of the way/);
		const { minimum: _minimum, ...noMinimum } = base;
		expect(lineSearchVerdict({ ...noMinimum, ratio: 0.004, verdict: 'tooShort' }, strings)).toMatch(/keeps falling along −∇L to at least 250× the step’s distance/);
	});

	it('about right, backward and flat', () => {
		expect(lineSearchVerdict({ ...base, ratio: 1.1, verdict: 'aboutRight' }, strings)).toMatch(/^About right: .*\(1\.1× its distance/);
		expect(lineSearchVerdict({ ...base, stepAlpha: -0.01, verdict: 'backward' }, strings)).toMatch(/projection onto the line points back \(α = −0\.01\)/);
		expect(lineSearchVerdict({ ...base, verdict: 'flat' }, strings)).toMatch(/gradient is zero/);
	});

	it('says whether the step goes along −∇L', () => {
		expect(lineSearchDirection(base, strings)).toBe('Plain gradient descent steps straight down −∇L: it lands at α = η = 0.16.');
		expect(lineSearchDirection({ ...base, optimizer: 'Adam', stepAngle: 37.2, stepLoss: 0.05 }, strings)).toBe('Adam’s step is not along −∇L but 37° off it: the marker is its projection onto the line; where it really lands, L = 0.05.');
	});

	it('fills the Korean sentences', () => {
		const ko = new Strings(koreanStrings);
		expect(lineSearchVerdict(base, ko)).toMatch(/^너무 깁니다: .*1\.77배/);
	});
});

describe('line-search chart points', () => {
	it('spaces α evenly to alphaMax and drops non-finite losses', () => {
		expect(lineSearchPoints(base).map((p) => [p.x, p.y])).toEqual([[0, 0.03], [0.05, 0.01], [0.1, 0.007], [0.15000000000000002, 0.02]]);
	});
});
