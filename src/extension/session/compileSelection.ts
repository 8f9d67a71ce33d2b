/**
 * Starting from a selection: in JS/TS/Python, a selection holding a loss function's name starts that function (with
 * the file's data and helpers); anything else selected is read as math on its own (`y = (x - 1)^2 + 1` picked out
 * of a comment or a note). Errors point into the document, not into the selected text. The source comes back too,
 * for the engine's worker to compile the same loss.
 */
import type * as vscode from 'vscode';
import { compileLoss, isLossSyntaxError, type Loss, LossSyntaxError, type SourceSpan } from '../../engine/index';
import { rangeOfSpan, spanInDocument, spanOfRange } from '../losses/diagnostics';
import type { LossDocuments } from '../losses/lossDocuments';
import { isProgramLanguage, lossLanguageOf } from '../losses/lossLanguage';
import type { LossSource } from '../../worker/engineProtocol';

/**
 * The loss a selection means, with the 1-based document line its definition starts on, and the selection's span
 * when it was compiled on its own. Throws `LossSyntaxError`.
 */
export function compileSelection(
	documents: LossDocuments,
	document: vscode.TextDocument,
	selection: vscode.Range,
	name: string | undefined,
): { loss: Loss; line: number; source: LossSource; selection?: SourceSpan } {
	const language = lossLanguageOf(document);
	if (language && isProgramLanguage(language)) {
		const site = documents.knownSites(document).find((s) => selection.contains(rangeOfSpan(s.nameSpan)));
		const text = documents.textOf(document);
		if (site && text) return { loss: documents.compile(document, site.name), line: site.nameSpan.line, source: { document: text, name: site.name } };
	}
	try {
		const text = document.getText(selection);
		const loss = compileLoss(text, { language: 'math', name });
		const { start, end } = selection;
		const uri = `${document.uri.toString()}#selection=${start.line}:${start.character}-${end.line}:${end.character}`;
		const source: LossSource = { document: { uri, version: document.version, language: 'math', text }, ...(name !== undefined ? { name } : {}) };
		return { loss, line: selection.start.line + loss.site.span.line, source, selection: spanOfRange(selection) };
	} catch (error) {
		if (!isLossSyntaxError(error)) throw error;
		throw new LossSyntaxError(error.detail, spanInDocument(error.span, selection.start));
	}
}
