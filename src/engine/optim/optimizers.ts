/**
 * The optimizer registry: the one place where hyper-parameter defaults are resolved and validated.
 *
 * Callers (session, CLI, debug adapter, settings) pass loosely typed options under PyTorch's names; this file fills
 * in PyTorch's defaults with `??`, rejects unknown names, wrong types and out-of-range values the way each
 * `torch.optim` constructor does (plus: every number must be finite), and hands typed options to the algorithm's
 * factory. Defaults and ranges were checked against the constructors in torch/optim/*.py of PyTorch 2.x and
 * https://pytorch.org/docs/stable/optim.html. The one exception is `newton` (newton.ts), which PyTorch does not have.
 */

import { createAdadelta } from './adadelta';
import { createAdafactor } from './adafactor';
import { createAdagrad } from './adagrad';
import { createAdam } from './adam';
import { createAdamax } from './adamax';
import { createAsgd } from './asgd';
import { createLbfgs } from './lbfgs';
import { withMaximize } from './maximize';
import { createNadam } from './nadam';
import { createNewton } from './newton';
import {
	type Optimizer,
	type OptimizerName,
	type OptimizerOptions,
	type OptionValue,
	OptimizerOptionError,
} from './optimizer';
import { createRadam } from './radam';
import { createRmsprop } from './rmsprop';
import { createRprop } from './rprop';
import { createSgd } from './sgd';
import { msg } from '../message';

/** Every optimizer, in the order menus show them. */
export const optimizerNames: readonly OptimizerName[] = Object.freeze([
	'sgd',
	'adagrad',
	'rmsprop',
	'adam',
	'adamw',
	'adamax',
	'nadam',
	'radam',
	'adadelta',
	'rprop',
	'asgd',
	'lbfgs',
	'adafactor',
	'newton',
] as const);

/** How one option is checked: its default and a predicate with the range it names in errors. */
interface OptionSpec {
	/** `count`: a whole number >= 1 (L-BFGS's iteration and history sizes). */
	readonly kind: 'number' | 'count' | 'boolean' | 'betas' | 'etas' | 'pair' | 'choice';
	readonly defaultValue: OptionValue;
	/** Allowed range, e.g. `>= 0`; numbers only, absent when any finite number will do. */
	readonly range?: string;
	readonly accepts?: (value: number) => boolean;
	/** The values a `choice` takes. */
	readonly choices?: readonly string[];
}

const atLeastZero = (value: number): boolean => value >= 0;
const nonNegative = (defaultValue: number): OptionSpec => ({
	kind: 'number',
	defaultValue,
	range: '>= 0',
	accepts: atLeastZero,
});
const anyNumber = (defaultValue: number): OptionSpec => ({ kind: 'number', defaultValue });
const flag = (defaultValue: boolean): OptionSpec => ({ kind: 'boolean', defaultValue });
const betas: OptionSpec = { kind: 'betas', defaultValue: Object.freeze([0.9, 0.999]) };
const maximize = flag(false);
const count = (defaultValue: number): OptionSpec => ({ kind: 'count', defaultValue });

const adamFamily = (lr: number, weightDecay: number): Record<string, OptionSpec> => ({
	lr: nonNegative(lr),
	betas,
	eps: nonNegative(1e-8),
	weight_decay: nonNegative(weightDecay),
});

