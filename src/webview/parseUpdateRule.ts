/**
 * Checks the host's `PointState.update` (the next update written out) before the panel prints it: wrong shapes
 * become `undefined`, and the card stays hidden. Numbers may arrive as `null` (JSON's non-finite number).
 */
import type { UpdateRuleInfo, UpdateRuleRow } from '../shared/messages';

type Dict = Record<string, unknown>;
const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number => (typeof v === 'number' ? v : NaN);
const kinds: readonly UpdateRuleInfo['kind'][] = ['sgd', 'momentum', 'nesterov', 'adam', 'adamw', 'other'];
const maxRows = 50;

/** The update rule if well-formed, else undefined. */
export function parseUpdateRule(v: unknown): UpdateRuleInfo | undefined {
	if (!isDict(v) || !kinds.includes(v.kind as UpdateRuleInfo['kind']) || !Array.isArray(v.rows) || v.rows.length > maxRows) return undefined;
	const rows = v.rows.map(parseRow);
	if (rows.some((r) => r === undefined)) return undefined;
	return {
		kind: v.kind as UpdateRuleInfo['kind'],
		optimizer: typeof v.optimizer === 'string' ? v.optimizer : '',
		learningRate: num(v.learningRate),
		constants: numbers(v.constants),
		rows: rows as UpdateRuleRow[],
		size: typeof v.size === 'number' ? v.size : rows.length,
		stepNorm: num(v.stepNorm),
		largestChange: num(v.largestChange),
	};
}

function parseRow(r: unknown): UpdateRuleRow | undefined {
	if (!isDict(r) || typeof r.index !== 'number' || !Number.isInteger(r.index) || r.index < 0) return undefined;
	return { index: r.index, w: num(r.w), g: num(r.g), terms: numbers(r.terms), next: num(r.next) };
}

function numbers(v: unknown): Record<string, number> {
	const out: Record<string, number> = {};
	if (isDict(v)) for (const [k, x] of Object.entries(v)) if (typeof x === 'number' || x === null) out[k] = num(x);
	return out;
}
