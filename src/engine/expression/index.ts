/**
 * The expression language of breakpoint conditions, logpoints, Watch and the Debug Console: parse once, check the
 * names, evaluate on each stop. Pure TypeScript over a `Lookup` the session provides; no `eval`, no `Function`.
 */
export {
	ExpressionError,
	isAssignment,
	isExpressionError,
	maxExpressionDepth,
	maxExpressionLength,
	type AssignmentExpression,
	type BinaryExpression,
	type BinaryOperator,
	type CallExpression,
	type ConditionalExpression,
	type Expression,
	type ExpressionSpan,
	type LogPart,
	type LogTemplate,
	type Lookup,
	type NameExpression,
	type NumberExpression,
	type UnaryExpression,
	type UnaryOperator,
} from './expression';
export { expressionNames } from './expressionNames';
export { evaluateExpression, isTruthy } from './evaluateExpression';
export { formatNumber } from './formatNumber';
export { expressionConstants, expressionFunctions, type ExpressionFunction } from './functions';
export { formatLogMessage, logMessageNames, parseLogMessage } from './logMessage';
export { parseExpression } from './parseExpression';
