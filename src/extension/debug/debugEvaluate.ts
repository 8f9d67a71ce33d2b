/**
 * Watch, hover and Debug Console evaluation in the engine's expression language (never `eval`): the names are the
 * session's (`loss`, `lr`, `x`, `grad.x`, `momentum_buffer[0]`, ...) plus, during step-into, the locals reached
 * (`a`, and `grad.a` for its adjoint). `lr = 0.01` in the Debug Console assigns through the session's variables and
 * takes effect from the next update.
 */
import { evaluateExpression, formatNumber, isExpressionError, type Lookup, parseExpression } from '../../engine/index';
import type { SessionController } from '../session/sessionController';
import type { StepInto } from './stepInto';
import { english, errorText, type Translate } from './translate';

/** The outcome of an evaluate request: a value, and the name written when the text was an assignment. */
export interface Evaluation {
	readonly value: number;
	readonly assigned?: string;
}

/** A number the way the Variables view, Watch and the Debug Console show it: as the panel does, 6 significant digits. */
export function showNumber(value: number): string {
	return formatNumber(value);
}

/** Every digit: the shortest text that reads back as the same double (hovers in the editor and Copy Value). */
export function showFullNumber(value: number): string {
	return Object.is(value, -0) ? '0' : String(value);
}

/** Reads names from the step-into locals first, then from the session. */
export function lookupFor(controller: SessionController, stepInto: StepInto | undefined): Lookup {
	const session = controller.session.variables.lookup;
	return stepInto ? (key) => stepInto.lookup(key) ?? session(key) : session;
}

/**
 * Evaluates `text`. An assignment (`lr = 0.01`) is carried out only when `allowAssignment` (the Debug Console);
 * elsewhere, Watch and hovers must not change the session. Throws `ExpressionError` for bad text or unknown names,
 * `Error` for a refused assignment.
 */
export function evaluateInSession(
	text: string,
	controller: SessionController,
	stepInto: StepInto | undefined,
	allowAssignment: boolean,
	t: Translate = english,
): Evaluation {
	const expr = parseExpression(text);
	const lookup = lookupFor(controller, stepInto);
	if (expr.kind !== 'assign') return { value: evaluateExpression(expr, lookup) };
	if (!allowAssignment) throw new Error(t("assignments run only in the Debug Console: '{0}' was not changed", expr.target));
	const value = evaluateExpression(expr.value, lookup);
	assignVariable(controller, expr.target, value);
	return { value: controller.session.variables.lookup(expr.target) ?? value, assigned: expr.target };
}

/** The value of an expression typed into the Variables view (`0.5`, `lr / 10`); assignments are not allowed there. */
export function evaluateText(text: string, controller: SessionController, stepInto: StepInto | undefined): number {
	return evaluateInSession(text, controller, stepInto, false).value;
}

/** Writes a parameter or hyper-parameter from the next update on; throws with the session's reason when refused. */
export function assignVariable(controller: SessionController, key: string, value: number): void {
	const refused = controller.assign(key, value);
	if (refused !== undefined) throw new Error(refused);
}

/** An error message for the Debug Console, with the column for expression errors that do not name it yet. */
export function evaluationErrorMessage(error: unknown, t: Translate = english): string {
	const message = errorText(error, t);
	if (isExpressionError(error) && !/column \d+/.test(error.message)) return t('{0} (column {1})', message, error.column);
	return message;
}
