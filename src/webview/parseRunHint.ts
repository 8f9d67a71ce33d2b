/**
 * Checks the run hint the host sends with `init` and `update` (protocol `RunHintInfo`): anything malformed is
 * dropped, so the panel shows no hint rather than a broken sentence or a button that posts nonsense.
 */
import type { RunHintInfo } from '../shared/messages';

const kinds: readonly RunHintInfo['kind'][] = ['diverging', 'oscillating', 'crawling', 'plateau'];
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The hint if `v` is a well-formed one, else undefined. */
export function parseRunHint(v: unknown): RunHintInfo | undefined {
	if (typeof v !== 'object' || v === null) return undefined;
	const h = v as Record<string, unknown>;
	const s = h.suggestion as Record<string, unknown> | null | undefined;
	if (!kinds.includes(h.kind as RunHintInfo['kind']) || typeof s !== 'object' || s === null) return undefined;
	if (![h.window, h.count, h.relativeChange, h.gradientNorm, h.learningRate].every(finite)) return undefined;
	let suggestion: RunHintInfo['suggestion'];
	if (s.setting === 'learningRate' && finite(s.value) && s.value > 0) suggestion = { setting: 'learningRate', value: s.value };
	else if (s.setting === 'optimizer' && typeof s.value === 'string' && s.value !== '') suggestion = { setting: 'optimizer', value: s.value };
	else return undefined;
	return {
		kind: h.kind as RunHintInfo['kind'],
		suggestion,
		window: h.window as number,
		count: h.count as number,
		relativeChange: h.relativeChange as number,
		gradientNorm: h.gradientNorm as number,
		learningRate: h.learningRate as number,
	};
}
