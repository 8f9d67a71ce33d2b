/**
 * Source breakpoints on the loss function's lines, bound to session breakpoints. In Downhill a breakpoint stops
 * between optimizer updates, so its line only says which loss it belongs to: any line of the loss function binds,
 * and its condition (`loss < 0.01`), hit count and log message are the session breakpoint's. A line outside the
 * function, another file, or a condition the engine rejects gives an unverified breakpoint with the reason.
 *
 * During step-into the same breakpoints stop the walk on their line (F5 runs to them), their conditions read the
 * loss's locals (`n == 17`); a condition that names a local only (not a session name) binds for the walk alone.
 */
import type { DebugProtocol } from '@vscode/debugprotocol';
import { type BreakpointSpec, evaluateExpression, type Expression, expressionNames, isTruthy, type Lookup, parseExpression, traceNames } from '../../engine/index';
import type { SessionController } from '../session/sessionController';
import { basename, comparablePath } from './pathText';
import { english, translateMessage, type Translate } from './translate';

/** Where the loss is: the path breakpoints must name and the lines of its definition (1-based, inclusive). */
export interface LossLocation {
	readonly sourcePath: string;
	readonly name: string;
	readonly firstLine: number;
	readonly lastLine: number;
}

/** A breakpoint as the step-into walk checks it: its document line and condition. */
interface PassBreakpoint {
	readonly line: number;
	readonly condition: Expression | undefined;
}

export class LineBreakpoints {
	private nextId = 1;
	private inPass: PassBreakpoint[] = [];

	/** True when a breakpoint on `line` holds with the walk's locals (a condition that cannot be evaluated does not). */
	holdsInPass(line: number, lookup: Lookup): boolean {
		return this.inPass.some((bp) => {
			if (bp.line !== line) return false;
			try {
				return bp.condition === undefined || isTruthy(evaluateExpression(bp.condition, lookup));
			} catch {
				return false;
			}
		});
	}

	/**
	 * Replaces the breakpoints of `sourcePath` (lines 1-based). Breakpoints of other files are answered unverified
	 * and leave the session's breakpoints alone.
	 */
	set(
		controller: SessionController,
		location: LossLocation,
		sourcePath: string,
		requested: readonly DebugProtocol.SourceBreakpoint[],
		t: Translate = english,
	): DebugProtocol.Breakpoint[] {
		const ids = requested.map(() => this.nextId++);
		if (!samePath(sourcePath, location.sourcePath)) {
			const message = t("Downhill breakpoints go on the lines of '{0}' in {1}", location.name, basename(location.sourcePath));
			return requested.map((bp, i) => ({ id: ids[i], verified: false, line: bp.line, message }));
		}
		const inside = (line: number) => line >= location.firstLine && line <= location.lastLine;
		const specs: BreakpointSpec[] = [];
		const passOnly = new Set<number>();
		const locals = passOnlyNames(controller);
		this.inPass = [];
		requested.forEach((bp, i) => {
			if (!inside(bp.line)) return;
			const condition = parsedCondition(bp.condition);
			if (bp.logMessage === undefined && (condition || !bp.condition?.trim())) this.inPass.push({ line: bp.line, condition });
			if (condition && expressionNames(condition).some((n) => locals.has(n))) passOnly.add(ids[i]!);
			else specs.push({ id: ids[i]!, condition: bp.condition, hitCondition: bp.hitCondition, logMessage: bp.logMessage });
		});
		const statuses = new Map(controller.setBreakpoints(specs).map((s) => [s.id, s]));
		return requested.map((bp, i) => {
			if (passOnly.has(ids[i]!)) return { id: ids[i], verified: true, line: bp.line, message: t('stops during step-into (F11), where the loss\'s locals are known') };
			const status = statuses.get(ids[i]!);
			if (!status) {
				const { name, firstLine, lastLine } = location;
				const message = t("line {0} is outside the loss function '{1}' (lines {2}–{3})", bp.line, name, firstLine, lastLine);
				return { id: ids[i], verified: false, line: bp.line, message };
			}
			const message = status.detail ? translateMessage(status.detail, t) : status.message;
			return { id: ids[i], verified: status.verified, line: bp.line, message };
		});
	}
}

/** Same file, ignoring separators and, where file systems usually are case-insensitive, case. */
function samePath(a: string, b: string): boolean {
	return comparablePath(a) === comparablePath(b);
}

/** The loss's locals that are not session names: a condition naming one can only be checked during step-into. */
function passOnlyNames(controller: SessionController): Set<string> {
	const session = controller.session.variables.names();
	return new Set([...traceNames(controller.loss.graph.steps)].filter((n) => !session.has(n)));
}

function parsedCondition(text: string | undefined): Expression | undefined {
	if (!text?.trim()) return undefined;
	try {
		return parseExpression(text);
	} catch {
		return undefined;
	}
}
