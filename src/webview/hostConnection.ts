/**
 * The panel's one link to the extension: `acquireVsCodeApi()` (callable once per page), typed posts of
 * `FromWebviewMessage`s, and the persisted `PanelViewState` (UI state only, never data; VS Code restores it when
 * the panel is shown again). Outside VS Code (a test page without the stub) posts go to the console.
 */
import type { FromWebviewMessage, PanelViewState } from '../shared/messages';

interface VsCodeApi {
	postMessage(message: unknown): void;
	getState(): unknown;
	setState(state: unknown): void;
}

export class HostConnection {
	private readonly api: VsCodeApi;
	private state: PanelViewState;

	constructor() {
		const acquire = (globalThis as { acquireVsCodeApi?: () => VsCodeApi }).acquireVsCodeApi;
		this.api = acquire ? acquire() : { postMessage: (m) => console.info('downhill: no host for', m), getState: () => undefined, setState: () => undefined };
		this.state = readViewState(this.api.getState());
	}

	post(message: FromWebviewMessage): void {
		this.api.postMessage(message);
	}

	get viewState(): PanelViewState {
		return this.state;
	}

	/** Merges `patch` into the persisted view state. */
	saveViewState(patch: PanelViewState): void {
		this.state = { ...this.state, ...patch };
		this.api.setState(this.state);
	}
}

/** Keeps only well-formed fields of a persisted state (it may come from an older version of the panel). */
function readViewState(raw: unknown): PanelViewState {
	if (typeof raw !== 'object' || raw === null) return {};
	const s = raw as Record<string, unknown>;
	const out: { range?: PanelViewState['range']; logScale?: boolean; axes?: [number, number] } = {};
	const r = s.range as Record<string, unknown> | undefined;
	if (r && ['xMin', 'xMax', 'yMin', 'yMax'].every((k) => typeof r[k] === 'number' && Number.isFinite(r[k]))) {
		out.range = { xMin: r.xMin as number, xMax: r.xMax as number, yMin: r.yMin as number, yMax: r.yMax as number };
	}
	if (typeof s.logScale === 'boolean') out.logScale = s.logScale;
	if (Array.isArray(s.axes) && s.axes.length === 2 && s.axes.every((a) => Number.isInteger(a) && a >= 0)) out.axes = [s.axes[0], s.axes[1]];
	return { ...out, ...readSurfaceState(s) };
}

/** The plot mode and the surface's camera angles, if well formed. */
function readSurfaceState(s: Record<string, unknown>): Pick<PanelViewState, 'plotMode' | 'surfaceCamera'> {
	const camera = s.surfaceCamera as Record<string, unknown> | undefined;
	const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
	return {
		...(s.plotMode === 'map' || s.plotMode === 'surface' ? { plotMode: s.plotMode } : {}),
		...(camera && finite(camera.azimuth) && finite(camera.elevation) ? { surfaceCamera: { azimuth: camera.azimuth, elevation: camera.elevation } } : {}),
	};
}
