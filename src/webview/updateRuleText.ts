/**
 * The update rule as text lines with the actual numbers, built from the host's `UpdateRuleInfo` (the host computes
 * every term; this only writes them out). For each listed parameter: the optimizer's terms, then
 * `w − η × … = w_new`. Negative numbers are bracketed so the arithmetic reads as written. Pure, no DOM: the card
 * (`updateRuleView.ts`) puts these lines into text nodes.
 */
import type { UpdateRuleInfo, UpdateRuleRow } from '../shared/messages';
import { formatNumber } from './formatNumber';
import type { Strings } from './strings';

export interface UpdateRuleText {
	/** The rule in symbols, one equation a line. */
	readonly formulas: readonly string[];
	readonly rows: readonly { readonly name: string; readonly lines: readonly string[] }[];
	/** For losses with more parameters than rows: how many more, and the size of the whole step. */
	readonly summary?: string;
}

const digits = 5;
const n = (v: number): string => formatNumber(v, digits);
/** A number inside an expression: negative ones in brackets. */
const term = (v: number): string => (v < 0 || Object.is(v, -0) ? `(${n(v)})` : n(v));

/** The formulas and one block of lines per listed parameter. */
export function updateRuleText(info: UpdateRuleInfo, params: readonly string[], strings: Strings): UpdateRuleText {
	const c = info.constants;
	const rows = info.rows.map((row) => {
		const name = params[row.index] ?? `w[${row.index}]`;
		return { name, lines: rowLines(info, row, strings).map((line) => withName(line, name)) };
	});
	const more = info.size - info.rows.length;
	const summary =
		more > 0
			? strings.get('update.summary', { count: more, norm: n(info.stepNorm), largest: n(info.largestChange) })
			: undefined;
	return { formulas: formulas(info.kind, c, strings), rows, ...(summary === undefined ? {} : { summary }) };
}

