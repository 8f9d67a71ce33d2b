/**
 * The text form of a schedule, shared by the CLI's `--schedule`, the `downhill.schedule` setting and `launch.json`:
 *
 *     schedule := kind [":" param ("," param)*]
 *     param    := name "=" value
 *     value    := number | true | false | word | "[" number ("," number)* "]" | "[" schedule (";" schedule)* "]"
 *
 * e.g. `multistep:milestones=[30,80],gamma=0.5` or
 * `sequential:schedulers=[linear:start_factor=0.1,total_iters=5; cosine:T_max=95],milestones=[5]`. A kind is a short
 * name (`onecycle`) or PyTorch's class name in any case (`OneCycleLR`). Spaces around tokens are ignored.
 */
import { msg } from '../../message';
import { checkScheduleRelations } from './scheduleRelations';
import { scheduleExamples, scheduleKinds, scheduleRules, torchClassNames, type ParamRule } from './scheduleRules';
import { ScheduleSyntaxError, type ScheduleKind, type ScheduleSpec, type ScheduleValue } from './scheduleSpec';

/**
 * Parses schedule text. Throws `ScheduleSyntaxError` naming the problem: an unknown kind or parameter, a missing,
 * repeated or malformed value, a value out of PyTorch's range, or parameters that contradict each other.
 */
export function parseSchedule(text: string): ScheduleSpec {
	const colon = text.indexOf(':');
	const kindText = (colon < 0 ? text : text.slice(0, colon)).trim();
	const kind = kindNamed(kindText);
	if (kind === undefined) {
		throw new ScheduleSyntaxError(msg`unknown schedule '${kindText}' in '${text}'; expected one of ${scheduleKinds.join(', ')}`);
	}
	const values = colon < 0 ? new Map<string, ScheduleValue>() : parseParams(kind, text.slice(colon + 1), text);
	for (const [key, rule] of Object.entries(scheduleRules[kind])) {
		if (rule.required === true && !values.has(key)) {
			throw new ScheduleSyntaxError(msg`schedule '${kind}' needs ${key} (${rule.range}), as in '${scheduleExamples[kind]}'`);
		}
	}
	const spec = { kind, ...Object.fromEntries(values) } as ScheduleSpec;
	checkScheduleRelations(spec, text);
	return spec;
}

/** The text form of `spec`, such that `parseSchedule(formatSchedule(spec))` equals `spec`. */
export function formatSchedule(spec: ScheduleSpec): string {
	const given = spec as unknown as Record<string, ScheduleValue | undefined>;
	const params = Object.keys(scheduleRules[spec.kind])
		.filter((key) => given[key] !== undefined)
		.map((key) => `${key}=${formatValue(given[key]!)}`);
	return params.length === 0 ? spec.kind : `${spec.kind}:${params.join(',')}`;
}

/**
 * `spec` checked as `parseSchedule` checks text, for schedules that arrive as objects (the library API, launch
 * configurations). Returns the spec; throws `ScheduleSyntaxError`.
 */
export function checkSchedule(spec: unknown): ScheduleSpec {
	const kind = typeof spec === 'object' && spec !== null ? (spec as { kind?: unknown }).kind : undefined;
	if (typeof kind !== 'string' || kindNamed(kind) === undefined) {
		throw new ScheduleSyntaxError(msg`unknown schedule ${JSON.stringify(kind ?? spec) ?? 'undefined'}; expected one of ${scheduleKinds.join(', ')}`);
	}
	return parseSchedule(formatLoose(spec as Record<string, unknown>));
}

function formatLoose(spec: Record<string, unknown>): string {
	const entries = Object.entries(spec).filter(([key]) => key !== 'kind');
	const value = (v: unknown): string => {
		if (!Array.isArray(v)) return String(v);
		const objects = v.length > 0 && v.every((item) => typeof item === 'object' && item !== null);
		return objects ? `[${v.map((item: Record<string, unknown>) => formatLoose(item)).join('; ')}]` : `[${v.map(String).join(',')}]`;
	};
	const kind = String(spec['kind']);
	return entries.length === 0 ? kind : `${kind}:${entries.map(([key, v]) => `${key}=${value(v)}`).join(',')}`;
}

function formatValue(value: ScheduleValue): string {
	if (!Array.isArray(value)) return String(value);
	return typeof value[0] === 'object'
		? `[${(value as readonly ScheduleSpec[]).map(formatSchedule).join('; ')}]`
		: `[${value.join(',')}]`;
}

function kindNamed(text: string): ScheduleKind | undefined {
	if ((scheduleKinds as string[]).includes(text)) return text as ScheduleKind;
	const lower = text.toLowerCase();
	// LinearLR is `linear`; `warmup` is Downhill's short form of the same class.
	return scheduleKinds.find((kind) => kind !== 'warmup' && kind !== 'constant' && torchClassNames[kind].toLowerCase() === lower);
}

/** `text` split at `separator` outside brackets. */
function splitTop(text: string, separator: string): string[] {
	const parts: string[] = [];
	let depth = 0;
	let from = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (c === '[') depth++;
		else if (c === ']') depth--;
		else if (c === separator && depth === 0) {
			parts.push(text.slice(from, i));
			from = i + 1;
		}
	}
	parts.push(text.slice(from));
	return parts;
}

function parseParams(kind: ScheduleKind, body: string, text: string): Map<string, ScheduleValue> {
	const rules = scheduleRules[kind];
	const values = new Map<string, ScheduleValue>();
	if (body.trim() === '') return values;
	for (const part of splitTop(body, ',')) {
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
		if (values.has(key)) throw new ScheduleSyntaxError(msg`parameter '${key}' is given twice in '${text}'`);
		const value = parseValue(rule, valueText);
		if (value === undefined) throw new ScheduleSyntaxError(msg`${kind}: ${key} must be ${rule.range}, got '${valueText}' in '${text}'`);
		values.set(key, value);
	}
	return values;
}

const numberPattern = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function parseNumber(rule: ParamRule, text: string): number | undefined {
	const value = numberPattern.test(text.trim()) ? Number(text.trim()) : Number.NaN;
	return Number.isFinite(value) && rule.accepts(value) ? value : undefined;
}

/** The value of `text` under `rule`, or undefined when it is malformed or out of range. */
function parseValue(rule: ParamRule, text: string): ScheduleValue | undefined {
	switch (rule.type) {
		case 'number':
			return parseNumber(rule, text);
		case 'boolean':
			return text === 'true' ? true : text === 'false' ? false : undefined;
		case 'choice':
			return (rule.choices ?? []).includes(text) ? text : undefined;
		case 'numbers': {
			const inner = bracketed(text);
			if (inner === undefined) return undefined;
			const numbers = inner.trim() === '' ? [] : inner.split(',').map((item) => parseNumber(rule, item));
			return numbers.every((n) => n !== undefined) ? (numbers as number[]) : undefined;
		}
		case 'schedules': {
			const inner = bracketed(text);
			if (inner === undefined || inner.trim() === '') return undefined;
			return splitTop(inner, ';').map((item) => parseSchedule(item.trim()));
		}
		default:
			return assertNever(rule.type);
	}
}

function bracketed(text: string): string | undefined {
	return text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : undefined;
}

function assertNever(value: never): never {
	throw new Error(`unreachable parameter type: ${String(value)}`);
}
