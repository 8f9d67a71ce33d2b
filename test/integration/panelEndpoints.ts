// The panel's side of the envelope joined to the host's message handling the way DownhillPanel joins them
// (readPanelEnvelope, handlePanelNotice, servePanelRequests), over a transport that clones like postMessage, so a
// test sends what the panel sends and awaits what the panel would receive.
import { Endpoint } from '../../src/shared/endpoint';
import type { HostContract, HostNotice, PanelContract } from '../../src/shared/messages';
import { readPanelEnvelope } from '../../src/shared/validatePanelMessage';
import { handlePanelNotice, servePanelRequests, type PanelMessageContext } from '../../src/extension/panel/panelMessages';

export interface ConnectedPanel {
	readonly panel: Endpoint<PanelContract, HostContract>;
	/** Every notice the host sent. */
	readonly notices: HostNotice[];
	readonly context: PanelMessageContext;
}

/** A context whose `notify` records and whose other members do nothing, unless `overrides` says otherwise. */
export function connectPanel(overrides: Partial<PanelMessageContext>): ConnectedPanel {
	const notices: HostNotice[] = [];
	const context: PanelMessageContext = {
		controller: undefined,
		notify: (m) => void notices.push(m),
		sendInit: () => undefined,
		runRestarts: () => undefined,
		requestBasins: () => undefined,
		requestSweep: () => undefined,
		addRun: () => undefined,
		changeRun: () => undefined,
		passGraph: undefined,
		revealLine: () => undefined,
		...overrides,
	};
	const host: Endpoint<HostContract, PanelContract> = new Endpoint({ post: (e) => panel.receive(structuredClone(e)) }, { read: readPanelEnvelope });
	const panel = new Endpoint<PanelContract, HostContract>({ post: (e) => host.receive(structuredClone(e)) });
	host.onNotice((m) => handlePanelNotice(m, context));
	servePanelRequests(host, context);
	return { panel, notices, context };
}
