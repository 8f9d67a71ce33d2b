/**
 * Cosine annealing: CosineAnnealingLR in PyTorch's recursive form and CosineAnnealingWarmRestarts (SGDR), transcribed
 * from torch/optim/lr_scheduler.py; Loshchilov & Hutter, "SGDR: Stochastic Gradient Descent with Warm Restarts",
 * ICLR 2017 (arXiv:1608.03983); https://pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.CosineAnnealingLR.html.
 */
import { EpochScheduler, type ParamGroup } from './epochScheduler';

/** CosineAnnealingLR: from the base rate to `eta_min` over `T_max` steps, recursively as PyTorch steps it. */
export class CosineAnnealingLr extends EpochScheduler {
	constructor(group: ParamGroup, private readonly tMax: number, private readonly etaMin: number) {
		super(group);
	}
	protected getLr(): number {
		const t = this.lastEpoch;
		const { tMax, etaMin } = this;
		if (t === 0) return this.group.lr;
		if ((t - 1 - tMax) % (2 * tMax) === 0) {
			return this.group.lr + ((this.baseLr - etaMin) * (1 - Math.cos(Math.PI / tMax))) / 2;
		}
		return ((1 + Math.cos((Math.PI * t) / tMax)) / (1 + Math.cos((Math.PI * (t - 1)) / tMax))) * (this.group.lr - etaMin) + etaMin;
	}
	protected closedForm(): number {
		return this.etaMin + ((this.baseLr - this.etaMin) * (1 + Math.cos((Math.PI * this.lastEpoch) / this.tMax))) / 2;
	}
}

/** CosineAnnealingWarmRestarts: cosine over `T_i` steps, restarting with `T_i *= T_mult`. */
export class CosineAnnealingWarmRestarts extends EpochScheduler {
	private tI: number;
	private tCur = -1;

	constructor(group: ParamGroup, private readonly t0: number, private readonly tMult: number, private readonly etaMin: number) {
		super(group);
		this.tI = t0;
	}

	override step(): void {
		if (this.lastEpoch < 0) {
			this.stepTo(0);
			return;
		}
		this.lastEpoch += 1;
		this.tCur += 1;
		if (this.tCur >= this.tI) {
			this.tCur -= this.tI;
			this.tI *= this.tMult;
		}
		this.group.lr = this.getLr();
	}

	override stepTo(epoch: number): void {
		const { t0, tMult } = this;
		if (epoch >= t0) {
			if (tMult === 1) this.tCur = epoch % t0;
			else {
				const n = Math.floor(Math.log((epoch / t0) * (tMult - 1) + 1) / Math.log(tMult));
				this.tCur = epoch - (t0 * (tMult ** n - 1)) / (tMult - 1);
				this.tI = t0 * tMult ** n;
			}
		} else {
			this.tI = t0;
			this.tCur = epoch;
		}
		this.lastEpoch = Math.floor(epoch);
		this.group.lr = this.getLr();
	}

	protected getLr(): number {
		return this.etaMin + ((this.baseLr - this.etaMin) * (1 + Math.cos((Math.PI * this.tCur) / this.tI))) / 2;
	}
	protected closedForm(): number {
		return this.getLr();
	}
}
