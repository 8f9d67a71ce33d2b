/**
 * "Compare optimizers": up to three extra runs (optimizer × hyper-parameters) racing the panel's session on the
 * same loss from the same start. They move in lock-step with the session: after every change of the session,
 * `sync` runs each one forward to the session's step (a continue under the same stop rules, so a run that converges
 * or diverges stops there with its own stop reason), steps it back with the session, and restarts it when the
 * session restarts. The
 * runs are plain engine sessions owned here; the panel gets their records as `runs` messages, only the new ones
 * each time (`delta`), all of them after an `init`.
 */
import { isOptimizerName, OptimizationSession, type OptionValue, type StopReason } from '../../engine/index';
import type { RunInfo, RunsMessage } from '../../shared/messages';
import type { SessionController } from '../session/sessionController';
import { stopInfo } from './panelSnapshot';

export const maxExtraRuns = 3;

/** What a run is made of, for saving and restoring it: the optimizer, its options (PyTorch names), and visibility. */
export interface RunSpec {
	readonly optimizer: string;
	readonly options: Readonly<Record<string, OptionValue>>;
	readonly hidden: boolean;
}

interface Run {
	readonly id: number;
	readonly session: OptimizationSession;
	hidden: boolean;
	/** Why the run stopped moving (converged or diverged), until the session goes back before that. */
	finished: StopReason | undefined;
	/** Records the panel holds. */
	sent: number;
}

export class Comparison {
	private runs: Run[] = [];
	private nextId = 1;

	get size(): number {
		return this.runs.length;
	}

	/** Adds a run of `optimizer` with `options` (PyTorch names), brought to the session's step. */
	add(main: SessionController, optimizer: string, options: Readonly<Record<string, OptionValue>>): void {
		if (this.runs.length >= maxExtraRuns) throw new RangeError(`At most ${maxExtraRuns} runs can race the session.`);
		if (!isOptimizerName(optimizer)) throw new RangeError(`Unknown optimizer '${optimizer}'.`);
		const settings = { ...main.session.settings, optimizer, optimizerOptions: options };
		const session = new OptimizationSession(main.loss, settings, main.session.start);
		this.runs.push({ id: this.nextId++, session, hidden: false, finished: undefined, sent: 0 });
		this.sync(main);
	}

	/** The runs as specs, in the order they were added. */
	specs(): RunSpec[] {
		return this.runs.map((run) => ({ optimizer: run.session.currentOptimizer.name, options: run.session.currentOptimizer.options, hidden: run.hidden }));
	}

	/** Adds the runs `specs` describe (after a reload); returns why any could not be added. */
	restore(main: SessionController, specs: readonly RunSpec[]): string[] {
		const problems: string[] = [];
		for (const spec of specs.slice(0, maxExtraRuns - this.runs.length)) {
			try {
				this.add(main, spec.optimizer, spec.options);
				if (spec.hidden) this.runs[this.runs.length - 1]!.hidden = true;
			} catch (error) {
				problems.push((error as Error).message);
			}
		}
		return problems;
	}

	remove(id: number): void {
		this.runs = this.runs.filter((r) => r.id !== id);
	}

	setHidden(id: number, hidden: boolean): void {
		const run = this.runs.find((r) => r.id === id);
		if (run) run.hidden = hidden;
	}

	clear(): void {
		this.runs = [];
	}

	/** Brings every run to the session's step (forward, back, or from a new start). */
	sync(main: SessionController): void {
		const target = main.session.position;
		const start = main.session.start;
		for (const run of this.runs) {
			const s = run.session;
			const restarted = main.session.history.length === 1 && (s.history.length > 1 || !sameStart(s.start, start));
			if (restarted) {
				s.restart(start);
				run.finished = undefined;
				run.sent = 0;
			} else if (s.position > target) {
				s.goTo(target);
				run.finished = undefined;
			}
			if (s.position < target && !run.finished) run.finished = catchUp(s, target);
		}
	}

	/** The runs for the panel: the records it lacks (`full`: all of them, after an `init`). */
	message(full: boolean): RunsMessage {
		const runs = this.runs.map((run): RunInfo => {
			const s = run.session;
			const position = s.position;
			const from = full ? 0 : Math.min(run.sent, position + 1);
			const { points, losses } = s.history.slice(from, position + 1);
			run.sent = position + 1;
			const stop: StopReason = run.finished ?? { kind: 'step' };
			return {
				id: run.id,
				optimizer: s.currentOptimizer.name,
				options: s.currentOptimizer.options,
				hidden: run.hidden,
				stop: stopInfo(stop),
				step: position,
				loss: s.history.loss(position),
				from,
				points,
				losses,
			};
		});
		return { type: 'runs', runs };
	}
}

/** Runs `s` forward to record `target`; the stop rule's verdict if the run converged or diverged on the way. */
function catchUp(s: OptimizationSession, target: number): StopReason | undefined {
	const { reason } = s.continue(target - s.position);
	return reason.kind === 'converged' || reason.kind === 'diverged' ? reason : undefined;
}

function sameStart(a: Float64Array, b: Float64Array): boolean {
	return a.length === b.length && a.every((v, i) => v === b[i]);
}