/** Each optimizer's options in PyTorch's constructor order, with PyTorch's defaults. */
const optionTable: Readonly<Record<OptimizerName, Readonly<Record<string, OptionSpec>>>> = {
	sgd: {
		lr: nonNegative(1e-3),
		momentum: nonNegative(0),
		dampening: anyNumber(0),
		weight_decay: nonNegative(0),
		nesterov: flag(false),
		maximize,
	},
	adagrad: {
		lr: nonNegative(1e-2),
		lr_decay: nonNegative(0),
		weight_decay: nonNegative(0),
		initial_accumulator_value: nonNegative(0),
		eps: nonNegative(1e-10),
		maximize,
	},
	rmsprop: {
		lr: nonNegative(1e-2),
		alpha: nonNegative(0.99),
		eps: nonNegative(1e-8),
		weight_decay: nonNegative(0),
		momentum: nonNegative(0),
		centered: flag(false),
		maximize,
	},
	adam: { ...adamFamily(1e-3, 0), amsgrad: flag(false), decoupled_weight_decay: flag(false), maximize },
	adamw: { ...adamFamily(1e-3, 1e-2), amsgrad: flag(false), maximize },
	adamax: { ...adamFamily(2e-3, 0), maximize },
	nadam: { ...adamFamily(2e-3, 0), momentum_decay: nonNegative(4e-3), decoupled_weight_decay: flag(false), maximize },
	radam: { ...adamFamily(1e-3, 0), decoupled_weight_decay: flag(false), maximize },
	adadelta: {
		lr: nonNegative(1),
		rho: { kind: 'number', defaultValue: 0.9, range: '[0, 1]', accepts: (value) => value >= 0 && value <= 1 },
		eps: nonNegative(1e-6),
		weight_decay: nonNegative(0),
		maximize,
	},
	rprop: {
		lr: nonNegative(1e-2),
		etas: { kind: 'etas', defaultValue: Object.freeze([0.5, 1.2]) },
		step_sizes: { kind: 'pair', defaultValue: Object.freeze([1e-6, 50]) },
		maximize,
	},
	asgd: {
		lr: nonNegative(1e-2),
		lambd: anyNumber(1e-4),
		alpha: anyNumber(0.75),
		t0: anyNumber(1e6),
		weight_decay: nonNegative(0),
		maximize,
	},
	lbfgs: {
		lr: nonNegative(1),
		max_iter: count(20),
		// PyTorch's None: max_iter * 5 // 4, filled in by resolveOptions.
		max_eval: count(25),
		tolerance_grad: anyNumber(1e-7),
		tolerance_change: anyNumber(1e-9),
		history_size: count(100),
		line_search_fn: { kind: 'choice', defaultValue: 'none', choices: ['none', 'strong_wolfe'] },
	},
	adafactor: {
		lr: nonNegative(1e-2),
		beta2_decay: { kind: 'number', defaultValue: -0.8, range: '<= 0', accepts: (value) => value <= 0 },
		// PyTorch's (None, 1e-3): eps1 None is torch.finfo(float64).eps, written out here.
		eps: { kind: 'pair', defaultValue: Object.freeze([Number.EPSILON, 1e-3]) },
		d: { kind: 'number', defaultValue: 1, range: '>= 1', accepts: (value) => value >= 1 },
		weight_decay: nonNegative(0),
		// PyTorch's foreach=None; the for-each kernel computes the same numbers, so the flag changes nothing here.
		foreach: flag(false),
		maximize,
	},
	// Not torch.optim: Downhill's own names (newton.ts).
	newton: { lr: nonNegative(1), eps: { kind: 'number', defaultValue: 1e-8, range: '> 0', accepts: (value) => value > 0 } },
};

/** True when `value` names an optimizer. */
export function isOptimizerName(value: string): value is OptimizerName {
	return (optimizerNames as readonly string[]).includes(value);
}

/** PyTorch's default hyper-parameters of `name`, under PyTorch's names. */
export function optimizerDefaults(name: OptimizerName): OptimizerOptions {
	const defaults: Record<string, OptionValue> = {};
	for (const [key, spec] of Object.entries(specsOf(name))) {
		defaults[key] = spec.defaultValue;
	}
	return Object.freeze(defaults);
}

/**
 * The optimizer `name` with `options` over PyTorch's defaults. Throws `OptimizerOptionError`, naming the option and
 * its allowed range, for unknown option names, wrong types and values PyTorch's constructor would reject.
 */
export function createOptimizer(name: OptimizerName, options: Partial<Record<string, OptionValue>> = {}): Optimizer {
	const resolved = resolveOptions(name, options);
	return withMaximize(builders[name](resolved), resolved);
}

type Resolved = Readonly<Record<string, OptionValue>>;

// The accessors only narrow types: resolveOptions has already checked every value against optionTable.
const num = (o: Resolved, key: string): number => o[key] as number;
const bool = (o: Resolved, key: string): boolean => o[key] as boolean;
const pair = (o: Resolved, key: string): readonly [number, number] => o[key] as readonly [number, number];
const adamCore = (o: Resolved) => ({
	lr: num(o, 'lr'),
	betas: pair(o, 'betas'),
	eps: num(o, 'eps'),
	weight_decay: num(o, 'weight_decay'),
});

