/**
 * CyclicLR (triangular, triangular2, exp_range) with its momentum cycle, transcribed from torch/optim/lr_scheduler.py;
 * Smith, "Cyclical Learning Rates for Training Neural Networks", WACV 2017 (arXiv:1506.01186);
 * https://pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.CyclicLR.html. As in PyTorch 2.x the momentum it
 * cycles is `momentum`, or `betas[0]` for the Adam family (1.13 accepted `momentum` only).
 */
import type { CyclicArguments } from './scheduleSpec';
import { EpochScheduler, type ParamGroup } from './epochScheduler';

type Resolved = Required<Omit<CyclicArguments, 'step_size_down'>> & { readonly step_size_down?: number };

/** CyclicLR on `group`: the rate moves between `base_lr` and `max_lr`, the momentum inversely. */
export class CyclicLr extends EpochScheduler {
	private readonly totalSize: number;
	private readonly stepRatio: number;
	private readonly scale: (x: number) => number;
	private readonly scaleByCycle: boolean;

	constructor(group: ParamGroup, private readonly a: Resolved) {
		group.lr = a.base_lr;
		if (a.cycle_momentum) group.momentum = a.base_momentum;
		super(group);
		const down = a.step_size_down ?? a.step_size_up;
		this.totalSize = a.step_size_up + down;
		this.stepRatio = a.step_size_up / this.totalSize;
		this.scaleByCycle = a.mode !== 'exp_range';
		this.scale = a.mode === 'triangular' ? () => 1 : a.mode === 'triangular2' ? (x) => 1 / 2 ** (x - 1) : (x) => a.gamma ** x;
	}

	protected getLr(): number {
		const t = this.lastEpoch;
		const cycle = Math.floor(1 + t / this.totalSize);
		const x = 1 + t / this.totalSize - cycle;
		const scaleFactor = x <= this.stepRatio ? x / this.stepRatio : (x - 1) / (this.stepRatio - 1);
		const scaled = this.scale(this.scaleByCycle ? cycle : t);
		const { base_lr: baseLr, max_lr: maxLr, base_momentum: baseM, max_momentum: maxM } = this.a;
		if (this.a.cycle_momentum) this.group.momentum = maxM - (maxM - baseM) * scaleFactor * scaled;
		return baseLr + (maxLr - baseLr) * scaleFactor * scaled;
	}

	protected closedForm(): number {
		return this.getLr();
	}
}
