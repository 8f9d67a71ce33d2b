/**
 * Where a Downhill session is in the user's source, for the Call Stack and the editor: one frame, `step k · loss = …`
 * at the loss function's definition, or during step-into at the current statement of the forward or backward pass.
 */
import { Source, StackFrame } from '@vscode/debugadapter';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { formatNumber } from '../../engine/expression/formatNumber';
import type { LossOrigin, SessionController } from '../session/sessionController';
import type { LossLocation } from './lineBreakpoints';
import { basename } from './pathText';
import type { StepInto } from './stepInto';
import { english, type Translate } from './translate';

/** The single frame's id; frames live only while stopped, and there is never more than one. */
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
 * its own, whose spans count from the selection's start.
 */
export function inDocument(origin: LossOrigin, line: number, column: number): { line: number; column: number } {
	const at = origin.selection;
	if (!at) return { line, column };
	return { line: at.line + line - 1, column: line === 1 ? at.column + column - 1 : column };
}

/** The loss's file and lines, for binding breakpoints. */
export function lossLocation(controller: SessionController): LossLocation {
	const { span, name } = controller.loss.site;
	const { origin } = controller;
	const firstLine = inDocument(origin, span.line, span.column).line;
	const lastLine = inDocument(origin, span.endLine, span.endColumn).line;
	return { sourcePath: sourcePathOf(origin), name, firstLine, lastLine };
}

/** The Call Stack's one frame (1-based lines and columns). */
export function stackFrame(controller: SessionController, stepInto: StepInto | undefined, t: Translate = english): DebugProtocol.StackFrame {
	const sourcePath = sourcePathOf(controller.origin);
	const source = new Source(basename(controller.origin.fileName || sourcePath), sourcePath);
	const snapshot = controller.session.snapshot();
	const top = t('step {0} · loss = {1}', snapshot.step, formatNumber(snapshot.loss));
	if (!stepInto) return new StackFrame(frameId, top, source, controller.origin.line, 1);
	const { name, value } = stepInto.currentReading;
	const shown = value === undefined ? '…' : formatNumber(value);
	const at = inDocument(controller.origin, stepInto.current.line, stepInto.current.column);
	const phase = stepInto.currentPhase === 'forward' ? t('forward') : t('backward');
	return new StackFrame(frameId, `${top} · ${phase}: ${name} = ${shown}`, source, at.line, at.column);
}
