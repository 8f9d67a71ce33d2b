/**
 * The line-search view's sentences: the verdict on the step's length (too long, too short, about right) with the
 * numbers behind it, and a second sentence on the step's direction (along −∇L for plain gradient descent, or how
 * far off it another optimizer's step is). Pure, for the panel and its tests.
 */
import type { LineSearchInfo } from '../shared/messages';
import { formatNumber } from './formatNumber';
import type { Strings } from './strings';

/** A step within this many degrees of −∇L counts as along it. */
const alongDegrees = 0.5;

/** One plain sentence on whether the step overshoots, undershoots or is about right. */
export function lineSearchVerdict(info: LineSearchInfo, strings: Strings): string {
	const f = (v: number) => formatNumber(v, 3);
	const numbers = { from: f(info.loss), to: f(info.stepLineLoss), min: f(info.minimum?.loss ?? NaN) };
	switch (info.verdict) {
		case 'flat':
			return strings.get('line.flat');
		case 'backward':
			return strings.get('line.backward', { alpha: f(info.stepAlpha) });
		case 'tooLong':
			return strings.get(info.stepLineLoss > info.loss ? 'line.tooLongUphill' : 'line.tooLong', { ...numbers, ratio: f(info.ratio) });
		case 'tooShort':
			if (!info.minimum) return strings.get('line.noMinimum', { ...numbers, times: f(1 / info.ratio) });
			return strings.get('line.tooShort', { ...numbers, percent: formatNumber(info.ratio * 100, 2) });
		case 'aboutRight':
			return strings.get('line.aboutRight', { ...numbers, ratio: f(info.ratio) });
		default: {
			const never: never = info.verdict;
			return never;
		}
	}
}

/** Whether the step goes along −∇L, and if not, how far off it is and where it really lands. */
export function lineSearchDirection(info: LineSearchInfo, strings: Strings): string {
	if (info.verdict === 'flat') return '';
	if (info.stepAngle <= alongDegrees) return strings.get('line.along', { lr: formatNumber(info.stepAlpha, 3) });
	return strings.get('line.offLine', { optimizer: info.optimizer, angle: formatNumber(info.stepAngle, 2), loss: formatNumber(info.stepLoss, 3) });
}
