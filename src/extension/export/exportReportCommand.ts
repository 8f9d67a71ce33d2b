/**
 * `downhill.exportReport(uri?, format?)`: saves the active session as a self-contained HTML report, one of its
 * plots as SVG, or the panel's main plot as shown as PNG (asked of the open panel; without one, a message says so).
 * Without `format` it asks with a QuickPick, without `uri` with a save dialog, so tests and other extensions can
 * call it without UI. Resolves to the written URI, or undefined when cancelled.
 */
import * as vscode from 'vscode';
import { activeOrHint, type CommandContext } from '../commands/commandContext';
import { spanInDocument } from '../debug/debugLocation';
import { rangeOfSpan } from '../losses/diagnostics';
import type { SessionController } from '../session/sessionController';
import { stopText } from '../stopText';
import { landscapeSvg, lossPlotSvg } from './plotSvg';
import { landscapeGrid, reportInput, trajectoryOf } from './reportData';
import { reportHtml } from './reportHtml';

export type ReportFormat = 'html' | 'svg-loss' | 'svg-landscape' | 'png';

const formats: readonly ReportFormat[] = ['html', 'svg-loss', 'svg-landscape', 'png'];

export async function exportReportCommand(
	context: CommandContext,
	target?: unknown,
	format?: unknown,
): Promise<vscode.Uri | undefined> {
	const controller = activeOrHint(context);
	if (!controller) return undefined;
	const uri = target instanceof vscode.Uri ? target : typeof target === 'string' ? vscode.Uri.parse(target) : undefined;
	const chosen = isFormat(format) ? format : (uri && formatOfPath(uri.path)) || (await pickFormat());
	if (!chosen) return undefined;
	const image = chosen === 'png' ? context.panelImage() : undefined;
	void image?.catch(() => undefined); // awaited below unless the save dialog is cancelled
	if (chosen === 'png' && !image) {
		void vscode.window.showInformationMessage(
			vscode.l10n.t('Downhill: open the panel ("Downhill: Open Panel") to export the plot as PNG.'),
		);
		return undefined;
	}
	const destination = uri ?? (await askTarget(controller, chosen));
	if (!destination) return undefined;
	const bytes = image ? pngBytes(await image) : new TextEncoder().encode(await render(controller, chosen));
	await vscode.workspace.fs.writeFile(destination, bytes);
	context.log.info(vscode.l10n.t('Exported {0} ({1}) to {2}', controller.loss.name, chosen, destination.toString(true)));
	void vscode.window.showInformationMessage(
		vscode.l10n.t('Downhill: saved {0} to {1}.', labels()[chosen], vscode.workspace.asRelativePath(destination)),
	);
	return destination;
}

function isFormat(value: unknown): value is ReportFormat {
	return formats.includes(value as ReportFormat);
}

/** HTML for `.html`/`.htm`, PNG for `.png`; an SVG path says nothing about which plot, so it is asked. */
function formatOfPath(path: string): ReportFormat | undefined {
	return /\.html?$/i.test(path) ? 'html' : /\.png$/i.test(path) ? 'png' : undefined;
}

function labels(): Record<ReportFormat, string> {
	return {
		html: vscode.l10n.t('HTML report'),
		'svg-loss': vscode.l10n.t('SVG: loss per step'),
		'svg-landscape': vscode.l10n.t('SVG: landscape and path'),
		png: vscode.l10n.t('PNG: the plot as shown'),
	};
}

async function pickFormat(): Promise<ReportFormat | undefined> {
	const label = labels();
	const details: Record<ReportFormat, string> = {
		html: vscode.l10n.t('Plots, settings and the loss source in one file that opens in any browser, offline'),
		'svg-loss': vscode.l10n.t('The loss at every step, on a log scale when it spans more than two decades'),
		'svg-landscape': vscode.l10n.t('The curve (1 parameter), the contour map (2) or the parameter traces (more)'),
		png: vscode.l10n.t("The panel's main plot with its overlays, at the screen's resolution"),
	};
	const picked = await vscode.window.showQuickPick(
		formats.map((format) => ({ label: label[format], detail: details[format], format })),
		{ title: vscode.l10n.t('Downhill: Export Report'), placeHolder: vscode.l10n.t('What to export') },
	);
	return picked?.format;
}

async function askTarget(controller: SessionController, format: ReportFormat): Promise<vscode.Uri | undefined> {
	const folder = vscode.Uri.joinPath(vscode.Uri.parse(controller.origin.uri), '..');
	const name = controller.loss.name;
	const files: Record<ReportFormat, string> = {
		html: `${name}-report.html`,
		'svg-loss': `${name}-loss.svg`,
		'svg-landscape': `${name}-landscape.svg`,
		png: `${name}-plot.png`,
	};
	const filters: Record<string, string[]> =
		format === 'html' ? { HTML: ['html'] } : format === 'png' ? { PNG: ['png'] } : { SVG: ['svg'] };
	return vscode.window.showSaveDialog({
		title: vscode.l10n.t('Downhill: Export Report'),
		defaultUri: vscode.Uri.joinPath(folder, files[format]),
		filters,
	});
}

/** The bytes of a `data:image/png;base64,` URL (atob: the web extension has no Buffer). */
function pngBytes(dataUrl: string): Uint8Array {
	const binary = atob(dataUrl.slice(dataUrl.indexOf(',') + 1));
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return bytes;
}

async function render(controller: SessionController, format: ReportFormat): Promise<string> {
	const run = trajectoryOf(controller);
	if (format === 'svg-loss') return lossPlotSvg(run);
	const grid = landscapeGrid(controller.loss, run);
	if (format === 'svg-landscape') return landscapeSvg(run, grid);
	const plots = { loss: lossPlotSvg(run, { standalone: false }), landscape: landscapeSvg(run, grid, { standalone: false }) };
	const source = await lossSource(controller);
	const stop = stopText(controller.session.lastStop);
	return reportHtml({ ...reportInput(controller, source, stop, plots), generated: new Date().toISOString() });
}

/** The loss's definition (or the selection it was compiled from) as the document holds it now. */
async function lossSource(controller: SessionController): Promise<{ text: string; fileName: string }> {
	const { origin, loss } = controller;
	const uri = vscode.Uri.parse(origin.uri);
	try {
		const document = await vscode.workspace.openTextDocument(uri);
		const range = rangeOfSpan(origin.selection ?? spanInDocument(origin, loss.site.span));
		return { text: document.getText(range), fileName: vscode.workspace.asRelativePath(uri) };
	} catch {
		return { text: vscode.l10n.t('(the source of {0} could not be read)', loss.name), fileName: origin.fileName };
	}
}
