// A second extension for test/e2e/responsiveness.e2e.mjs, loaded into the same extension host as Downhill. Its hover
// and completion answer at once, so the time they take in the workbench is the time the host's one thread took to get
// to them. The hover also reports how busy that thread has been since "Downhill Probe: Start Measuring": Node's event
// loop utilization (the share of time spent running code, not waiting) and the longest stall of a 20 ms timer.
const vscode = require('vscode');
const { performance } = require('node:perf_hooks');

const tickMs = 20;

/** @param {vscode.ExtensionContext} context */
function activate(context) {
	let since = { elu: performance.eventLoopUtilization(), at: performance.now() };
	let longestStall = 0;
	/** Stalls of 200 ms or more: when they ended (s since the start of measuring) and how long they were. */
	let stalls = [];
	let lastTick = performance.now();
	const timer = setInterval(() => {
		const now = performance.now();
		const stall = now - lastTick - tickMs;
		longestStall = Math.max(longestStall, stall);
		if (stall >= 200) stalls.push(`${Math.round(stall)} ms at ${((now - since.at) / 1000).toFixed(1)} s`);
		lastTick = now;
	}, tickMs);
	context.subscriptions.push({ dispose: () => clearInterval(timer) });

	const report = () => {
		const elu = performance.eventLoopUtilization(since.elu);
		const seconds = (performance.now() - since.at) / 1000;
		const listed = stalls.length > 0 ? ` (${stalls.join(', ')})` : '';
		return `probe hover: busy ${(elu.utilization * 100).toFixed(1)}% of ${seconds.toFixed(1)} s, longest stall ${Math.round(longestStall)} ms${listed}`;
	};
	context.subscriptions.push(
		vscode.commands.registerCommand('downhillProbe.startMeasuring', () => {
			since = { elu: performance.eventLoopUtilization(), at: performance.now() };
			longestStall = 0;
			stalls = [];
			lastTick = performance.now();
		}),
		vscode.languages.registerHoverProvider({ language: 'plaintext' }, { provideHover: () => new vscode.Hover(report()) }),
		vscode.languages.registerCompletionItemProvider({ language: 'plaintext' }, {
			provideCompletionItems: () => [new vscode.CompletionItem('probeCompletion', vscode.CompletionItemKind.Text)],
		}),
	);
}

module.exports = { activate, deactivate: () => undefined };
