/**
 * The panel's one link to the extension: `acquireVsCodeApi()` (callable once per page), an `Endpoint` over its
 * `postMessage` and the window's `message` events (the host is trusted: envelopes are read, bodies not re-checked;
 * non-finite numbers are decoded, see `jsonNumbers.ts`), and the persisted `PanelViewState` (UI state only, never
 * data; VS Code restores it when the panel is shown again). Outside VS Code (a test page without the stub) posts go
 * to the console.
 */
import { Endpoint } from '../shared/endpoint';
import { decodeNonFinite } from '../shared/jsonNumbers';
import type { HostContract, PanelContract, PanelViewState } from '../shared/messages';
import { readViewState } from './viewState';

interface VsCodeApi {
	postMessage(message: unknown): void;
	getState(): unknown;
	setState(state: unknown): void;
}

export class HostConnection {
	private readonly api: VsCodeApi;
	private state: PanelViewState;
	/** Notices and requests to the host, and its answers. */
	readonly endpoint: Endpoint<PanelContract, HostContract>;

	constructor() {
		const acquire = (globalThis as { acquireVsCodeApi?: () => VsCodeApi }).acquireVsCodeApi;
		this.api = acquire ? acquire() : { postMessage: (m) => console.info('downhill: no host for', m), getState: () => undefined, setState: () => undefined };
		this.state = readViewState(this.api.getState());
		this.endpoint = new Endpoint(
			{
				post: (envelope) => this.api.postMessage(envelope),
				onMessage: (listener) => window.addEventListener('message', (event: MessageEvent) => listener(decodeNonFinite(event.data))),
			},
			{ onRejected: (raw) => console.warn('downhill: ignored a message that is not an envelope', raw) },
		);
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
