// The verdict on one generated program: Downhill's value, interpreted value, start point and gradient against the
// oracle's, or its refusal against the constructs the README lists as unsupported.
import { compileLoss, lossFromGraph, type Loss } from '../../src/engine/compileLoss';
import { relativeError } from '../../src/engine/graph/gradientCheck';
import type { LanguageId } from '../../src/engine/language/frontEnd';
import type { OracleAnswer, PointAnswer } from './oracleAnswer';

/** Refusals the README documents (message pattern → the README's words for the construct). */
export const documentedRefusals: readonly { readonly message: RegExp; readonly readme: string }[] = [
	{ message: /^round\(\) takes ndigits from 0 to 22 in a loss/, readme: '`round(x, n)` (n from 0 to 22)' },
];

export type Verdict =
	| { readonly k: 'pass'; readonly gradientsCompared: number }
	| { readonly k: 'invalid'; readonly why: string }
	| { readonly k: 'refused'; readonly message: string }
	| { readonly k: 'fail'; readonly kind: string; readonly detail: string };

export const valueTolerance = 1e-12;
export const gradientTolerance = 1e-7;

/** A message with names and numbers blanked, so two failures of one cause compare equal. */
function shape(message: string): string {
	return message.replace(/'[^']*'/g, "'…'").replace(/\d+/g, 'N');
}

function compile(source: string, language: LanguageId, name: string): Loss | Verdict {
	try {
		return compileLoss(source, { language, name });
	} catch (error) {
		const e = error as { name?: string; message?: string; line?: number; column?: number };
		if (e.name !== 'LossSyntaxError') return { k: 'fail', kind: `crash: ${shape(String(e.message))}`, detail: String((error as Error).stack) };
		const lines = source.split('\n').length;
		if (!(e.line! >= 1 && e.line! <= lines && e.column! >= 1)) return { k: 'fail', kind: 'unpositioned refusal', detail: e.message! };
		if (documentedRefusals.some((d) => d.message.test(e.message!))) return { k: 'refused', message: e.message! };
		return { k: 'fail', kind: `refused: ${shape(e.message!)}`, detail: `${e.line}:${e.column}: ${e.message}` };
	}
}

function sameNumber(a: number, b: number): boolean {
	if (!Number.isFinite(a) || !Number.isFinite(b)) return Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));
	return relativeError(a, b) <= valueTolerance;
}

/**
 * False when Downhill's own gradient jumps between `point` and points a hair away on either side: the point sits on a
 * branch boundary (`not a` at a = 0, a tie of `max`), where autodiff follows one branch and differences see the
 * other; such a point says nothing about the front end.
 */
function locallySmooth(loss: Loss, point: readonly number[], g: Float64Array): boolean {
	for (const side of [1, -1]) {
		// Unequal steps per coordinate, so a boundary such as x − y = 0 is left too.
		const near = point.map((x, i) => x + side * 1e-7 * Math.max(1, Math.abs(x)) * (1 + 0.37 * i) * (i % 2 ? -1 : 1));
		const h = new Float64Array(point.length);
		loss.valueAndGradient(near, h);
		if (h.some((v, i) => !(Math.abs(v - g[i]!) <= 1e-4 * Math.max(1, Math.abs(g[i]!))))) return false;
	}
	return true;
}

function checkPoint(loss: Loss, interpreted: Loss, point: readonly number[], answer: PointAnswer): Verdict | number {
	const where = `at [${point.join(', ')}]`;
	const g = new Float64Array(point.length);
	const value = loss.valueAndGradient(point, g);
	const expected = answer.value;
	// Where CPython raises (ZeroDivisionError, a math domain error, OverflowError) Downhill computes IEEE arithmetic
	// (the README says so): there is no value to compare.
	if (expected === 'undefined') return 0;
	if (!sameNumber(value, expected)) {
		if (answer.jumpy) return 0;
		return { k: 'fail', kind: 'value', detail: `${where}: Downhill ${value}, interpreter ${expected}` };
	}
	const again = interpreted.value(point);
	if (!sameNumber(again, value)) return { k: 'fail', kind: 'interpreted value', detail: `${where}: compiled ${value}, interpreted ${again}` };
	// A value that jumps within rounding of the point (`(5 * x) % x`) has no derivative there to compare.
	if (!Number.isFinite(value) || answer.jumpy || !locallySmooth(loss, point, g)) return 0;
	let compared = 0;
	for (let i = 0; i < point.length; i++) {
		const reference = answer.gradient[i];
		const error = answer.errors[i];
		if (reference === null || reference === undefined || error === null || error === undefined) continue;
		if (error > 1e-9 * Math.max(1, Math.abs(reference))) continue;
		compared++;
		if (!(relativeError(g[i]!, reference) <= gradientTolerance)) {
			return { k: 'fail', kind: 'gradient', detail: `${where}: ∂/∂${loss.params[i]} Downhill ${g[i]}, differences ${reference} (±${error})` };
		}
	}
	return compared;
}

/** Judges Downhill on `source` against the oracle's `answer` at `points` (the first is the start point). */
export function judge(source: string, language: LanguageId, name: string, points: readonly (readonly number[])[], answer: OracleAnswer): Verdict {
	if ('invalid' in answer) return { k: 'invalid', why: answer.invalid };
	const loss = compile(source, language, name);
	if ('k' in loss) return loss;
	const start = points[0]!;
	if (loss.start.length !== start.length || loss.start.some((v, i) => !Object.is(v, start[i]) && v !== start[i])) {
		return { k: 'fail', kind: 'start point', detail: `Downhill [${loss.start.join(', ')}], defaults [${start.join(', ')}]` };
	}
	const interpreted = lossFromGraph(loss.graph, loss.site, true);
	let gradientsCompared = 0;
	for (let p = 0; p < points.length; p++) {
		const verdict = checkPoint(loss, interpreted, points[p]!, answer.results[p]!);
		if (typeof verdict !== 'number') return verdict;
		gradientsCompared += verdict;
	}
	return { k: 'pass', gradientsCompared };
}
