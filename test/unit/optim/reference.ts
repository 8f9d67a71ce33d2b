/**
 * Independent oracle for the optimizer tests: each algorithm transcribed line by line from the pseudo-code in the
 * PyTorch documentation (https://pytorch.org/docs/stable/optim.html, one page per optimizer), one coordinate at a
 * time, over plain `number[]` state. It imports nothing from `src/`, and deliberately keeps the documented form
 * (`beta1 m + (1 - beta1) g`, `sqrt(v / (1 - beta2^t))`, explicit products of mu_i) rather than PyTorch's kernel
 * order, so agreement is a real check of the implementation, not a copy of it.
 */

import type { TestFunction } from './testFunctions';

/** Every hyper-parameter spelled out; the tests pass the same values to the implementation. */
export type ReferenceOptions =
	| { name: 'sgd'; lr: number; momentum: number; dampening: number; weight_decay: number; nesterov: boolean }
	| {
			name: 'adagrad';
			lr: number;
			lr_decay: number;
			weight_decay: number;
			initial_accumulator_value: number;
			eps: number;
	  }
	| {
			name: 'rmsprop';
			lr: number;
			alpha: number;
			eps: number;
			weight_decay: number;
			momentum: number;
			centered: boolean;
	  }
	| ({ name: 'adam'; amsgrad: boolean } & AdamLike)
	| ({ name: 'adamw'; amsgrad: boolean } & AdamLike)
	| ({ name: 'adamax' } & AdamLike)
	| ({ name: 'nadam'; momentum_decay: number; decoupled_weight_decay: boolean } & AdamLike)
	| ({ name: 'radam'; decoupled_weight_decay: boolean } & AdamLike);

interface AdamLike {
	lr: number;
	betas: [number, number];
	eps: number;
	weight_decay: number;
}

/** Updates `theta` in place for step `t` (1-based) with gradient `g` and learning rate `gamma`. */
type Stepper = (t: number, theta: number[], g: number[], gamma: number) => void;

/**
 * The points visited by `steps` updates from `fn.start`, the start included (so `steps + 1` points). `lrAt(t)` gives
 * the learning rate of update `t` (0-based), default constant.
 */
export function referenceTrajectory(
	options: ReferenceOptions,
	fn: TestFunction,
	steps: number,
	lrAt: (t: number) => number = () => options.lr,
): number[][] {
	const theta = [...fn.start];
	const stepper = makeStepper(options, theta.length);
	const points = [[...theta]];
	for (let t = 1; t <= steps; t++) {
		const g = fn.gradient(theta[0]!, theta[1]!);
		stepper(t, theta, g, lrAt(t - 1));
		points.push([...theta]);
	}
	return points;
}

function makeStepper(o: ReferenceOptions, d: number): Stepper {
	switch (o.name) {
		case 'sgd':
			return sgd(o, d);
		case 'adagrad':
			return adagrad(o, d);
		case 'rmsprop':
			return rmsprop(o, d);
		case 'adam':
		case 'adamw':
			return adam(o, d);
		case 'adamax':
			return adamax(o, d);
		case 'nadam':
			return nadam(o, d);
		case 'radam':
			return radam(o, d);
	}
}

const zeros = (d: number): number[] => new Array<number>(d).fill(0);

/** torch.optim.SGD pseudo-code. */
function sgd(o: Extract<ReferenceOptions, { name: 'sgd' }>, d: number): Stepper {
	const b = zeros(d);
	return (t, theta, grad, gamma) => {
		for (let i = 0; i < d; i++) {
			let g = grad[i]!;
			if (o.weight_decay !== 0) g = g + o.weight_decay * theta[i]!;
			if (o.momentum !== 0) {
				b[i] = t > 1 ? o.momentum * b[i]! + (1 - o.dampening) * g : g;
				g = o.nesterov ? g + o.momentum * b[i]! : b[i]!;
			}
			theta[i] = theta[i]! - gamma * g;
		}
	};
}

/** torch.optim.Adagrad pseudo-code. */
function adagrad(o: Extract<ReferenceOptions, { name: 'adagrad' }>, d: number): Stepper {
	const stateSum = zeros(d).fill(o.initial_accumulator_value);
	return (t, theta, grad, gamma) => {
		const gammaTilde = gamma / (1 + (t - 1) * o.lr_decay);
		for (let i = 0; i < d; i++) {
			let g = grad[i]!;
			if (o.weight_decay !== 0) g = g + o.weight_decay * theta[i]!;
			stateSum[i] = stateSum[i]! + g * g;
			theta[i] = theta[i]! - (gammaTilde * g) / (Math.sqrt(stateSum[i]!) + o.eps);
		}
	};
}

/** torch.optim.RMSprop pseudo-code. */
function rmsprop(o: Extract<ReferenceOptions, { name: 'rmsprop' }>, d: number): Stepper {
	const [v, b, gAve] = [zeros(d), zeros(d), zeros(d)];
	return (_t, theta, grad, gamma) => {
		for (let i = 0; i < d; i++) {
			let g = grad[i]!;
			if (o.weight_decay !== 0) g = g + o.weight_decay * theta[i]!;
			v[i] = o.alpha * v[i]! + (1 - o.alpha) * g * g;
			let vTilde = v[i]!;
			if (o.centered) {
				gAve[i] = gAve[i]! * o.alpha + (1 - o.alpha) * g;
				vTilde = vTilde - gAve[i]! ** 2;
			}
			if (o.momentum > 0) {
				b[i] = o.momentum * b[i]! + g / (Math.sqrt(vTilde) + o.eps);
				theta[i] = theta[i]! - gamma * b[i]!;
			} else {
				theta[i] = theta[i]! - (gamma * g) / (Math.sqrt(vTilde) + o.eps);
			}
		}
	};
}

