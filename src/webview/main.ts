/**
 * Entry point of the Downhill panel (bundled to dist/webview.js). A pure view: it renders the snapshots and updates
 * the extension host sends and posts the user's intents back; it never evaluates the loss. On load it posts
 * `ready`; the host answers with `init`. Messages are checked (`hostMessages.ts`) and unknown ones ignored with a
 * warning. Only UI state (view range, log scale, slice axes) is persisted, through `getState`/`setState`.
 */
import type { PanelLayout, ToWebviewMessage } from '../shared/messages';
import { installBenchHook } from './benchHook';
import { el } from './dom';
import { FrameScheduler } from './frameScheduler';
import { HostConnection } from './hostConnection';
import { parseHostMessage } from './hostMessages';
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
	post: (message) => host.post(message),
	strings: () => strings,
	theme: () => theme,
	viewState: () => host.viewState,
	saveViewState: (patch) => host.saveViewState(patch),
	requestDraw: () => frames.request(),
};

function handle(message: ToWebviewMessage): void {
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
			if (change.kind === 'resync') host.post({ type: 'ready' });
			else panel?.onChange(change);
			applyLayout(message.settings.layout);
			return;
		}
		case 'requestImage': {
			const dataUrl = panel?.plotImage();
			if (dataUrl) host.post({ type: 'image', requestId: message.requestId, dataUrl });
			else console.warn('downhill: no plot to export yet');
			return;
		}
		case 'landscape':
			panel?.onLandscape(message.landscape);
			return;
		case 'restarts':
			if (model.applyRestarts(message.restarts)) panel?.onRestarts(true);
			return;
		case 'basins':
			panel?.onBasins(message.basins);
			return;
		case 'sweep':
			panel?.onSweep(message.sweep);
			return;
		case 'batchNoise':
			panel?.onBatchNoise(message.batchNoise);
			return;
		case 'bruteForce':
			panel?.onBruteForce(message.bruteForce);
			return;
		case 'lineSearch':
			panel?.onLineSearch(message.lineSearch);
			return;
		case 'runs':
			if (model.runs.apply(message, model.dimension)) panel?.onRuns();
			else host.post({ type: 'ready' });
			return;
		case 'error':
			if (panel) panel.showError(message.message);
			else app.replaceChildren(el('p', { className: 'error', text: message.message, attrs: { role: 'alert' } }));
			return;
	}
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

window.addEventListener('message', (event: MessageEvent) => {
	const message = parseHostMessage(event.data);
	if (message) handle(message);
	else console.warn('downhill: ignored a message the panel does not understand', (event.data as { type?: unknown } | null)?.type);
});

installShortcuts((command) => panel?.controls.command(command));
watchTheme(() => {
	theme = readTheme();
	panel?.restyle();
});
app.replaceChildren(el('p', { className: 'waiting', text: strings.get('panel.waiting') }));
host.post({ type: 'ready' });
