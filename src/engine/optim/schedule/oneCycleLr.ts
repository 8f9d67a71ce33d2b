/**
 * OneCycleLR, the 1cycle policy with its inverse momentum cycle: transcribed from torch/optim/lr_scheduler.py
 * (PyTorch 1.13 and 2.x agree); Smith & Topin, "Super-Convergence: Very Fast Training of Neural Networks Using Large
 * Learning Rates", arXiv:1708.07120; https://pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.OneCycleLR.html.
 * The momentum it cycles is the optimizer's `momentum`, or `betas[0]` for the Adam family (`group.momentum` here).
 */
import type { OneCycleArguments } from './scheduleSpec';
import { EpochScheduler, type ParamGroup } from './epochScheduler';

interface Phase {
	readonly endStep: number;
	readonly startLr: number;
	readonly endLr: number;
	readonly startMomentum: number;
	readonly endMomentum: number;
}

type Resolved = Required<Omit<OneCycleArguments, 'epochs' | 'steps_per_epoch' | 'total_steps'>> & { readonly total_steps: number };

/**
 * OneCycleLR on `group`. Past `total_steps` updates, where PyTorch raises "Tried to step ... times", the rate and
 * momentum stay at their final values (those of update `total_steps - 1`).
 */
export class OneCycleLr extends EpochScheduler {
	private readonly phases: readonly Phase[];
	private readonly anneal: (start: number, end: number, pct: number) => number;

	constructor(group: ParamGroup, private readonly a: Resolved) {
		const initialLr = a.max_lr / a.div_factor;
		group.initial_lr = initialLr;
		if (a.cycle_momentum) group.momentum = a.max_momentum;
		super(group);
		const minLr = initialLr / a.final_div_factor;
		const { total_steps: total, pct_start: pct, max_lr: maxLr, base_momentum: baseM, max_momentum: maxM } = a;
		const phase = (endStep: number, startLr: number, endLr: number, startMomentum: number, endMomentum: number): Phase =>
			({ endStep, startLr, endLr, startMomentum, endMomentum });
		this.phases = a.three_phase
			? [
				phase(pct * total - 1, initialLr, maxLr, maxM, baseM),
				phase(2 * pct * total - 2, maxLr, initialLr, baseM, maxM),
				phase(total - 1, initialLr, minLr, maxM, maxM),
			]
			: [phase(pct * total - 1, initialLr, maxLr, maxM, baseM), phase(total - 1, maxLr, minLr, baseM, maxM)];
		this.anneal = a.anneal_strategy === 'cos'
			? (start, end, p) => end + ((start - end) / 2) * (Math.cos(Math.PI * p) + 1)
			: (start, end, p) => (end - start) * p + start;
	}

	protected getLr(): number {
		const stepNum = Math.min(this.lastEpoch, this.a.total_steps - 1);
		let startStep = 0;
		for (let i = 0; i < this.phases.length; i++) {
			const phase = this.phases[i]!;
			if (stepNum <= phase.endStep || i === this.phases.length - 1) {
				const pct = (stepNum - startStep) / (phase.endStep - startStep);
				if (this.a.cycle_momentum) this.group.momentum = this.anneal(phase.startMomentum, phase.endMomentum, pct);
				return this.anneal(phase.startLr, phase.endLr, pct);
			}
			startStep = phase.endStep;
		}
		throw new Error('unreachable: OneCycleLR has a last phase');
	}

	protected closedForm(): number {
		return this.getLr();
	}
}
