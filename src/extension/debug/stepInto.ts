/**
 * Step-into (F11) through one optimizer step, over the engine's walk (`engine/session/walk/`): the forward pass
 * statement by statement, into loop iterations and helper calls, then the backward pass in reverse with each
 * adjoint ∂L/∂local. This file holds where the user is in the walk and how a move is made (into, over, out of a
 * frame, or back by replaying the walk); the adapter turns it into stops, stack frames and Variables.
 */
import { type OptimizationSession, PassWalk, type WalkFrame, walkFrames, walkGraph, type WalkPhase, WalkScope } from '../../engine/index';
import type { GraphModel } from '../../shared/graphModel';

export type PassPhase = WalkPhase;

/** F11 moves into frames, F10 over them, Shift+F11 out of the current one. */
export type PassMove = 'in' | 'over' | 'out';

/** The name prefix of the backward pass's gradient so far: `gradSoFar.w` (Watch, Copy Value of that scope). */
export const gradientSoFar = 'gradSoFar.';

export class StepInto {
	private frameCache: WalkFrame[] | undefined;

	private constructor(
		private readonly walk: PassWalk,
		/** The history record whose update this pass belongs to. */
		readonly step: number,
		private readonly x: Float64Array,
		private readonly params: readonly string[],
	) {}

	/** Enters the step from the session's current point; undefined when the loss has no statement to stop on. */
	static enter(session: OptimizationSession): StepInto | undefined {
		const k = session.position;
		const x = session.history.readPoint(k, new Float64Array(session.loss.params.length));
		const walk = PassWalk.enter(session.loss.graph, x);
		return walk && new StepInto(walk, k, x, session.loss.params);
	}

	get phase(): PassPhase {
		return this.walk.phase;
	}

	/** How many frames deep the walk is: 1 in the loss body, one more per loop or call it is inside. */
	get depth(): number {
		return this.walk.depth;
	}

	/** The statement the walk stands on. */
	get statement(): { name: string; line: number; column: number } {
		return this.walk.statement;
	}

	/** Frames innermost first, with their locals. */
	frames(): WalkFrame[] {
		this.frameCache ??= walkFrames(this.walk);
		return this.frameCache;
	}

	/** What the current statement reads: its value going forward, its adjoint going backward. */
	get reading(): { name: string; value: number } {
		const local = this.frames()[0]!.locals.find((l) => l.name === this.walk.statement.name);
		const name = this.walk.statement.name;
		if (this.phase === 'forward') return { name, value: local?.value ?? Number.NaN };
		return { name: `∂L/∂${name}`, value: local?.adjoint ?? 0 };
	}

	/** The parameters' gradient the backward pass has accumulated so far. */
	get gradient(): Float64Array {
		return this.walk.gradient;
	}

	/** The computation graph at the walk's position (the panel's Graph view): values so far, adjoints going back. */
	graph(): GraphModel {
		return walkGraph(this.walk.graph, this.walk, WalkScope.root(this.walk.graph, this.x));
	}

	/** The point the update starts from. */
	get point(): Float64Array {
		return this.x;
	}

	/**
	 * Makes one move; false once the backward pass is done (the update comes next). `out` from the loss body
	 * itself is the caller's to handle (it finishes the step).
	 */
	move(kind: PassMove): boolean {
		this.frameCache = undefined;
		const depth = this.walk.depth;
		let more = this.walk.next();
		while (more && ((kind === 'over' && this.walk.depth > depth) || (kind === 'out' && this.walk.depth >= depth))) more = this.walk.next();
		return more;
	}

	/** Moves until `stop` holds at a statement; false when the pass ends first. */
	runUntil(stop: (at: StepInto) => boolean): boolean {
		for (;;) {
			this.frameCache = undefined;
			if (!this.walk.next()) return false;
			if (stop(this)) return true;
		}
	}

	/** The walk one statement back (by replaying it from the start), or undefined at its first statement. */
	back(session: OptimizationSession): StepInto | undefined {
		const moves = this.walk.moves - 1;
		if (moves < 0) return undefined;
		const again = StepInto.enter(session);
		for (let i = 0; again && i < moves; i++) again.walk.next();
		return again;
	}

	/**
	 * Names for Watch, hovers, the Debug Console and breakpoint conditions: the top frame's locals (`h0`, the loop
	 * variable `n`), and a local's adjoint once the backward pass has reached it as `grad.h0`, the name parameters'
	 * partial derivatives already have (`grad.x`).
	 */
	readonly lookup = (key: string): number | undefined => {
		if (key.startsWith(gradientSoFar)) {
			const index = this.params.indexOf(key.slice(gradientSoFar.length));
			return index >= 0 ? this.walk.gradient[index] : undefined;
		}
		const locals = this.frames()[0]!.locals;
		if (key.startsWith('grad.')) return locals.find((l) => l.name === key.slice('grad.'.length))?.adjoint;
		return locals.find((l) => l.name === key)?.value;
	};
}
