/**
 * Parse errors as diagnostics, and the ONLY place where the engine's source spans (1-based lines and columns, end
 * exclusive) become `vscode.Range`s (0-based): hover, CodeLens and the start command call `rangeOfSpan` too.
 */
import * as vscode from 'vscode';
import type { LossSyntaxError, SourceSpan } from '../../engine/index';
import { Disposable } from '../dispose';
import { localizedErrorText } from '../localizeMessage';

/** The editor range of an engine span. An empty span widens to one character so the squiggle shows. */
export function rangeOfSpan(span: SourceSpan): vscode.Range {
	const start = new vscode.Position(Math.max(0, span.line - 1), Math.max(0, span.column - 1));
	const end = new vscode.Position(Math.max(0, span.endLine - 1), Math.max(0, span.endColumn - 1));
	if (end.isAfter(start)) return new vscode.Range(start, end);
	return new vscode.Range(start, start.translate(0, 1));
}

/** The engine span of an editor range (for a selection compiled on its own). */
export function spanOfRange(range: vscode.Range): SourceSpan {
	return {
		line: range.start.line + 1,
		column: range.start.character + 1,
		endLine: range.end.line + 1,
		endColumn: range.end.character + 1,
	};
}

/** A span from a selection's own text, moved to where the selection starts in the document. */
export function spanInDocument(span: SourceSpan, selectionStart: vscode.Position): SourceSpan {
	const shift = (line: number, column: number) =>
		line === 1
			? { line: selectionStart.line + 1, column: column + selectionStart.character }
			: { line: line + selectionStart.line, column };
	const start = shift(span.line, span.column);
	const end = shift(span.endLine, span.endColumn);
	return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

/** The `downhill` diagnostic collection: one entry per document, replaced as a whole on every parse. */
export class LossDiagnostics extends Disposable {
	private readonly collection = this._register(vscode.languages.createDiagnosticCollection('downhill'));

	/** Shows `errors` for `uri` (an empty list clears it). */
	set(uri: vscode.Uri, errors: readonly LossSyntaxError[]): void {
		this.collection.set(uri, errors.map(toDiagnostic));
	}

	delete(uri: vscode.Uri): void {
		this.collection.delete(uri);
	}
}

function toDiagnostic(error: LossSyntaxError): vscode.Diagnostic {
	const diagnostic = new vscode.Diagnostic(rangeOfSpan(error.span), localizedErrorText(error), vscode.DiagnosticSeverity.Error);
	diagnostic.source = 'downhill';
	return diagnostic;
}
