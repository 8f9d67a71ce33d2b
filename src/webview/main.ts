/**
 * Entry point of the Downhill panel (bundled to dist/webview.js). A pure view: it renders the snapshots and updates
 * the extension host sends and posts the user's intents back; it never evaluates the loss. On load it sends the
 * `ready` notice; the host answers with `init`. Everything travels in the shared envelope (`hostConnection.ts`):
 * the host's notices are handled here, the panel's requests are answered to the view that asked. Only UI state
 * (view range, log scale, slice axes, ...) is persisted, through `getState`/`setState`.
 */
import { RequestError } from '../shared/endpoint';
import type { HostNotice, PanelLayout } from '../shared/messages';
import { installBenchHook } from './benchHook';
import { el } from './dom';
import { FrameScheduler } from './frameScheduler';
import { HostConnection } from './hostConnection';
import { installShortcuts } from './keyboardShortcuts';
import { PanelModel } from './panelModel';
import { PanelView } from './panelView';
import { Strings } from './strings';
import { readTheme, watchTheme } from './theme';
import type { ViewContext } from './viewContext';

const scriptStart = performance.now();
const host = new HostConnection();
const model = new PanelModel();
const app = document.getElementById('app') ?? document.body.appendChild(el('div', { attrs: { id: 'app' } }));
let strings = new Strings();
let theme = readTheme();
let panel: PanelView | undefined;
let dimensionShown = 0;
const layouts: readonly PanelLayout[] = ['auto', 'stacked', 'sideBySide'];

const bench = installBenchHook(scriptStart, () => panel?.benchContour());
const frames = new FrameScheduler((time) => {
	const t0 = performance.now();
	panel?.draw(time);
	if (bench && panel) {
		bench.frames.push(time);
		bench.drawMs.push(performance.now() - t0);
		bench.firstFrame ??= performance.now();
	}
});

const context: ViewContext = {
	model,
	post: (message) => host.endpoint.notify(message),
	request: (body, onReply) => {
		const request = host.endpoint.request(body, onReply);
		request.reply.catch((error: unknown) => error instanceof RequestError && showError(error.message));
		return request;
	},
	strings: () => strings,
	theme: () => theme,
	viewState: () => host.viewState,
	saveViewState: (patch) => host.saveViewState(patch),
	requestDraw: () => frames.request(),
};

function handle(message: HostNotice): void {
	switch (message.type) {
		case 'init': {
			const change = model.applyInit(message);
			strings = new Strings(message.snapshot.strings);
			document.documentElement.lang = document.body.dataset.locale ?? 'en';
			if (!panel || !change.sameLoss || dimensionShown !== model.dimension) rebuild();
			panel!.onChange(change);
			panel!.onRestarts(false);
			applyLayout(message.snapshot.settings.layout);
			return;
		}
		case 'update': {
			const change = model.applyUpdate(message);
			if (change.kind === 'resync') host.endpoint.notify({ type: 'ready' });
			else panel?.onChange(change);
			applyLayout(message.settings.layout);
			return;
		}
		case 'restarts':
			if (model.applyRestarts(message.restarts)) panel?.onRestarts(true);
			return;
		case 'runs':
			if (model.runs.apply(message, model.dimension)) panel?.onRuns();
			else host.endpoint.notify({ type: 'ready' });
			return;
		case 'graph':
			panel?.onPassGraph(message.graph);
			return;
		case 'error':
			showError(message.message);
			return;
	}
}

function showError(message: string): void {
	if (panel) panel.showError(message);
	else app.replaceChildren(el('p', { className: 'error', text: message, attrs: { role: 'alert' } }));
}

/** `downhill.panelLayout` as a `layout-…` class on the root element (media/panel.css arranges the columns). */
function applyLayout(layout: PanelLayout = 'auto'): void {
	for (const name of layouts) document.documentElement.classList.toggle(`layout-${name}`, name === layout);
}

function rebuild(): void {
	panel?.dispose();
	panel = new PanelView(context);
	dimensionShown = model.dimension;
	app.replaceChildren(panel.element);
}

host.endpoint.onNotice(handle);
// Not answered while there is no plot yet: the host asks again every second until the panel has laid one out.
host.endpoint.onRequest('requestImage', () => {
	const dataUrl = panel?.plotImage();
	return dataUrl ? { dataUrl } : undefined;
});

installShortcuts((command) => panel?.controls.command(command));
watchTheme(() => {
	theme = readTheme();
	panel?.restyle();
});
app.replaceChildren(el('p', { className: 'waiting', text: strings.get('panel.waiting') }));
host.endpoint.notify({ type: 'ready' });
