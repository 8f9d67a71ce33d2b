/**
 * Every string the panel shows, by key, with its English text. The host sends translations in
 * `snapshot.strings` (keys from `webviewStringKeys`); a missing key falls back to English here. Placeholders are
 * `{name}` and are filled with `format`, never with HTML.
 */

export const englishStrings = {
	'panel.waiting': 'Waiting for a session…',
	'header.optimizer': 'Optimizer',
	'header.step': 'Step',
	'header.loss': 'Loss',
	'header.gradientNorm': '‖∇L‖',
	'header.learningRate': 'Learning rate',
	'header.running': 'Running…',
	'control.toolbar': 'Session controls',
	'control.step': 'Step',
	'control.step.title': 'Take one optimizer step (Space or →)',
	'control.stepMany': '×10',
	'control.stepMany.title': 'Take ten steps (Shift+→)',
	'control.continue': 'Continue',
	'control.pause': 'Pause',
	'control.continue.title': 'Run until the next stop, or pause (Enter)',
	'control.stepBack': 'Step Back',
	'control.stepBack.title': 'Go back one step in history (←)',
	'control.restart': 'Restart',
	'control.restart.title': 'Back to the start point with the same settings (R)',
	'control.speed': 'Speed',
	'control.speedValue': '{n} steps/s',
	'control.speedMax': 'max',
	'control.learningRate': 'Learning rate',
	'control.learningRate.invalid': 'Enter a number ≥ 0, then press Enter',
	'control.learningRate.hint': 'Press Enter to apply',
	'control.optimizer': 'Optimizer',
	'control.history': 'History',
	'control.historyValue': 'step {step} of {last}',
	'control.useLearningRate': 'Use lr = {lr}',
	'control.dismiss': 'Dismiss',
	'control.fit': 'Fit',
	'control.fit.title': 'Fit the view to the trajectory',
	'control.zoomIn': 'Zoom in',
	'control.zoomOut': 'Zoom out',
	'control.logScale': 'Log scale',
	'plot.curve.label': 'Loss curve over {param} from {xMin} to {xMax}. Current point {param} = {x}, loss {loss}, slope {slope}; the next step goes to {next}.',
	'plot.contour.label': 'Contour map of the loss over {px} and {py}. Current point ({x}, {y}), loss {loss}; the next step goes to ({nx}, {ny}); {count} points in the trajectory.',
	'plot.hint': 'Click to start from a point · wheel to zoom · drag to pan',
	'plot.loading': 'Computing the landscape…',
	'plot.downhill': '−∇L (downhill)',
	'plot.next': 'next step',
	'plot.tangent': 'tangent',
	'plot.slice': 'Slice through the current point',
	'plot.sliceX': 'Horizontal axis',
	'plot.sliceY': 'Vertical axis',
	'plot.legend.log': 'log-spaced levels',
	'plot.legend.linear': 'levels',
	'chart.loss': 'Loss per step',
	'chart.gradientNorm': 'Gradient norm per step',
	'chart.params': 'Parameters per step',
	'chart.moreParams': 'Showing {shown} of {total} parameters',
	'chart.label': '{title}: {count} steps, last value {last}',
	'table.caption': 'Latest values',
	'table.param': 'Parameter',
	'table.value': 'Value',
	'table.gradient': 'Gradient',
	'announce.step': 'Step {step}: loss {loss}, gradient norm {gradientNorm}',
} as const;

export type StringKey = keyof typeof englishStrings;

/** The keys the host may translate (the lead adds Korean under the same keys). */
export const webviewStringKeys = Object.keys(englishStrings) as readonly StringKey[];

/** Looks strings up in the host's table, then in English. */
export class Strings {
	constructor(private readonly table: Readonly<Record<string, string>> = {}) {}

	get(key: StringKey, values?: Readonly<Record<string, string | number>>): string {
		const text = this.table[key] ?? englishStrings[key];
		return values ? format(text, values) : text;
	}
}

/** Fills `{name}` placeholders; unknown names stay as they are. */
export function format(text: string, values: Readonly<Record<string, string | number>>): string {
	return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}
