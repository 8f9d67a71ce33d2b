// The panel's persisted view state read back: every field of PanelViewState survives a save and a restore (VS Code
// hands back what setState stored, as JSON), and malformed fields from an older panel are dropped one by one.
import { describe, expect, it } from 'vitest';
import type { PanelViewState } from '../../../src/shared/messages';
import { readViewState } from '../../../src/webview/viewState';

const full: Required<PanelViewState> = {
	range: { xMin: -2, xMax: 3, yMin: -1, yMax: 4 },
	logScale: true,
	axes: [2, 0],
	principalSlice: true,
	lineSearch: true,
	plotMode: 'surface',
	surfaceCamera: { azimuth: 30, elevation: 45 },
	graph: true,
};

describe('readViewState', () => {
	it('keeps every field of a saved state, the principal slice and the line-search view included', () => {
		expect(readViewState(JSON.parse(JSON.stringify(full)))).toEqual(full);
		expect(readViewState({ principalSlice: false, lineSearch: false })).toEqual({ principalSlice: false, lineSearch: false });
	});

	it('has a reader for each field of the type', () => {
		const keys: (keyof PanelViewState)[] = ['range', 'logScale', 'axes', 'principalSlice', 'lineSearch', 'plotMode', 'surfaceCamera', 'graph'];
		expect(Object.keys(full).sort()).toEqual([...keys].sort());
		for (const key of keys) expect(readViewState({ [key]: full[key] }), key).toEqual({ [key]: full[key] });
	});

	it('drops malformed fields and keeps the rest', () => {
		const bad = {
			range: { xMin: 0, xMax: 'far', yMin: 0, yMax: 1 },
			logScale: 'yes',
			axes: [0, -1],
			principalSlice: 1,
			lineSearch: 'open',
			plotMode: 'globe',
			surfaceCamera: { azimuth: NaN, elevation: 3 },
		};
		expect(readViewState(bad)).toEqual({});
		expect(readViewState({ ...bad, lineSearch: true })).toEqual({ lineSearch: true });
		for (const raw of [undefined, null, 'state', [full]]) expect(readViewState(raw)).toEqual({});
	});
});
