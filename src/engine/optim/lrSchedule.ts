/**
 * Learning-rate schedules: the `lr` the session passes to `Optimizer.step` for each update, and their text form for
 * the CLI and settings (`step:step_size=30,gamma=0.5`).
 *
 * Each schedule is the closed form (`_get_closed_form_lr`) of a PyTorch scheduler in torch/optim/lr_scheduler.py,
 * evaluated at `last_epoch = step`: https://pytorch.org/docs/stable/optim.html#how-to-adjust-learning-rate.
 * `warmup` is `LinearLR(start_factor, end_factor=1.0, total_iters=steps)` with PyTorch's default start_factor 1/3.
 * PyTorch's `scheduler.step()` itself uses a recursive (chainable) form that can differ from the closed form in the
 * last bits; the closed form is the documented value and what we follow.
 */
import { formatMessage, msg, type Message, type MessageArgument } from '../message';

/** A learning-rate schedule, with PyTorch's parameter names. Optional fields take PyTorch's defaults. */
export type ScheduleSpec =
	| { kind: 'constant' }
	/** StepLR: `lr * gamma^floor(t / step_size)`, gamma defaults to 0.1. */
	| { kind: 'step'; step_size: number; gamma?: number }
	/** ExponentialLR: `lr * gamma^t`. */
	| { kind: 'exponential'; gamma: number }
	/** CosineAnnealingLR: `eta_min + (lr - eta_min) (1 + cos(pi t / T_max)) / 2`, eta_min defaults to 0. */
	| { kind: 'cosine'; T_max: number; eta_min?: number }
	/** LinearLR warm-up: factor from `start_factor` (default 1/3) to 1 over `steps` updates, then 1. */
	| { kind: 'warmup'; steps: number; start_factor?: number };

/** Schedule text that does not parse, or names a parameter outside its range. */
export class ScheduleSyntaxError extends Error {
	override readonly name = 'ScheduleSyntaxError';
	/** The message as a template and its arguments, for a translation (see `message.ts`). */
	readonly detail: Message;

	constructor(detail: Message) {
		super(formatMessage(detail));
		this.detail = detail;
	}
}

type Kind = ScheduleSpec['kind'];

/** Each kind's parameters: required or optional, and the check each value must pass. */
interface ParamRule {
	readonly required: boolean;
	readonly range: MessageArgument;
	readonly accepts: (value: number) => boolean;
}

const positiveInteger: Omit<ParamRule, 'required'> = {
	range: msg`a positive integer`,
	accepts: (v) => Number.isInteger(v) && v > 0,
};
const nonNegative: Omit<ParamRule, 'required'> = { range: '>= 0', accepts: (v) => v >= 0 };
const unitInterval: Omit<ParamRule, 'required'> = { range: msg`in (0, 1]`, accepts: (v) => v > 0 && v <= 1 };

const paramRules: Readonly<Record<Kind, Readonly<Record<string, ParamRule>>>> = {
	constant: {},
	step: { step_size: { ...positiveInteger, required: true }, gamma: { ...nonNegative, required: false } },
	exponential: { gamma: { ...nonNegative, required: true } },
	cosine: { T_max: { ...positiveInteger, required: true }, eta_min: { ...nonNegative, required: false } },
	// PyTorch's LinearLR: "Starting multiplicative factor expected to be greater than 0 and less or equal to 1."
	warmup: { steps: { ...positiveInteger, required: true }, start_factor: { ...unitInterval, required: false } },
};

const kinds = Object.keys(paramRules) as Kind[];

/**
 * The learning rate for update number `step` (0-based: the first update uses step 0), i.e. the value PyTorch's
 * scheduler gives after `step` calls to `scheduler.step()`, from the closed form. `spec` is assumed valid (as
 * `parseSchedule` returns it). Throws a `RangeError` for a negative or fractional `step`.
 */
export function learningRateAt(spec: ScheduleSpec, baseLr: number, step: number): number {
	if (!Number.isInteger(step) || step < 0) {
		throw new RangeError(`schedule step must be a non-negative integer, got ${step}`);
	}
	switch (spec.kind) {
		case 'constant':
			return baseLr;
		case 'step':
			return baseLr * (spec.gamma ?? 0.1) ** Math.floor(step / spec.step_size);
		case 'exponential':
			return baseLr * spec.gamma ** step;
		case 'cosine': {
			const etaMin = spec.eta_min ?? 0;
			return etaMin + ((baseLr - etaMin) * (1 + Math.cos((Math.PI * step) / spec.T_max))) / 2;
		}
		case 'warmup': {
			const startFactor = spec.start_factor ?? 1 / 3;
			const endFactor = 1;
			return baseLr * (startFactor + ((endFactor - startFactor) * Math.min(spec.steps, step)) / spec.steps);
		}
		default:
			return assertNever(spec);
	}
}

