/**
 * Parsing JavaScript and TypeScript with Babel (never executing it), and source spans of Babel nodes. Babel's syntax
 * errors become `LossSyntaxError`s at Babel's position; Babel's lines are 1-based and its columns 0-based, ours are
 * both 1-based.
 */
import { parse } from '@babel/parser';
import type * as t from '@babel/types';
import { LossSyntaxError, pointSpan, type SourceSpan } from '../../errors';
import { msg } from '../../message';
import { babelMessage } from './babelMessages';

export type ScriptLanguage = 'javascript' | 'typescript';

/** The Babel AST of `source`; a syntax error is thrown as a `LossSyntaxError`. */
export function parseProgram(source: string, language: ScriptLanguage): t.File {
	try {
		return parse(source, {
			sourceType: 'module',
			plugins: language === 'typescript' ? ['typescript'] : [],
			errorRecovery: false,
		});
	} catch (error) {
		throw syntaxError(error);
	}
}

function syntaxError(error: unknown): LossSyntaxError {
	if (error instanceof RangeError) {
		return new LossSyntaxError(msg`the source is nested too deeply to parse`, pointSpan(1, 1));
	}
	const loc = (error as { loc?: { line?: unknown; column?: unknown } }).loc;
	const message = error instanceof Error ? error.message.replace(/\s*\(\d+:\d+\)$/, '') : String(error);
	const line = typeof loc?.line === 'number' ? Math.max(1, loc.line) : 1;
	const column = typeof loc?.column === 'number' ? Math.max(0, loc.column) + 1 : 1;
	return new LossSyntaxError(babelMessage(message), pointSpan(line, column));
}

/** The span of a node. */
export function spanOf(node: t.Node): SourceSpan {
	const loc = node.loc;
	if (!loc) return pointSpan(1, 1);
	return { line: loc.start.line, column: loc.start.column + 1, endLine: loc.end.line, endColumn: loc.end.column + 1 };
}

/** The span of an identifier's name alone (Babel's identifier span also covers a type annotation). */
export function nameSpanOf(id: t.Identifier): SourceSpan {
	const span = spanOf(id);
	return { line: span.line, column: span.column, endLine: span.line, endColumn: span.column + id.name.length };
}

/** An expression without TypeScript's type-only wrappers and parentheses: `(x as number)!` is `x`. */
export function unwrap(node: t.Expression): t.Expression {
	let e = node;
	for (;;) {
		switch (e.type) {
			case 'TSAsExpression':
			case 'TSSatisfiesExpression':
			case 'TSTypeAssertion':
			case 'TSNonNullExpression':
			case 'ParenthesizedExpression':
			case 'TSInstantiationExpression':
				e = e.expression;
				break;
			default:
				return e;
		}
	}
}
