/**
 * The trajectory as a file: every record of the session's history (step, parameters, loss, gradient, learning
 * rate) as CSV (one row per record, one column per parameter and per gradient entry) or JSON. Pure functions of
 * the history; the command chooses where to write.
 */
import type { History } from '../../engine/index';

export type ExportFormat = 'csv' | 'json';

/** The format for a file name: JSON for `.json`, else CSV. */
export function formatForPath(path: string): ExportFormat {
	return path.toLowerCase().endsWith('.json') ? 'json' : 'csv';
}

/** A CSV field, quoted when it holds a comma, quote or line break. */
function csvField(text: string): string {
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Numbers in full precision (`String(x)` round-trips float64). */
export function trajectoryCsv(history: History, params: readonly string[]): string {
	const header = ['step', ...params, 'loss', ...params.map((p) => `grad_${p}`), 'lr'].map(csvField).join(',');
	const lines = [header];
	const d = params.length;
	const x = new Float64Array(d);
	const g = new Float64Array(d);
	for (let k = 0; k < history.length; k++) {
		history.readPoint(k, x);
		history.readGradient(k, g);
		lines.push([k, ...x, history.loss(k), ...g, history.learningRate(k)].map(String).join(','));
	}
	return `${lines.join('\n')}\n`;
}

/** `{ loss, params, records: [{ step, params, loss, gradient, lr }] }`; non-finite numbers become strings. */
export function trajectoryJson(history: History, params: readonly string[], lossName: string): string {
	const d = params.length;
	const records = [];
	for (let k = 0; k < history.length; k++) {
		records.push({
			step: k,
			params: Array.from(history.readPoint(k, new Float64Array(d)), jsonNumber),
			loss: jsonNumber(history.loss(k)),
			gradient: Array.from(history.readGradient(k, new Float64Array(d)), jsonNumber),
			lr: jsonNumber(history.learningRate(k)),
		});
	}
	return `${JSON.stringify({ loss: lossName, params, records }, null, 1)}\n`;
}

/** JSON has no NaN or Infinity: they are written as the strings "NaN", "Infinity", "-Infinity". */
function jsonNumber(value: number): number | string {
	return Number.isFinite(value) ? value : String(value);
}
