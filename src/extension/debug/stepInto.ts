/**
 * Step-into (F11) through one optimizer step: the forward pass statement by statement over the loss function's own
 * lines (`LossGraph.trace`), then the backward pass over the same locals in reverse with each adjoint ∂L/∂local.
 * Pure state over the engine: where in the step the user is, and what each local reads at the current point. The
 * adapter turns positions into stack frames and stops; leaving the pass takes the update through the controller.
 */
import type { TraceEntry } from '../../engine/graph/node';
import { readNodes, type NodeReading } from '../../engine/graph/nodeAdjoints';
import { batchForStep } from '../../engine/session/miniBatch';
import type { OptimizationSession } from '../../engine/session/optimizationSession';
import { english, type Translate } from './translate';

export type PassPhase = 'forward' | 'backward';

/** One local as the Locals scope shows it. */
export interface LocalReading {
	/** The local's name, with its line when the name is assigned more than once (`s (line 4)`). */
	readonly label: string;
	readonly name: string;
	/** Undefined when the local has no single value (inside a loop). */
	readonly value: number | undefined;
	/** Shown once the backward pass has reached the local. */
	readonly adjoint: number | undefined;
}

export class StepInto {
	private phase: PassPhase = 'forward';
	private index = 0;

	private constructor(
		private readonly entries: readonly TraceEntry[],
		private readonly readings: readonly (NodeReading | undefined)[],
		/** The history record whose update this pass belongs to. */
		readonly step: number,
	) {}

	/** Enters the step from the session's current point; undefined when the loss has no trace (math losses). */
	static enter(session: OptimizationSession): StepInto | undefined {
		const entries = session.loss.graph.trace;
		if (entries.length === 0) return undefined;
		const k = session.position;
		const x = session.history.readPoint(k, new Float64Array(session.loss.params.length));
		const readings = readNodes(session.loss.graph, entries.map((e) => e.node), x, batchOf(session, k));
		return new StepInto(entries, readings, k);
	}

	get current(): TraceEntry {
		return this.entries[this.index]!;
	}

	get currentPhase(): PassPhase {
		return this.phase;
	}

	/** What the current position reads: the local's value going forward, its adjoint going backward. */
	get currentReading(): { name: string; value: number | undefined } {
		const reading = this.readings[this.index];
		const name = this.current.name;
		if (this.phase === 'forward') return { name, value: reading?.value };
		return { name: `∂L/∂${name}`, value: reading?.adjoint };
	}

	/** Moves to the next statement; false when the backward pass is done (the update comes next). */
	advance(): boolean {
		if (this.phase === 'forward') {
			if (this.index < this.entries.length - 1) this.index++;
			else this.phase = 'backward';
			return true;
		}
		if (this.index === 0) return false;
		this.index--;
		return true;
	}

	/** Moves to the previous statement; false when already at the first line of the forward pass. */
	back(): boolean {
		if (this.phase === 'backward') {
			if (this.index < this.entries.length - 1) this.index++;
			else this.phase = 'forward';
			return true;
		}
		if (this.index === 0) return false;
		this.index--;
		return true;
	}

	/** The locals reached so far, in statement order, with adjoints for those the backward pass has reached. */
	locals(t: Translate = english): LocalReading[] {
		const reached = this.phase === 'forward' ? this.index + 1 : this.entries.length;
		const counts = new Map<string, number>();
		for (const e of this.entries) counts.set(e.name, (counts.get(e.name) ?? 0) + 1);
		return this.entries.slice(0, reached).map((entry, i) => {
			const reading = this.readings[i];
			const hasAdjoint = this.phase === 'backward' && i >= this.index;
			return {
				label: counts.get(entry.name)! > 1 ? t('{0} (line {1})', entry.name, entry.line) : entry.name,
				name: entry.name,
				value: reading?.value,
				adjoint: hasAdjoint ? reading?.adjoint : undefined,
			};
		});
	}

	/**
	 * Names for Watch, hovers and the Debug Console: each reached local's latest value (`a`), and its adjoint once the
	 * backward pass has reached it as `grad.a`, the name parameters' partial derivatives already have (`grad.x`).
	 */
	readonly lookup = (key: string): number | undefined => {
		const locals = this.locals();
		const adjoint = key.startsWith('grad.') ? key.slice('grad.'.length) : undefined;
		for (let i = locals.length - 1; i >= 0; i--) {
			const local = locals[i]!;
			if (adjoint !== undefined && local.name === adjoint && local.adjoint !== undefined) return local.adjoint;
			if (local.name === key) return local.value;
		}
		return undefined;
	};
}

/** The mini-batch of update `k`, as the session draws it (undefined for full-batch runs). */
function batchOf(session: OptimizationSession, k: number): Int32Array | undefined {
	const { batchSize, seed, withReplacement } = session.settings;
	const sampleCount = session.loss.sampleCount;
	if (batchSize <= 0 || sampleCount === 0 || batchSize >= sampleCount) return undefined;
	return batchForStep({ batchSize, sampleCount, seed, withReplacement }, k);
}