/** A row's line about its own parameter: `b_new = …` for `b`, `W_new[0][1] = …` for `W[0][1]`. */
function withName(line: string, name: string): string {
	const [, base = name, index = ''] = /^([^[]+)(\[.*)?$/.exec(name) ?? [];
	if (line.startsWith('w_new = ')) return `${base}_new${index} = ${line.slice('w_new = '.length)}`;
	if (line.startsWith('w ← ')) return `${name} ← ${line.slice('w ← '.length)}`;
	return line;
}

function formulas(kind: UpdateRuleInfo['kind'], c: Readonly<Record<string, number>>, strings: Strings): string[] {
	const decay = (c.weightDecay ?? 0) !== 0 && kind !== 'adamw' && kind !== 'adafactor' ? ['g = ∇L + λ·w'] : [];
	const g = decay.length > 0 ? 'g' : '∇L';
	switch (kind) {
		case 'sgd':
			return [...decay, `w_new = w − η·${g}`];
		case 'momentum':
		case 'nesterov': {
			const v = (c.dampening ?? 0) !== 0 ? `v = μ·v + (1 − τ)·${g}` : `v = μ·v + ${g}`;
			const w = kind === 'nesterov' ? `w_new = w − η·(${g} + μ·v)` : 'w_new = w − η·v';
			return [...decay, v, w];
		}
		case 'adam':
		case 'adamw':
			return [
				...decay,
				...(kind === 'adamw' && (c.weightDecay ?? 0) !== 0 ? ['w ← w·(1 − η·λ)'] : []),
				`m = β₁·m + (1 − β₁)·${g}`,
				`v = β₂·v + (1 − β₂)·${g}²`,
				'm̂ = m / (1 − β₁ᵗ),  v̂ = v / (1 − β₂ᵗ)',
				'w_new = w − η·m̂ / (√v̂ + ε)',
			];
		case 'adadelta':
			return [
				...decay,
				`s = ρ·s + (1 − ρ)·${g}²`,
				`Δ = √(u + ε) / √(s + ε)·${g}`,
				'u = ρ·u + (1 − ρ)·Δ²',
				'w_new = w − η·Δ',
			];
		case 'rprop':
			return ['step = clamp(step·η±, min, max)', 'w_new = w − sign(∇L)·step', strings.get('update.rprop.rule')];
		case 'lbfgs':
			return [
				'd = −H·∇L',
				'w_new = w + α·d',
				strings.get('update.lbfgs.rule'),
				strings.get('update.lbfgs', { iterations: c.iterations ?? 0, evaluations: c.evaluations ?? 0, pairs: c.pairs ?? 0, alpha: n(c.alpha ?? NaN) }),
			];
		case 'newton':
			return [
				'H = Q·diag(λ)·Qᵀ',
				'w_new = w − η·Q·diag(1 / max(|λ|, ε))·Qᵀ·∇L',
				strings.get('update.newton.rule'),
				strings.get('update.newton', { lambdaMin: n(c.lambdaMin ?? NaN), lambdaMax: n(c.lambdaMax ?? NaN), modified: c.modified ?? 0 }),
			];
		case 'adafactor':
			return adafactorFormulas(c, strings);
		default:
			return ['w_new = w + Δ', strings.get('update.other')];
	}
}

function adafactorFormulas(c: Readonly<Record<string, number>>, strings: Strings): string[] {
	return [
		'β̂₂ = 1 − t^τ,  ρ = min(η, 1/√t),  α = max(ε₂, RMS(w))·ρ',
		...((c.weightDecay ?? 0) !== 0 ? ['w ← w·(1 − η·λ)'] : []),
		...((c.factored ?? 0) > 0 ? ['R = β̂₂·R + (1 − β̂₂)·mean_row(∇L²),  C = β̂₂·C + (1 − β̂₂)·mean_col(∇L²)', 'V̂ = R·C / max(mean(R), ε₁)'] : []),
		...((c.unfactored ?? 0) > 0 ? ['v = β̂₂·v + (1 − β̂₂)·∇L²,  V̂ = v'] : []),
		'U = ∇L / √max(V̂, ε₁²),  Û = U / max(1, RMS(U)/d)',
		'w_new = w − α·Û',
		strings.get('update.adafactor.rule'),
		strings.get('update.adafactor', { beta2hat: n(c.beta2hat ?? NaN), tau: n(c.tau ?? NaN), rho: n(c.rho ?? NaN), d: n(c.d ?? NaN), eps1: n(c.eps1 ?? NaN), eps2: n(c.eps2 ?? NaN) }),
	];
}

function rowLines(info: UpdateRuleInfo, row: UpdateRuleRow, strings: Strings): string[] {
	const c = info.constants;
	const lr = n(info.learningRate);
	const t = row.terms;
	const lines: string[] = [];
	const wd = c.weightDecay ?? 0;
	if (wd !== 0 && info.kind !== 'adamw' && info.kind !== 'adafactor' && info.kind !== 'other') lines.push(`g = ${term(row.g - wd * row.w)} + ${n(wd)} × ${term(row.w)} = ${n(row.g)}`);
	const result = ` = ${n(row.next)}`;
	switch (info.kind) {
		case 'sgd':
			lines.push(`w_new = ${n(row.w)} − ${lr} × ${term(row.g)}${result}`);
			break;
		case 'momentum':
		case 'nesterov':
			lines.push(velocityLine(c, row, strings));
			if (info.kind === 'nesterov') lines.push(`w_new = ${n(row.w)} − ${lr} × (${term(row.g)} + ${n(c.momentum!)} × ${term(t.v!)})${result}`);
			else lines.push(`w_new = ${n(row.w)} − ${lr} × ${term(t.v!)}${result}`);
			break;
		case 'adam':
		case 'adamw':
			lines.push(...adamLines(info, row));
			break;
		case 'adadelta':
			lines.push(...adadeltaLines(info, row));
			break;
		case 'rprop':
			lines.push(...rpropLines(info, row, strings));
			break;
		case 'lbfgs':
			lines.push(`d = ${n(t.d!)}`, `w_new = ${n(row.w)} + ${term(row.next - row.w)}${result}`);
			break;
		case 'newton':
			lines.push(`w_new = ${n(row.w)} + ${term(row.next - row.w)}${result}`);
			break;
		case 'adafactor':
			lines.push(...adafactorLines(info, row));
			break;
		default:
			lines.push(`w_new = ${n(row.w)} + ${term(row.next - row.w)}${result}`);
			for (const [name, value] of Object.entries(t)) lines.push(`${name} = ${n(value)}`);
	}
	return lines;
}

function velocityLine(c: Readonly<Record<string, number>>, row: UpdateRuleRow, strings: Strings): string {
	const t = row.terms;
	if (c.t === 1) return `v = ${n(t.v!)}  (${strings.get('update.firstStep')})`;
	const keep = (c.dampening ?? 0) !== 0 ? `${n(1 - c.dampening!)} × ${term(row.g)}` : term(row.g);
	return `v = ${n(c.momentum!)} × ${term(t.v0!)} + ${keep} = ${n(t.v!)}`;
}

function adadeltaLines(info: UpdateRuleInfo, row: UpdateRuleRow): string[] {
	const c = info.constants;
	const t = row.terms;
	const rho = n(c.rho!);
	const keep = n(1 - c.rho!);
	return [
		`s = ${rho} × ${n(t.s0!)} + ${keep} × ${term(row.g)}² = ${n(t.s!)}`,
		`Δ = √(${n(t.u0!)} + ${n(c.eps!)}) / √(${n(t.s!)} + ${n(c.eps!)}) × ${term(row.g)} = ${n(t.delta!)}`,
		`u = ${rho} × ${n(t.u0!)} + ${keep} × ${term(t.delta!)}² = ${n(t.u!)}`,
		`w_new = ${n(row.w)} − ${n(info.learningRate)} × ${term(t.delta!)} = ${n(row.next)}`,
	];
}

function rpropLines(info: UpdateRuleInfo, row: UpdateRuleRow, strings: Strings): string[] {
	const c = info.constants;
	const t = row.terms;
	const before = Number.isNaN(t.step0!) ? `${n(info.learningRate)} (lr)` : n(t.step0!);
	const lines = [`step = clamp(${before} × ${n(t.factor!)}, ${n(c.stepMin!)}, ${n(c.stepMax!)}) = ${n(t.step!)}`];
	if (t.flipped === 1) lines.push(strings.get('update.rprop.flip'), `w_new = ${n(row.next)}`);
	else lines.push(`w_new = ${n(row.w)} − sign(${term(row.g)}) × ${n(t.step!)} = ${n(row.next)}`);
	return lines;
}

function adamLines(info: UpdateRuleInfo, row: UpdateRuleRow): string[] {
	const c = info.constants;
	const t = row.terms;
	const [b1, b2, step] = [n(c.beta1!), n(c.beta2!), String(c.t)];
	const lines: string[] = [];
	const w = t.wDecayed ?? row.w;
	if (t.wDecayed !== undefined) lines.push(`w ← ${n(row.w)} × (1 − ${n(info.learningRate)} × ${n(c.weightDecay!)}) = ${n(w)}`);
	lines.push(
		`m = ${b1} × ${term(t.m0!)} + ${n(1 - c.beta1!)} × ${term(row.g)} = ${n(t.m!)}`,
		`v = ${b2} × ${n(t.v0!)} + ${n(1 - c.beta2!)} × ${term(row.g)}² = ${n(t.v!)}`,
		`m̂ = ${term(t.m!)} / (1 − ${b1}^${step}) = ${n(t.mHat!)}`,
		`v̂ = ${n(t.v!)} / (1 − ${b2}^${step}) = ${n(t.vHat!)}`,
		`w_new = ${n(w)} − ${n(info.learningRate)} × ${term(t.mHat!)} / (√${n(t.vHat!)} + ${n(c.eps!)}) = ${n(row.next)}`,
	);
	return lines;
}

function adafactorLines(info: UpdateRuleInfo, row: UpdateRuleRow): string[] {
	const c = info.constants;
	const t = row.terms;
	const [b2, keep] = [n(c.beta2hat!), n(1 - c.beta2hat!)];
	const moments =
		t.R === undefined
			? [`v = ${b2} × ${n(t.v0!)} + ${keep} × ${term(row.g)}² = ${n(t.v!)}`]
			: [
					`R[${t.row}] = ${b2} × ${n(t.R0!)} + ${keep} × ${n(t.rowSq!)} = ${n(t.R!)}`,
					`C[${t.col}] = ${b2} × ${n(t.C0!)} + ${keep} × ${n(t.colSq!)} = ${n(t.C!)}`,
					`V̂ = ${n(t.R!)} × ${n(t.C!)} / max(${n(t.rMean!)}, ${n(c.eps1!)}) = ${n(t.vHat!)}`,
				];
	const w = (c.weightDecay ?? 0) !== 0 ? t.wDecayed! : row.w;
	return [
		...moments,
		`U = ${term(row.g)} / √max(${n(t.vHat!)}, ${n(c.eps1!)}²) = ${n(t.U!)}`,
		`Û = ${term(t.U!)} / max(1, ${n(t.rmsU!)} / ${n(c.d!)}) = ${n(t.uHat!)}`,
		`α = max(${n(c.eps2!)}, ${n(t.rmsW!)}) × ${n(c.rho!)} = ${n(t.alpha!)}`,
		...((c.weightDecay ?? 0) !== 0 ? [`w ← ${n(row.w)} × (1 − ${n(info.learningRate)} × ${n(c.weightDecay!)}) = ${n(w)}`] : []),
		`w_new = ${n(w)} − ${n(t.alpha!)} × ${term(t.uHat!)} = ${n(row.next)}`,
	];
}
