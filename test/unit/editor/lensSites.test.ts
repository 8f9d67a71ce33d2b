// Which losses get CodeLens: loss-like names, the ones the user started, else all of a formula file, a file that
// mentions Downhill or a file with one candidate; ordinary helpers (clamp, lerp, distance) get none.
import { describe, expect, it } from 'vitest';
import { findLosses, type LossSite } from '../../../src/engine/index';
import { lensSites, mentionsDownhill } from '../../../src/extension/editor/lensSites';

const sitesOf = (text: string, language: 'typescript' | 'python' | 'markdown') =>
	findLosses(text, language).flatMap((f) => (f.kind === 'loss' ? [f.site] : []));
const names = (sites: LossSite[]) => sites.map((s) => s.name);
const code = { formulas: false, mentionsDownhill: false, requested: new Set<string>() };
const utilities = [
	'export function clamp(x = 2, lo = 0, hi = 1) { return Math.min(Math.max(x, lo), hi); }',
	'export function lerp(a = 0, b = 1, t = 0.5) { return a + (b - a) * t; }',
	'export function distance(x = 3, y = 4) { return Math.sqrt(x * x + y * y); }',
].join('\n');

describe('lensSites', () => {
	it('leaves ordinary numeric helpers alone', () => {
		expect(names(lensSites(sitesOf(utilities, 'typescript'), code))).toEqual([]);
	});

	it('shows only the loss-like names beside helpers', () => {
		const text = `${utilities}\nexport function trainingCost(w = 1) { return (w - 2) ** 2; }`;
		expect(names(lensSites(sitesOf(text, 'typescript'), code))).toEqual(['trainingCost']);
		const py = 'def sigmoid(z=0.0):\n    return z\n\ndef energy(x=1.0):\n    return x * x\n';
		expect(names(lensSites(sitesOf(py, 'python'), code))).toEqual(['energy']);
	});

	it('adds a helper the user started, and only that one', () => {
		expect(names(lensSites(sitesOf(utilities, 'typescript'), { ...code, requested: new Set(['lerp']) }))).toEqual(['lerp']);
	});

	it('shows every function of a file that mentions Downhill, or of a file with one candidate', () => {
		expect(mentionsDownhill(`// Try these in DOWNHILL\n${utilities}`)).toBe(true);
		expect(mentionsDownhill(utilities)).toBe(false);
		expect(names(lensSites(sitesOf(utilities, 'typescript'), { ...code, mentionsDownhill: true }))).toEqual(['clamp', 'lerp', 'distance']);
		const one = 'export function bowl(x = 3) { return x * x; }';
		expect(names(lensSites(sitesOf(one, 'typescript'), code))).toEqual(['bowl']);
	});

	it('shows every formula of a note', () => {
		const note = '$$\ng(x) = (x - 1)^2\n$$\n\n$$\nh(y) = y^4\n$$\n';
		expect(names(lensSites(sitesOf(note, 'markdown'), { ...code, formulas: true }))).toEqual(['g', 'h']);
	});
});