/**
 * Parses the CLI form: `constant`, `step:step_size=30,gamma=0.5`, `exponential:gamma=0.9`,
 * `cosine:T_max=100,eta_min=0`, `warmup:steps=10[,start_factor=0.25]`. Spaces around tokens are ignored. Throws
 * `ScheduleSyntaxError` naming the problem (unknown kind or parameter, missing, repeated or malformed value, range).
 */
export function parseSchedule(text: string): ScheduleSpec {
	const colon = text.indexOf(':');
	const kindText = (colon < 0 ? text : text.slice(0, colon)).trim();
	if (!isKind(kindText)) {
		throw new ScheduleSyntaxError(msg`unknown schedule '${kindText}' in '${text}'; expected one of ${kinds.join(', ')}`);
	}
	const values = colon < 0 ? new Map<string, number>() : parseParams(kindText, text.slice(colon + 1), text);
	const rules = paramRules[kindText];
	for (const [key, rule] of Object.entries(rules)) {
		if (rule.required && !values.has(key)) {
			throw new ScheduleSyntaxError(msg`schedule '${kindText}' needs ${key} (${rule.range}), as in '${example(kindText)}'`);
		}
	}
	return { kind: kindText, ...Object.fromEntries(values) } as ScheduleSpec;
}

/**
 * `spec` checked as `parseSchedule` checks text (a known kind, its parameters only, each in range), for schedules
 * that arrive as objects (the library API, launch configurations). Returns the spec with numbers; throws
 * `ScheduleSyntaxError`.
 */
export function checkSchedule(spec: unknown): ScheduleSpec {
	const kind = typeof spec === 'object' && spec !== null ? (spec as { kind?: unknown }).kind : undefined;
	if (typeof kind !== 'string' || !isKind(kind)) {
		throw new ScheduleSyntaxError(msg`unknown schedule ${JSON.stringify(kind ?? spec) ?? 'undefined'}; expected one of ${kinds.join(', ')}`);
	}
	const entries = Object.entries(spec as object).filter(([key]) => key !== 'kind');
	const text = entries.length === 0 ? kind : `${kind}:${entries.map(([key, value]) => `${key}=${String(value)}`).join(',')}`;
	return parseSchedule(text);
}

/** The CLI form of `spec`, such that `parseSchedule(formatSchedule(spec))` equals `spec`. */
export function formatSchedule(spec: ScheduleSpec): string {
	const params = Object.keys(paramRules[spec.kind])
		.filter((key) => (spec as Record<string, unknown>)[key] !== undefined)
		.map((key) => `${key}=${String((spec as Record<string, unknown>)[key])}`);
	return params.length === 0 ? spec.kind : `${spec.kind}:${params.join(',')}`;
}

const numberPattern = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function parseParams(kind: Kind, body: string, text: string): Map<string, number> {
	const rules = paramRules[kind];
	const values = new Map<string, number>();
	if (body.trim() === '') {
		return values;
	}
	for (const part of body.split(',')) {
		const eq = part.indexOf('=');
		const key = (eq < 0 ? part : part.slice(0, eq)).trim();
		const valueText = eq < 0 ? '' : part.slice(eq + 1).trim();
		const rule = Object.hasOwn(rules, key) ? rules[key] : undefined;
		if (rule === undefined) {
			const known = Object.keys(rules).join(', ');
			throw new ScheduleSyntaxError(known
				? msg`unknown parameter '${key}' for schedule '${kind}' in '${text}'; it takes ${known}`
				: msg`unknown parameter '${key}' for schedule '${kind}' in '${text}'; it takes no parameters`);
		}
		if (values.has(key)) {
			throw new ScheduleSyntaxError(msg`parameter '${key}' is given twice in '${text}'`);
		}
		const value = numberPattern.test(valueText) ? Number(valueText) : Number.NaN;
		if (!Number.isFinite(value) || !rule.accepts(value)) {
			throw new ScheduleSyntaxError(msg`${kind}: ${key} must be ${rule.range}, got '${valueText}' in '${text}'`);
		}
		values.set(key, value);
	}
	return values;
}

function isKind(text: string): text is Kind {
	return (kinds as string[]).includes(text);
}

function example(kind: Kind): string {
	const examples: Record<Kind, string> = {
		constant: 'constant',
		step: 'step:step_size=30,gamma=0.5',
		exponential: 'exponential:gamma=0.9',
		cosine: 'cosine:T_max=100,eta_min=0',
		warmup: 'warmup:steps=10',
	};
	return examples[kind];
}

function assertNever(value: never): never {
	throw new Error(`unreachable schedule: ${JSON.stringify(value)}`);
}