/** From resolved options to the algorithm's factory, one line of wiring per optimizer. */
const builders: Readonly<Record<OptimizerName, (o: Resolved) => Optimizer>> = {
	sgd: (o) =>
		createSgd({
			lr: num(o, 'lr'),
			momentum: num(o, 'momentum'),
			dampening: num(o, 'dampening'),
			weight_decay: num(o, 'weight_decay'),
			nesterov: bool(o, 'nesterov'),
		}),
	adagrad: (o) =>
		createAdagrad({
			lr: num(o, 'lr'),
			lr_decay: num(o, 'lr_decay'),
			weight_decay: num(o, 'weight_decay'),
			initial_accumulator_value: num(o, 'initial_accumulator_value'),
			eps: num(o, 'eps'),
		}),
	rmsprop: (o) =>
		createRmsprop({
			lr: num(o, 'lr'),
			alpha: num(o, 'alpha'),
			eps: num(o, 'eps'),
			weight_decay: num(o, 'weight_decay'),
			momentum: num(o, 'momentum'),
			centered: bool(o, 'centered'),
		}),
	adam: (o) =>
		createAdam({
			...adamCore(o),
			amsgrad: bool(o, 'amsgrad'),
			decoupled_weight_decay: bool(o, 'decoupled_weight_decay'),
		}),
	// torch.optim.AdamW is Adam with decoupled_weight_decay=True.
	adamw: (o) => createAdam({ ...adamCore(o), amsgrad: bool(o, 'amsgrad'), decoupled_weight_decay: true }, 'adamw'),
	adamax: (o) => createAdamax(adamCore(o)),
	nadam: (o) =>
		createNadam({
			...adamCore(o),
			momentum_decay: num(o, 'momentum_decay'),
			decoupled_weight_decay: bool(o, 'decoupled_weight_decay'),
		}),
	radam: (o) => createRadam({ ...adamCore(o), decoupled_weight_decay: bool(o, 'decoupled_weight_decay') }),
	adadelta: (o) => createAdadelta({ lr: num(o, 'lr'), rho: num(o, 'rho'), eps: num(o, 'eps'), weight_decay: num(o, 'weight_decay') }),
	rprop: (o) => createRprop({ lr: num(o, 'lr'), etas: pair(o, 'etas'), step_sizes: pair(o, 'step_sizes') }),
	asgd: (o) =>
		createAsgd({ lr: num(o, 'lr'), lambd: num(o, 'lambd'), alpha: num(o, 'alpha'), t0: num(o, 't0'), weight_decay: num(o, 'weight_decay') }),
	lbfgs: (o) =>
		createLbfgs({
			lr: num(o, 'lr'),
			max_iter: num(o, 'max_iter'),
			max_eval: num(o, 'max_eval'),
			tolerance_grad: num(o, 'tolerance_grad'),
			tolerance_change: num(o, 'tolerance_change'),
			history_size: num(o, 'history_size'),
			line_search_fn: o['line_search_fn'] as 'none' | 'strong_wolfe',
		}),
	adafactor: (o) =>
		createAdafactor({
			lr: num(o, 'lr'),
			beta2_decay: num(o, 'beta2_decay'),
			eps: pair(o, 'eps'),
			d: num(o, 'd'),
			weight_decay: num(o, 'weight_decay'),
			foreach: bool(o, 'foreach'),
		}),
	newton: (o) => createNewton({ lr: num(o, 'lr'), eps: num(o, 'eps') }),
};

function specsOf(name: OptimizerName): Readonly<Record<string, OptionSpec>> {
	if (!isOptimizerName(name)) {
		throw new RangeError(`unknown optimizer '${String(name)}'; expected one of ${optimizerNames.join(', ')}`);
	}
	return optionTable[name];
}

/** Defaults filled in with `??`, every value checked; cross-option rules last. */
function resolveOptions(name: OptimizerName, given: Partial<Record<string, OptionValue>>): Record<string, OptionValue> {
	const specs = specsOf(name);
	for (const key of Object.keys(given)) {
		if (!Object.hasOwn(specs, key)) {
			const known = Object.keys(specs).join(', ');
			throw new OptimizerOptionError(name, key, msg`unknown option '${key}'; ${name} accepts ${known}`);
		}
	}
	const resolved: Record<string, OptionValue> = {};
	for (const [key, spec] of Object.entries(specs)) {
		resolved[key] = checkValue(name, key, spec, given[key] ?? derivedDefault(name, key, given) ?? spec.defaultValue);
	}
	const nesterovOk = (resolved['momentum'] as number) > 0 && resolved['dampening'] === 0;
	if (name === 'sgd' && resolved['nesterov'] === true && !nesterovOk) {
		const detail = `got momentum=${String(resolved['momentum'])}, dampening=${String(resolved['dampening'])}`;
		throw new OptimizerOptionError(name, 'nesterov', msg`nesterov requires momentum > 0 and dampening = 0 (${detail})`);
	}
	if (name === 'adafactor') checkAdafactorEps(resolved['eps'] as readonly [number, number]);
	return resolved;
}

