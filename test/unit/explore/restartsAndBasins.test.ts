// The engine and protocol sides of restarts and basin maps: partial basin maps, and the checks on the panel's new
// requests.
import { describe, expect, it } from 'vitest';
import { compileLoss } from '../../../src/engine/compileLoss';
import { BasinMapRun, notYet } from '../../../src/engine/landscape/basinMap';
import { resolveSessionSettings } from '../../../src/engine/session/sessionSettings';
import { validateFromWebview } from '../../../src/shared/validatePanelMessage';

const himmelblau = compileLoss('function loss(x = 0, y = 0) { return (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2; }', { language: 'javascript' });

describe('partial basin maps', () => {
	it('label the rows done and mark the rest not yet computed', () => {
		const settings = resolveSessionSettings({ optimizer: 'adam', optimizerOptions: { lr: 0.1 } });
		const run = new BasinMapRun(himmelblau, settings, { xMin: -5, xMax: 5, yMin: -5, yMax: 5, nx: 8, ny: 8, steps: 400 });
		expect(run.partial().labels.every((l) => l === notYet)).toBe(true);
		run.advance(() => true);
		const partial = run.partial();
		expect(Array.from(partial.labels.subarray(0, 8)).every((l) => l >= 0)).toBe(true);
		expect(Array.from(partial.labels.subarray(8)).every((l) => l === notYet)).toBe(true);
		let map = run.advance(() => false);
		while (!map) map = run.advance(() => false);
		expect(map.labels.includes(notYet)).toBe(false);
		expect(map.minima.length).toBe(4);
	});
});

describe('panel requests for restarts and basins', () => {
	const range = { xMin: -5, xMax: 5, yMin: -5, yMax: 5 };

	it('accepts well-formed ones', () => {
		expect(validateFromWebview({ type: 'runRestarts', count: 20 })).toEqual({ type: 'runRestarts', count: 20 });
		expect(validateFromWebview({ type: 'requestBasins', range, nx: 48, ny: 48 })).toEqual({ type: 'requestBasins', range, nx: 48, ny: 48 });
		expect(validateFromWebview({ type: 'cancelBasins' })).toBeUndefined();
	});

	it('rejects counts, sizes and ranges out of bounds', () => {
		for (const count of [0, 1001, 2.5, '20']) expect(validateFromWebview({ type: 'runRestarts', count })).toBeUndefined();
		expect(validateFromWebview({ type: 'requestBasins', range, nx: 500, ny: 48 })).toBeUndefined();
		expect(validateFromWebview({ type: 'requestBasins', range: { ...range, yMax: -5 }, nx: 48, ny: 48 })).toBeUndefined();
		expect(validateFromWebview({ type: 'requestBasins', range: { ...range, xMin: NaN }, nx: 48, ny: 48 })).toBeUndefined();
	});
});

describe('panel requests for racing runs', () => {
	it('accepts addRun and changeRun, and rejects bad ones', () => {
		expect(validateFromWebview({ type: 'addRun', optimizer: 'adam', options: { lr: 0.1 } })).toEqual({ type: 'addRun', optimizer: 'adam', options: { lr: 0.1 } });
		expect(validateFromWebview({ type: 'changeRun', id: 2, change: 'hide' })).toEqual({ type: 'changeRun', id: 2, change: 'hide' });
		expect(validateFromWebview({ type: 'addRun', optimizer: 'adam', options: { lr: 'fast' } })).toBeUndefined();
		const lbfgs = { type: 'addRun', optimizer: 'lbfgs', options: { lr: 1, line_search_fn: 'strong_wolfe' } };
		expect(validateFromWebview(lbfgs)).toEqual(lbfgs);
		expect(validateFromWebview({ type: 'changeRun', id: 2, change: 'explode' })).toBeUndefined();
	});
});
