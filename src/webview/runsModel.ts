/**
 * The runs racing the session (compare optimizers), as the panel knows them: each run's settings and stop from the
 * host's last `runs` message, its records in a `TrajectoryStore`, and its colour. The host sends only new records;
 * a run missing from a message was removed. No DOM.
 */
import type { RunInfo, RunsMessage } from '../shared/messages';
import { TrajectoryStore } from './trajectoryStore';

/** Bright colours that read over the colour maps and both themes, one per run (the session is white / blue). */
export const runColors = ['#c77dff', '#3ddc97', '#4dd0e1'] as const;

export interface RunState {
	readonly info: Omit<RunInfo, 'points' | 'losses' | 'from'>;
	readonly store: TrajectoryStore;
	readonly color: string;
}

export class RunsModel {
	private runs: RunState[] = [];

	get all(): readonly RunState[] {
		return this.runs;
	}

	get visible(): readonly RunState[] {
		return this.runs.filter((r) => !r.info.hidden);
	}

	clear(): void {
		this.runs = [];
	}

	/** Takes the host's runs for a loss of `d` parameters; false when the message does not fit (dimension or gap). */
	apply(message: RunsMessage, d: number): boolean {
		const next: RunState[] = [];
		for (const run of message.runs) {
			if (run.points.length !== run.losses.length * d) return false;
			const previous = this.runs.find((r) => r.info.id === run.id);
			const store = previous && run.from <= previous.store.count ? previous.store : new TrajectoryStore(d, 1024);
			if (store !== previous?.store && run.from > 0) return false;
			store.replaceFrom(run.from, { points: run.points, losses: run.losses, gradientNorms: new Float64Array(run.losses.length) });
			const { points: _p, losses: _l, from: _f, ...info } = run;
			next.push({ info, store, color: previous?.color ?? this.freeColor(next) });
		}
		this.runs = next;
		return true;
	}

	private freeColor(taken: readonly RunState[]): string {
		const used = new Set([...this.runs, ...taken].map((r) => r.color));
		return runColors.find((c) => !used.has(c)) ?? runColors[taken.length % runColors.length]!;
	}
}
