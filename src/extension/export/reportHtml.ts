/**
 * A run as one self-contained HTML file: the loss and where it came from, the current point, the plots (inline
 * SVG), the settings under PyTorch's names, the loss's source and the first and last records. No scripts, no
 * links and no URLs, so it opens in any browser without network access; the CSS is inline and follows the
 * browser's light or dark scheme. Every piece of user text (names, source, file) is escaped.
 */
import { formatSchedule, type OptimizerName, type OptionValue, type SessionSettings } from '../../engine/index';
import { formatCompact } from '../formatCompact';
import { reportStyle } from './reportStyle';
import { escapeXml } from './svgParts';
import { torchOptimizerNames } from '../../shared/optimizerNames';

export interface RecordRow {
	readonly step: number;
	readonly x: readonly number[];
	readonly loss: number;
	readonly gradientNorm: number;
	readonly learningRate: number;
	/** Records were left out before this one. */
	readonly gapBefore: boolean;
}

export interface ReportInput {
	readonly lossName: string;
	/** The file as the user knows it (workspace-relative when possible). */
	readonly fileName: string;
	/** 1-based line of the loss definition. */
	readonly line: number;
	readonly language: string;
	/** The loss's source text, as written. */
	readonly source: string;
	readonly params: readonly string[];
	readonly optimizer: { readonly name: OptimizerName; readonly options: Readonly<Record<string, unknown>> };
	readonly settings: SessionSettings;
	/** Why the session stopped, as a sentence. */
	readonly stop: string;
	/** The current record and how many there are. */
	readonly step: number;
	readonly historyLength: number;
	readonly current: { readonly x: readonly number[]; readonly loss: number; readonly gradientNorm: number };
	readonly records: readonly RecordRow[];
	/** SVG markup (without the namespace declaration) to inline. */
	readonly plots: { readonly loss: string; readonly landscape: string };
	/** When the report was made (ISO 8601); left out when absent. */
	readonly generated?: string;
}

/** The whole report. */
export function reportHtml(input: ReportInput): string {
	const title = `${input.lossName} · ${input.fileName}`;
	return [
		'<!DOCTYPE html>',
		'<html lang="en">',
		'<head>',
		'<meta charset="utf-8">',
		'<meta name="viewport" content="width=device-width, initial-scale=1">',
		'<meta name="color-scheme" content="light dark">',
		`<title>Downhill report: ${escapeXml(title)}</title>`,
		`<style>${reportStyle}</style>`,
		'</head>',
		'<body>',
		'<main>',
		header(input),
		summary(input),
		`<section><h2>Plots</h2>\n<figure>${input.plots.loss}</figure>\n<figure>${input.plots.landscape}</figure>\n</section>`,
		settingsSection(input),
		sourceSection(input),
		recordsSection(input),
		'<footer>Made with Downhill: gradient descent, one step at a time.</footer>',
		'</main>',
		'</body>',
		'</html>',
		'',
	].join('\n');
}

function header(input: ReportInput): string {
	const generated = input.generated ? ` · ${escapeXml(input.generated)}` : '';
	return (
		`<header><p class="kicker">Downhill report</p><h1>${escapeXml(input.lossName)}(${escapeXml(input.params.join(', '))})</h1>\n` +
		`<p class="note">${escapeXml(input.fileName)}:${input.line}${generated}</p></header>`
	);
}

function summary(input: ReportInput): string {
	const items: [string, string][] = [
		['Last stop', escapeXml(input.stop)],
		['Step', `${input.step} of ${input.historyLength - 1}`],
		['Loss', num(input.current.loss, 10)],
		['‖∇L‖', num(input.current.gradientNorm, 6)],
		['Point', escapeXml(pointText(input.params, input.current.x))],
		['Optimizer', `${torchOptimizerNames[input.optimizer.name]}, lr = ${num(Number(input.optimizer.options.lr), 6)}`],
	];
	const cells = items.map(([term, value]) => `<div><dt>${term}</dt><dd>${value}</dd></div>`).join('\n');
	return `<section><dl class="summary">\n${cells}\n</dl></section>`;
}

function sourceSection(input: ReportInput): string {
	return (
		`<section><h2>Loss source</h2>\n` +
		`<p class="note">${escapeXml(input.fileName)}, line ${input.line} (${escapeXml(input.language)})</p>\n` +
		`<pre><code>${escapeXml(input.source)}</code></pre>\n</section>`
	);
}

