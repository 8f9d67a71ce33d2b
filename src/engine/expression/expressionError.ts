/**
 * The one error of the expression language, for both parsing and evaluation. It carries the 1-based column within
 * the expression (or logpoint template) text, so the debug adapter can point at the offending token.
 */

/** Bad expression text, or an unknown name met while evaluating. `column` is 1-based; `endColumn` is exclusive. */
export class ExpressionError extends Error {
	override readonly name = 'ExpressionError';
	readonly column: number;
	readonly endColumn: number;

	constructor(message: string, column: number, endColumn: number = column + 1) {
		super(message);
		this.column = column;
		this.endColumn = Math.max(endColumn, column + 1);
	}
}

/** True for an `ExpressionError`, also one that crossed a bundle boundary. */
export function isExpressionError(error: unknown): error is ExpressionError {
	return error instanceof Error && error.name === 'ExpressionError' && typeof (error as ExpressionError).column === 'number';
}
