/**
 * Where a Downhill session is in the user's source, for the Call Stack and the editor: one frame, `step k · loss = …`
 * at the loss function's definition, or during step-into at the current statement of the forward or backward pass,
 * with a frame per helper call the walk is inside.
 */
import { Source, StackFrame } from '@vscode/debugadapter';
import { cellAt, formatNumber, type SourceSpan } from '../../engine/index';
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { LossOrigin, SessionController } from '../session/sessionController';
import type { LossLocation } from './lineBreakpoints';
import { basename } from './pathText';
import type { StepInto } from './stepInto';
import { english, type Translate } from './translate';

/** The top frame's id; frames live only while stopped, and during step-into the frames below count up from it. */
export const frameId = 1;

/**
 * The path VS Code knows the loss file by: the file system path for files, the URI itself for other schemes
 * (untitled editors, remote files), which VS Code accepts in `Source.path`.
 */
export function sourcePathOf(origin: LossOrigin): string {
	const hasScheme = /^[a-z][a-z0-9+.-]+:/i.test(origin.uri) && !/^[a-z]:[\\/]/i.test(origin.uri);
	return !hasScheme || origin.uri.startsWith('file:') ? origin.fileName : origin.uri;
}

/**
 * A position in the loss's own spans as a document position: the same, unless the loss is a selection compiled on
 * its own, whose spans count from the selection's start, or a notebook cell's, whose spans count in its cells joined
 * (the line is then in the cell `documentAt` names).
 */
export function inDocument(origin: LossOrigin, line: number, column: number): { line: number; column: number } {
	if (origin.cells) return { line: cellAt(origin.cells.layout, line).line, column };
	const at = origin.selection;
	if (!at) return { line, column };
	return { line: at.line + line - 1, column: line === 1 ? at.column + column - 1 : column };
}

/** The URI of the document that holds line `line` of the loss's own spans: a notebook loss's helper is in a cell above. */
export function documentAt(origin: LossOrigin, line: number): string {
	if (!origin.cells) return origin.uri;
	return origin.cells.uris[cellAt(origin.cells.layout, line).segment.index] ?? origin.uri;
}

/** A span of the loss's own as a span of its document (the whole definition, for a report). */
export function spanInDocument(origin: LossOrigin, span: SourceSpan): SourceSpan {
	const start = inDocument(origin, span.line, span.column);
	const end = inDocument(origin, span.endLine, span.endColumn);
	return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

/** The loss's file and lines, for binding breakpoints. */
export function lossLocation(controller: SessionController): LossLocation {
	const { span, name } = controller.loss.site;
	const { origin } = controller;
	const firstLine = inDocument(origin, span.line, span.column).line;
	const lastLine = inDocument(origin, span.endLine, span.endColumn).line;
	return { sourcePath: sourcePathOf(origin), name, firstLine, lastLine };
}

/**
 * The Call Stack (1-based lines and columns): one frame, `step k · loss = …` at the loss function's definition; during
 * step-into, the loss at its current statement and a frame above it for each helper call the walk is inside.
 */
export function stackFrames(controller: SessionController, stepInto: StepInto | undefined, t: Translate = english): DebugProtocol.StackFrame[] {
	const sourcePath = sourcePathOf(controller.origin);
	const source = new Source(basename(controller.origin.fileName || sourcePath), sourcePath);
	const sourceAt = (line: number) => {
		const uri = documentAt(controller.origin, line);
		return uri === controller.origin.uri ? source : new Source(basename(controller.origin.fileName || uri), uri);
	};
	const snapshot = controller.session.snapshot();
	const top = t('step {0} · loss = {1}', snapshot.step, formatNumber(snapshot.loss));
	if (!stepInto) return [new StackFrame(frameId, top, source, controller.origin.line, 1)];
	const frames = stepInto.frames();
	const reading = readingText(stepInto, t);
	return frames.map((frame, i) => {
		const at = inDocument(controller.origin, frame.line, frame.column);
		const what = i === 0 ? reading : controller.loss.name;
		const name = frame.call === undefined ? `${top} · ${what}` : i === 0 ? `${frame.call} · ${what}` : frame.call;
		return new StackFrame(frameId + i, name, sourceAt(frame.line), at.line, at.column);
	});
}

/** `forward: h0 = 0.646 · n = 2 (of 4)`: the current statement's value or adjoint, and the loop iteration it is in. */
export function readingText(stepInto: StepInto, t: Translate = english): string {
	const { name, value } = stepInto.reading;
	const phase = stepInto.phase === 'forward' ? t('forward') : t('backward');
	const loop = stepInto.frames()[0]!.loop;
	const text = `${phase}: ${name} = ${formatNumber(value)}`;
	if (!loop?.iteration) return text;
	return `${text} · ${t('{0} = {1} (of {2})', loop.name, formatNumber(loop.value), loop.iteration.count)}`;
}
