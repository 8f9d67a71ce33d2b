/**
 * Reading the panel's persisted `PanelViewState` back. VS Code returns whatever the panel last gave `setState`,
 * possibly from an older version of the panel, so each field is kept only when it is well formed; every field of
 * `PanelViewState` is read here, so a choice the user made survives hiding and reloading the panel.
 */
import type { PanelViewState, ViewRange } from '../shared/messages';

type Fields = Readonly<Record<string, unknown>>;
const isFields = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The well-formed fields of a persisted state. */
export function readViewState(raw: unknown): PanelViewState {
	if (!isFields(raw)) return {};
	const range = readRange(raw.range);
	const axes = raw.axes;
	const camera = raw.surfaceCamera;
	return {
		...(range ? { range } : {}),
		...(typeof raw.logScale === 'boolean' ? { logScale: raw.logScale } : {}),
		...(Array.isArray(axes) && axes.length === 2 && axes.every((a) => Number.isInteger(a) && a >= 0) ? { axes: [axes[0], axes[1]] as const } : {}),
		...(typeof raw.principalSlice === 'boolean' ? { principalSlice: raw.principalSlice } : {}),
		...(typeof raw.lineSearch === 'boolean' ? { lineSearch: raw.lineSearch } : {}),
		...(typeof raw.graph === 'boolean' ? { graph: raw.graph } : {}),
		...(raw.plotMode === 'map' || raw.plotMode === 'surface' ? { plotMode: raw.plotMode } : {}),
		...(isFields(camera) && finite(camera.azimuth) && finite(camera.elevation) ? { surfaceCamera: { azimuth: camera.azimuth, elevation: camera.elevation } } : {}),
	};
}

function readRange(v: unknown): ViewRange | undefined {
	if (!isFields(v)) return undefined;
	const { xMin, xMax, yMin, yMax } = v;
	return finite(xMin) && finite(xMax) && finite(yMin) && finite(yMax) ? { xMin, xMax, yMin, yMax } : undefined;
}
