/**
 * Checks the host's n-D view data before anything is drawn: the plane a slice was sampled on (inside a
 * `landscape`) and the line-search answer. Wrong shapes become `undefined`.
 */
import type { LineSearchInfo, LineSearchMessage, LineSearchVerdict, SliceDirectionKind, SlicePlaneInfo } from '../shared/messages';
import type { ToFloat64 } from './parseExplore';

type Dict = Record<string, unknown>;
const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v) && !ArrayBuffer.isView(v);
const num = (v: unknown): number => (typeof v === 'number' ? v : NaN);
const kinds: readonly SliceDirectionKind[] = ['principal', 'gradient', 'coordinate'];
const verdicts: readonly LineSearchVerdict[] = ['tooLong', 'tooShort', 'aboutRight', 'backward', 'flat'];

export function parseSlicePlane(v: unknown, toFloat64: ToFloat64): SlicePlaneInfo | undefined {
	if (!isDict(v)) return undefined;
	const origin = toFloat64(v.origin);
	const u = toFloat64(v.u);
	const w = toFloat64(v.v);
	const explained = toFloat64(v.explained);
	const k = Array.isArray(v.kinds) ? v.kinds : [];
	if (!origin || !u || !w || origin.length < 2 || u.length !== origin.length || w.length !== origin.length) return undefined;
	if (!explained || explained.length !== 2 || k.length !== 2 || !k.every((x) => kinds.includes(x as SliceDirectionKind))) return undefined;
	return {
		origin: Array.from(origin), u: Array.from(u), v: Array.from(w),
		explained: [explained[0]!, explained[1]!], kinds: [k[0] as SliceDirectionKind, k[1] as SliceDirectionKind], step: num(v.step),
	};
}

export function parseLineSearch(m: Dict, toFloat64: ToFloat64): LineSearchMessage | undefined {
	const l = m.lineSearch;
	if (!isDict(l) || typeof l.requestId !== 'number' || !verdicts.includes(l.verdict as LineSearchVerdict)) return undefined;
	const values = toFloat64(l.values);
	if (!values || values.length < 2 || values.length > 10_000 || !(num(l.alphaMax) > 0)) return undefined;
	const minimum = isDict(l.minimum) ? { alpha: num(l.minimum.alpha), loss: num(l.minimum.loss) } : undefined;
	const info: LineSearchInfo = {
		requestId: l.requestId, step: num(l.step), optimizer: typeof l.optimizer === 'string' ? l.optimizer : '', learningRate: num(l.learningRate),
		alphaMax: num(l.alphaMax), values, loss: num(l.loss), stepAlpha: num(l.stepAlpha), stepLineLoss: num(l.stepLineLoss), stepLoss: num(l.stepLoss),
		stepAngle: num(l.stepAngle), ...(minimum ? { minimum } : {}), ratio: num(l.ratio), verdict: l.verdict as LineSearchVerdict,
	};
	return { type: 'lineSearch', lineSearch: info };
}