function settingsSection(input: ReportInput): string {
	const { optimizer, settings } = input;
	const options = Object.entries(optimizer.options);
	const args = options.map(([k, v]) => `${k}=${python(v)}`).join(', ');
	const call = optimizer.name === 'newton' ? `# Newton's method with the exact Hessian (${args}): not a torch.optim optimizer` : `torch.optim.${torchOptimizerNames[optimizer.name]}(params, ${args})`;
	const rows: [string, string][] = [
		...options.map(([k, v]): [string, string] => [k, python(v)]),
		['schedule', formatSchedule(settings.schedule)],
		['gradient', settings.gradientSource === 'numeric' ? 'numeric (central differences)' : 'autodiff'],
		['batch size', settings.batchSize === 0 ? '0 (full batch)' : `${settings.batchSize}${settings.withReplacement ? ', with replacement' : ''}`],
		['seed', String(settings.seed)],
		['max steps', String(settings.maxSteps)],
		['gradient tolerance', `‖∇L‖ ≤ ${formatCompact(settings.gradientTolerance)}`],
		['loss tolerance', `|ΔL| ≤ ${formatCompact(settings.lossTolerance)} · max(1, |L|)`],
		['divergence', `a non-finite value, or the loss grows more than a million-fold over ${settings.divergenceSteps} rising steps in a row`],
	];
	return (
		`<section><h2>Settings</h2>\n<pre class="call"><code>${escapeXml(call)}</code></pre>\n` +
		`<table class="settings"><tbody>\n${rows.map(([k, v]) => settingRow(k, v)).join('\n')}\n</tbody></table>\n</section>`
	);
}

function settingRow(name: string, value: string): string {
	return `<tr><th scope="row">${escapeXml(name)}</th><td>${escapeXml(value)}</td></tr>`;
}

function recordsSection(input: ReportInput): string {
	const columns = input.params.length <= 4;
	const pointHeads = columns ? input.params.map((p) => `<th>${escapeXml(p)}</th>`).join('') : '<th>point</th>';
	const width = 3 + (columns ? input.params.length : 1) + 2;
	const rows = input.records.map((r) => {
		const gap = r.gapBefore ? `<tr class="gap"><td colspan="${width}">⋮</td></tr>\n` : '';
		const point = columns ? r.x.map((v) => `<td>${num(v, 6)}</td>`).join('') : `<td>${escapeXml(pointText(input.params, r.x))}</td>`;
		const current = r.step === input.step ? ' class="current"' : '';
		const values = [r.loss, r.gradientNorm, r.learningRate].map((v, i) => `<td>${num(v, i === 0 ? 6 : 4)}</td>`).join('');
		return `${gap}<tr${current}><td>${r.step}</td>${point}${values}</tr>`;
	});
	const shown = input.records.length < input.historyLength ? `the first and last of ${input.historyLength}` : `all ${input.historyLength}`;
	return (
		`<section><h2>Records</h2>\n<p class="note">${shown} records; the current one is highlighted.</p>\n` +
		`<table class="records"><thead><tr><th>step</th>${pointHeads}<th>loss</th><th>‖∇L‖</th><th>lr</th></tr></thead>\n` +
		`<tbody>\n${rows.join('\n')}\n</tbody></table>\n</section>`
	);
}

/** A number in `digits` significant digits, exponent form beyond 1e6 or below 1e-4 (non-finite ones as written). */
function num(value: number, digits: number): string {
	if (!Number.isFinite(value)) return String(value);
	const magnitude = Math.abs(value);
	if (magnitude !== 0 && (magnitude >= 1e6 || magnitude < 1e-4)) return value.toExponential(digits - 1).replace(/\.?0+e/, 'e');
	return String(Number(value.toPrecision(digits)));
}

/** `(x = 1, y = 2)`, long points cut after 8 entries. */
function pointText(params: readonly string[], x: readonly number[]): string {
	const shown = x.slice(0, 8).map((v, i) => `${params[i]} = ${num(v, 6)}`);
	if (x.length > 8) shown.push(`… ${x.length - 8} more`);
	return `(${shown.join(', ')})`;
}

/** A hyper-parameter as Python writes it: `True`, `(0.9, 0.999)`, `0.001`. */
function python(value: unknown): string {
	if (typeof value === 'boolean') return value ? 'True' : 'False';
	if (Array.isArray(value)) return `(${value.map(python).join(', ')})`;
	return String(value as OptionValue);
}
