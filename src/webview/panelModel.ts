/**
 * What the panel knows: the last snapshot from the host, kept current by `update`s, with the trajectory in a
 * `TrajectoryStore`. Applying a message returns what changed so the view redraws only that. No DOM here, so the
 * message handling is unit-tested directly.
 */
import type { BruteForceInfo, InitMessage, LossInfo, PanelSnapshot, PointState, RestartsInfo, RunHintInfo, SettingsInfo, StopInfo, UpdateMessage } from '../shared/messages';
import { RunsModel } from './runsModel';
import { TrajectoryStore } from './trajectoryStore';

export type ModelChange =
	| { readonly kind: 'init'; readonly sameLoss: boolean }
	| { readonly kind: 'update'; readonly stopChanged: boolean; readonly settingsChanged: boolean }
	/** An update that does not fit what the panel holds (a gap in the records): ask the host for a fresh `init`. */
	| { readonly kind: 'resync' }
	| { readonly kind: 'ignored' };

export class PanelModel {
	private snapshotValue: PanelSnapshot | undefined;
	private storeValue: TrajectoryStore | undefined;
	private currentValue: PointState | undefined;
	private stopValue: StopInfo = { kind: 'entry', message: '' };
	private settingsValue: SettingsInfo | undefined;
	private runningValue = false;
	private hintValue: RunHintInfo | undefined;
	private restartsValue: RestartsInfo | undefined;
	private bruteForceValue: BruteForceInfo | undefined;
	/** Runs racing the session (compare optimizers). */
	readonly runs = new RunsModel();

	get ready(): boolean {
		return this.snapshotValue !== undefined;
	}

	/** The last `init` snapshot (its current point, stop and settings may be stale: use the getters below). */
	get snapshot(): PanelSnapshot | undefined {
		return this.snapshotValue;
	}

	get loss(): LossInfo | undefined {
		return this.snapshotValue?.loss;
	}

	get dimension(): number {
		return this.snapshotValue?.loss.params.length ?? 0;
	}

	get store(): TrajectoryStore | undefined {
		return this.storeValue;
	}

	get current(): PointState | undefined {
		return this.currentValue;
	}

	get stop(): StopInfo {
		return this.stopValue;
	}

	get settings(): SettingsInfo | undefined {
		return this.settingsValue;
	}

	get running(): boolean {
		return this.runningValue;
	}

	/** The host's run hint for the current point, if any. */
	get hint(): RunHintInfo | undefined {
		return this.hintValue;
	}

	/** The last random restarts the host sent for this loss. */
	get restarts(): RestartsInfo | undefined {
		return this.restartsValue;
	}

	/** The last brute-force search of the view, if any. */
	get bruteForce(): BruteForceInfo | undefined {
		return this.bruteForceValue;
	}

	setBruteForce(info: BruteForceInfo | undefined): void {
		this.bruteForceValue = info;
	}

	/** Takes random restarts (undefined clears them); ignored when their dimension is not the loss's. */
	applyRestarts(restarts: RestartsInfo | undefined): boolean {
		const d = this.dimension;
		if (restarts && (d === 0 || restarts.starts.length !== restarts.runMinimum.length * d)) return false;
		this.restartsValue = restarts;
		return true;
	}

	/** Throws away what the panel had and takes the snapshot. */
	applyInit(message: InitMessage): Extract<ModelChange, { kind: 'init' }> {
		const snapshot = message.snapshot;
		const previous = this.snapshotValue?.loss;
		const sameLoss = previous !== undefined && sameParams(previous.params, snapshot.loss.params) && previous.name === snapshot.loss.name;
		const store = new TrajectoryStore(snapshot.loss.params.length, Math.max(1024, snapshot.trajectory.losses.length));
		store.append(snapshot.trajectory);
		if (!sameLoss) {
			this.restartsValue = undefined;
			this.bruteForceValue = undefined;
			this.runs.clear();
		}
		this.snapshotValue = snapshot;
		this.storeValue = store;
		this.currentValue = snapshot.current;
		this.stopValue = snapshot.stop;
		this.settingsValue = snapshot.settings;
		this.runningValue = snapshot.running;
		this.hintValue = snapshot.hint;
		return { kind: 'init', sameLoss };
	}

	/** Replaces records from `message.from` on with the appended ones and takes the new current point. */
	applyUpdate(message: UpdateMessage): ModelChange {
		const store = this.storeValue;
		if (!store) return { kind: 'ignored' };
		if (message.from > store.count || message.current.x.length !== store.dimension) return { kind: 'resync' };
		if (message.appended.points.length !== message.appended.losses.length * store.dimension) return { kind: 'resync' };
		store.replaceFrom(message.from, message.appended);
		const stopChanged = message.stop.kind !== this.stopValue.kind || message.stop.message !== this.stopValue.message;
		const settingsChanged = JSON.stringify(message.settings) !== JSON.stringify(this.settingsValue);
		this.currentValue = message.current;
		this.stopValue = message.stop;
		this.settingsValue = message.settings;
		this.runningValue = message.running;
		this.hintValue = message.hint;
		return { kind: 'update', stopChanged, settingsChanged };
	}
}

function sameParams(a: readonly string[], b: readonly string[]): boolean {
	return a.length === b.length && a.every((p, i) => p === b[i]);
}
