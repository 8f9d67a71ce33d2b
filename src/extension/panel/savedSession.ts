/**
 * What survives a window reload: the panel's session (document, loss, settings, start and current point) in the
 * workspace state, and how to bring it back. A restored session replays its steps from the start (sessions are
 * deterministic, so the trajectory comes back bit for bit); if the replay does not land on the saved point (the
 * file changed, or the settings changed mid-run), it restarts from the saved point instead.
 */
import * as vscode from 'vscode';
import type { SessionSettingsInput, SourceSpan } from '../../engine/index';
import { rangeOfSpan } from '../losses/diagnostics';
import type { SessionController } from '../session/sessionController';
import type { RunSpec } from './comparison';
import type { SessionManager } from '../session/sessionManager';

export const savedSessionKey = 'downhill.panel.session';

/** Replays longer than this restart from the saved point instead. */
const maxReplaySteps = 100_000;

export interface SavedSession {
	readonly uri: string;
	readonly name: string;
	readonly selection?: SourceSpan;
	readonly settings: SessionSettingsInput;
	readonly stepsPerSecond: number;
	readonly start: readonly number[];
	readonly step: number;
	readonly point: readonly number[];
	/** The optimizers racing the session ("Compare optimizers"). */
	readonly runs?: readonly RunSpec[];
}

export function saveSession(controller: SessionController, runs: readonly RunSpec[] = []): SavedSession {
	const { session, origin } = controller;
	return {
		uri: origin.uri,
		name: controller.loss.name,
		...(origin.selection ? { selection: origin.selection } : {}),
		settings: session.settings,
		stepsPerSecond: controller.stepsPerSecond,
		start: Array.from(session.start),
		step: session.position,
		point: Array.from(session.snapshot().x),
		...(runs.length > 0 ? { runs } : {}),
	};
}

/** Recompiles the saved loss and brings its session back to the saved point. Throws if the loss no longer compiles. */
export async function restoreSession(manager: SessionManager, saved: SavedSession): Promise<SessionController> {
	const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(saved.uri));
	const controller = manager.start(document, {
		...(saved.selection ? { selection: rangeOfSpan(saved.selection) } : { name: saved.name }),
		settings: saved.settings,
		start: [...saved.start],
	});
	controller.stepsPerSecond = saved.stepsPerSecond;
	if (saved.step > 0 && saved.step <= maxReplaySteps) controller.step(saved.step);
	if (!samePoint(controller.session.snapshot().x, saved.point) && saved.point.every(Number.isFinite)) {
		controller.restart(saved.point);
	}
	return controller;
}

/** The saved runs that are well formed (workspace state may hold an older shape). */
export function savedRuns(saved: SavedSession): RunSpec[] {
	if (!Array.isArray(saved.runs)) return [];
	return saved.runs.filter(
		(r): r is RunSpec => typeof r?.optimizer === 'string' && typeof r.options === 'object' && r.options !== null && typeof r.hidden === 'boolean',
	);
}

/** True for a value that looks like a `SavedSession` (workspace state may hold an older shape). */
export function isSavedSession(value: unknown): value is SavedSession {
	const v = value as Partial<SavedSession> | undefined;
	return (
		typeof v?.uri === 'string' &&
		typeof v.name === 'string' &&
		Array.isArray(v.start) &&
		Array.isArray(v.point) &&
		typeof v.step === 'number'
	);
}

function samePoint(a: ArrayLike<number>, b: readonly number[]): boolean {
	if (a.length !== b.length) return false;
	for (let i = 0; i < b.length; i++) {
		if (!Object.is(a[i], b[i]) && Math.abs(a[i]! - b[i]!) > 1e-12 * Math.max(1, Math.abs(b[i]!))) return false;
	}
	return true;
}