/** Adafactor's constructor: "epsilon1 should be >= 0", "epsilon2 should be >= 0". */
function checkAdafactorEps([eps1, eps2]: readonly [number, number]): void {
	if (!(eps1 >= 0)) throw new OptimizerOptionError('adafactor', 'eps', msg`epsilon1 should be >= 0 but is: ${eps1}`);
	if (!(eps2 >= 0)) throw new OptimizerOptionError('adafactor', 'eps', msg`epsilon2 should be >= 0 but is: ${eps2}`);
}

/** A default PyTorch computes from another option: L-BFGS's `max_eval = max_iter * 5 // 4`. */
function derivedDefault(name: OptimizerName, key: string, given: Partial<Record<string, OptionValue>>): OptionValue | undefined {
	const maxIter = given['max_iter'];
	if (name !== 'lbfgs' || key !== 'max_eval' || typeof maxIter !== 'number') return undefined;
	return Math.floor((maxIter * 5) / 4);
}

function checkValue(name: OptimizerName, key: string, spec: OptionSpec, value: unknown): OptionValue {
	switch (spec.kind) {
		case 'boolean':
			if (typeof value !== 'boolean') {
				throw new OptimizerOptionError(name, key, msg`${key} must be true or false, got ${describe(value)}`);
			}
			return value;
		case 'number':
			if (typeof value !== 'number' || !Number.isFinite(value) || (spec.accepts && !spec.accepts(value))) {
				const got = describe(value);
				const message = spec.range === undefined
					? msg`${key} must be a finite number, got ${got}`
					: msg`${key} must be a finite number ${spec.range}, got ${got}`;
				throw new OptimizerOptionError(name, key, message);
			}
			return value;
		case 'count':
			if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
				throw new OptimizerOptionError(name, key, msg`${key} must be a whole number >= 1, got ${describe(value)}`);
			}
			return value;
		case 'betas':
			return checkBetas(name, key, value);
		case 'etas':
		case 'pair':
			return checkPair(name, key, value, spec.kind === 'etas');
		case 'choice':
			if (typeof value !== 'string' || !(spec.choices ?? []).includes(value)) {
				throw new OptimizerOptionError(name, key, msg`${key} must be one of ${(spec.choices ?? []).join(', ')}, got ${describe(value)}`);
			}
			return value;
		default:
			return assertNever(spec.kind);
	}
}

/** PyTorch: `0.0 <= betas[i] < 1.0` for both coefficients. */
function checkBetas(name: OptimizerName, key: string, value: unknown): readonly [number, number] {
	if (!Array.isArray(value) || value.length !== 2) {
		throw new OptimizerOptionError(name, key, msg`${key} must be a pair [beta1, beta2], got ${describe(value)}`);
	}
	value.forEach((beta: unknown, index) => {
		if (typeof beta !== 'number' || !(beta >= 0 && beta < 1)) {
			throw new OptimizerOptionError(name, key, msg`${`${key}[${index}]`} must be in [0, 1), got ${describe(beta)}`);
		}
	});
	return Object.freeze([value[0] as number, value[1] as number] as const);
}

/** Two finite numbers; for Rprop's `etas`, PyTorch's `0 < etaminus < 1 < etaplus`. */
function checkPair(name: OptimizerName, key: string, value: unknown, etas: boolean): readonly [number, number] {
	const numbers = Array.isArray(value) && value.length === 2 && value.every((v: unknown) => typeof v === 'number' && Number.isFinite(v));
	if (!numbers) throw new OptimizerOptionError(name, key, msg`${key} must be a pair of finite numbers, got ${describe(value)}`);
	const [first, second] = value as [number, number];
	if (etas && !(first > 0 && first < 1 && second > 1)) {
		throw new OptimizerOptionError(name, key, msg`${key} must be (etaminus, etaplus) with 0 < etaminus < 1 < etaplus, got ${describe(value)}`);
	}
	return Object.freeze([first, second] as const);
}

function describe(value: unknown): string {
	if (Array.isArray(value)) {
		return `[${value.map(String).join(', ')}]`;
	}
	return typeof value === 'string' ? `'${value}'` : String(value);
}

function assertNever(value: never): never {
	throw new Error(`unreachable: ${String(value)}`);
}
