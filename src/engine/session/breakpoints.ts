/**
 * Condition breakpoints and logpoints of a session: parsed once with the engine's expression language (never eval),
 * checked after every update during continue, with hit counts as the Debug Adapter Protocol defines them.
 */
import {
	ExpressionError,
	evaluateExpression,
	expressionNames,
	formatLogMessage,
	isAssignment,
	isExpressionError,
	isTruthy,
	parseExpression,
	parseLogMessage,
	type Expression,
	type LogTemplate,
	type Lookup,
} from '../expression/index';
import { msg, type Message } from '../message';

export interface BreakpointSpec {
	readonly id: number;
	/** Stops when true, e.g. `loss < 1e-3`; absent: every update. */
	readonly condition?: string;
	/** `N`, `>= N`, `> N`, `== N`, `% N`: which hits stop. */
	readonly hitCondition?: string;
	/** Logs instead of stopping: `step {step}: loss = {loss}`. */
	readonly logMessage?: string;
}

/** Whether a breakpoint could be set, and why not. */
export interface BreakpointStatus {
	readonly id: number;
	readonly verified: boolean;
	readonly message?: string;
	/** Why it is unverified, for a translation of `message`. */
	readonly detail?: Message;
}

interface ActiveBreakpoint {
	readonly spec: BreakpointSpec;
	readonly condition?: Expression;
	readonly log?: LogTemplate;
	readonly hitTest: (hits: number) => boolean;
	hits: number;
}

/** Breakpoints as data: the specs as set, and the hit count of each one that was verified, in order. */
export interface BreakpointsImage {
	readonly specs: readonly BreakpointSpec[];
	readonly hits: readonly number[];
}

/** What the breakpoints say about one point: stop (with which ids) and what to log. */
export interface BreakpointOutcome {
	readonly stopIds: number[];
	readonly logs: string[];
}

export class Breakpoints {
	private active: ActiveBreakpoint[] = [];
	private specs: readonly BreakpointSpec[] = [];

	/** Replaces all breakpoints. Names not in `knownNames` make a breakpoint unverified. */
	set(specs: readonly BreakpointSpec[], knownNames: ReadonlySet<string>): BreakpointStatus[] {
		this.active = [];
		this.specs = specs.map((spec) => ({ ...spec }));
		return specs.map((spec) => {
			try {
				const bp = compile(spec, knownNames);
				this.active.push(bp);
				return { id: spec.id, verified: true };
			} catch (error) {
				const detail = isExpressionError(error) ? error.detail : undefined;
				return { id: spec.id, verified: false, message: error instanceof Error ? error.message : String(error), detail };
			}
		});
	}

	get size(): number {
		return this.active.length;
	}

	/** The conditions of the breakpoints with these ids, joined for display. */
	describe(ids: readonly number[]): string {
		return this.active
			.filter((b) => ids.includes(b.spec.id))
			.map((b) => b.spec.condition ?? 'every step')
			.join(' | ');
	}

	/** Counts hits and decides at the point that `lookup` describes. */
	check(lookup: Lookup): BreakpointOutcome {
		const outcome: BreakpointOutcome = { stopIds: [], logs: [] };
		for (const bp of this.active) {
			if (bp.condition && !isTruthy(evaluateExpression(bp.condition, lookup))) continue;
			bp.hits++;
			if (!bp.hitTest(bp.hits)) continue;
			if (bp.log) outcome.logs.push(formatLogMessage(bp.log, lookup));
			else outcome.stopIds.push(bp.spec.id);
		}
		return outcome;
	}

	/** The specs last set and each active breakpoint's hit count: what another copy of the session needs. */
	image(): BreakpointsImage {
		return { specs: this.specs, hits: this.active.map((bp) => bp.hits) };
	}

	/** Takes `image`'s specs (parsed again only when they differ) and hit counts. */
	restore(image: BreakpointsImage, knownNames: ReadonlySet<string>): void {
		if (JSON.stringify(image.specs) !== JSON.stringify(this.specs)) this.set(image.specs, knownNames);
		this.active.forEach((bp, i) => (bp.hits = image.hits[i] ?? 0));
	}

	resetHits(): void {
		for (const bp of this.active) bp.hits = 0;
	}
}

function compile(spec: BreakpointSpec, knownNames: ReadonlySet<string>): ActiveBreakpoint {
	const condition = spec.condition?.trim() ? parseExpression(spec.condition) : undefined;
	if (condition && isAssignment(condition)) {
		throw new ExpressionError(msg`a condition compares; use == instead of = in '${spec.condition!}'`, condition.targetSpan.column);
	}
	if (condition) {
		const unknown = expressionNames(condition).filter((n) => !knownNames.has(n));
		if (unknown.length > 0) {
			const known = [...knownNames].slice(0, 12).join(', ');
			throw new ExpressionError(msg`unknown name '${unknown[0]!}' (known: ${known})`, 1);
		}
	}
	const log = spec.logMessage !== undefined ? parseLogMessage(spec.logMessage) : undefined;
	return { spec, condition, log, hitTest: parseHitCondition(spec.hitCondition), hits: 0 };
}

/** DAP hit conditions: `5` or `== 5` stops on the 5th hit, `>= 5` from it on, `% 5` on every 5th. */
export function parseHitCondition(text: string | undefined): (hits: number) => boolean {
	const t = text?.trim() ?? '';
	if (t === '') return () => true;
	const match = /^(>=|>|==|=|%)?\s*(\d+)$/.exec(t);
	if (!match) throw new ExpressionError(msg`hit count '${t}' must look like 5, >= 5, > 5, == 5 or % 5`, 1);
	const n = Number(match[2]);
	switch (match[1]) {
		case '>=':
			return (h) => h >= n;
		case '>':
			return (h) => h > n;
		case '%':
			return (h) => n > 0 && h % n === 0;
		default:
			return (h) => h === n;
	}
}