/** torch.optim.Adam pseudo-code, and AdamW's (decoupled weight decay) when the name says so. */
function adam(o: Extract<ReferenceOptions, { name: 'adam' | 'adamw' }>, d: number): Stepper {
	const [beta1, beta2] = o.betas;
	const [m, v, vMax] = [zeros(d), zeros(d), zeros(d)];
	return (t, theta, grad, gamma) => {
		for (let i = 0; i < d; i++) {
			let g = grad[i]!;
			if (o.name === 'adamw') theta[i] = theta[i]! - gamma * o.weight_decay * theta[i]!;
			else if (o.weight_decay !== 0) g = g + o.weight_decay * theta[i]!;
			m[i] = beta1 * m[i]! + (1 - beta1) * g;
			v[i] = beta2 * v[i]! + (1 - beta2) * g * g;
			const mHat = m[i]! / (1 - beta1 ** t);
			let vHat: number;
			if (o.amsgrad) {
				vMax[i] = Math.max(vMax[i]!, v[i]!);
				vHat = vMax[i]! / (1 - beta2 ** t);
			} else {
				vHat = v[i]! / (1 - beta2 ** t);
			}
			theta[i] = theta[i]! - (gamma * mHat) / (Math.sqrt(vHat) + o.eps);
		}
	};
}

/** torch.optim.Adamax pseudo-code. */
function adamax(o: Extract<ReferenceOptions, { name: 'adamax' }>, d: number): Stepper {
	const [beta1, beta2] = o.betas;
	const [m, u] = [zeros(d), zeros(d)];
	return (t, theta, grad, gamma) => {
		for (let i = 0; i < d; i++) {
			let g = grad[i]!;
			if (o.weight_decay !== 0) g = g + o.weight_decay * theta[i]!;
			m[i] = beta1 * m[i]! + (1 - beta1) * g;
			u[i] = Math.max(beta2 * u[i]!, Math.abs(g) + o.eps);
			theta[i] = theta[i]! - (gamma * m[i]!) / ((1 - beta1 ** t) * u[i]!);
		}
	};
}

/** torch.optim.NAdam pseudo-code, with the products of mu_i recomputed from their definition every step. */
function nadam(o: Extract<ReferenceOptions, { name: 'nadam' }>, d: number): Stepper {
	const [beta1, beta2] = o.betas;
	const [m, v] = [zeros(d), zeros(d)];
	const mu = (t: number): number => beta1 * (1 - 0.5 * 0.96 ** (t * o.momentum_decay));
	const productOfMu = (upTo: number): number => {
		let product = 1;
		for (let i = 1; i <= upTo; i++) product *= mu(i);
		return product;
	};
	return (t, theta, grad, gamma) => {
		for (let i = 0; i < d; i++) {
			let g = grad[i]!;
			if (o.weight_decay !== 0) {
				if (o.decoupled_weight_decay) theta[i] = theta[i]! - gamma * o.weight_decay * theta[i]!;
				else g = g + o.weight_decay * theta[i]!;
			}
			m[i] = beta1 * m[i]! + (1 - beta1) * g;
			v[i] = beta2 * v[i]! + (1 - beta2) * g * g;
			const mHat = (mu(t + 1) * m[i]!) / (1 - productOfMu(t + 1)) + ((1 - mu(t)) * g) / (1 - productOfMu(t));
			const vHat = v[i]! / (1 - beta2 ** t);
			theta[i] = theta[i]! - (gamma * mHat) / (Math.sqrt(vHat) + o.eps);
		}
	};
}

/** torch.optim.RAdam pseudo-code. */
function radam(o: Extract<ReferenceOptions, { name: 'radam' }>, d: number): Stepper {
	const [beta1, beta2] = o.betas;
	const [m, v] = [zeros(d), zeros(d)];
	const rhoInf = 2 / (1 - beta2) - 1;
	return (t, theta, grad, gamma) => {
		for (let i = 0; i < d; i++) {
			let g = grad[i]!;
			if (o.weight_decay !== 0) {
				if (o.decoupled_weight_decay) theta[i] = theta[i]! - gamma * o.weight_decay * theta[i]!;
				else g = g + o.weight_decay * theta[i]!;
			}
			m[i] = beta1 * m[i]! + (1 - beta1) * g;
			v[i] = beta2 * v[i]! + (1 - beta2) * g * g;
			const mHat = m[i]! / (1 - beta1 ** t);
			const rhoT = rhoInf - (2 * t * beta2 ** t) / (1 - beta2 ** t);
			if (rhoT > 5) {
				const l = Math.sqrt(1 - beta2 ** t) / (Math.sqrt(v[i]!) + o.eps);
				const r = Math.sqrt(((rhoT - 4) * (rhoT - 2) * rhoInf) / ((rhoInf - 4) * (rhoInf - 2) * rhoT));
				theta[i] = theta[i]! - gamma * mHat * r * l;
			} else {
				theta[i] = theta[i]! - gamma * mHat;
			}
		}
	};
}
