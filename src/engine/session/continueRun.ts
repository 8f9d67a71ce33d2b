/**
 * One continue or reverse continue, run in slices: `advance(shouldYield)` takes updates until a stop or until
 * `shouldYield()` says the host needs the thread back, so an extension host or a worker stays responsive and a
 * pause takes effect within one slice.
 */
import type { OptimizationSession } from './optimizationSession';
import type { StopReason, StopResult } from './stopReason';

/** How many updates run between two calls of `shouldYield`. */
const updatesPerCheck = 32;

export class ContinueRun {
	private movedValue = 0;
	private readonly logLines: string[] = [];
	private done: StopResult | undefined;

	constructor(
		private readonly session: OptimizationSession,
		readonly direction: 'forward' | 'reverse',
		private readonly limit: number,
	) {}

	/**
	 * Runs until a stop (returned), or until `shouldYield()` is true or `maxUpdates` updates were taken in this call
	 * (returns undefined: call again).
	 */
	advance(shouldYield: () => boolean, maxUpdates = Infinity): StopResult | undefined {
		if (this.done) return this.done;
		let taken = 0;
		for (;;) {
			const batch = Math.min(updatesPerCheck, maxUpdates - taken);
			for (let i = 0; i < batch; i++) {
				const stop = this.direction === 'forward' ? this.forwardOnce() : this.backwardOnce();
				if (stop) return (this.done = this.session.finish(stop, this.movedValue, this.logLines));
			}
			taken += batch;
			if (taken >= maxUpdates || shouldYield()) return undefined;
		}
	}

	/** Ends the run where it is. */
	pause(): StopResult {
		this.done ??= this.session.finish({ kind: 'paused' }, this.movedValue, this.logLines);
		return this.done;
	}

	/** Updates taken so far (back in history for a reverse continue). */
	get moved(): number {
		return this.movedValue;
	}

	/** Logpoint lines so far. */
	get logs(): readonly string[] {
		return this.logLines;
	}

	get finished(): boolean {
		return this.done !== undefined;
	}

	private forwardOnce(): StopReason | undefined {
		if (this.movedValue >= this.limit) return { kind: 'steps', limit: this.limit };
		const full = this.session.historyFull();
		if (full) return full;
		const rule = this.session.advance();
		this.movedValue++;
		if (rule?.kind === 'diverged') return this.session.withSuggestion(rule);
		const breakpoint = this.checkBreakpoints();
		return breakpoint ?? rule;
	}

	private backwardOnce(): StopReason | undefined {
		const k = this.session.position;
		if (k === 0) return { kind: 'historyStart' };
		this.session.moveTo(k - 1);
		this.movedValue++;
		return this.checkBreakpoints();
	}

	private checkBreakpoints(): StopReason | undefined {
		if (this.session.breakpoints.size === 0) return undefined;
		const outcome = this.session.breakpoints.check(this.session.variables.lookup);
		for (const line of outcome.logs) if (this.logLines.length < 10_000) this.logLines.push(line);
		if (outcome.stopIds.length === 0) return undefined;
		return { kind: 'breakpoint', ids: outcome.stopIds, condition: this.session.breakpoints.describe(outcome.stopIds) };
	}
}
