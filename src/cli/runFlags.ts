/**
 * The flags of `downhill run` and their mapping to PyTorch's hyper-parameter names, plus the usage text.
 */
import type { OptionValue } from '../engine/index';
import { CliError } from './cliError';

export const runFlags = {
	start: { type: 'string' },
	optimizer: { type: 'string' },
	lr: { type: 'string' },
	momentum: { type: 'string' },
	dampening: { type: 'string' },
	nesterov: { type: 'boolean' },
	'weight-decay': { type: 'string' },
	betas: { type: 'string' },
	eps: { type: 'string' },
	amsgrad: { type: 'boolean' },
	alpha: { type: 'string' },
	centered: { type: 'boolean' },
	'lr-decay': { type: 'string' },
	'initial-accumulator-value': { type: 'string' },
	'momentum-decay': { type: 'string' },
	'decoupled-weight-decay': { type: 'boolean' },
	maximize: { type: 'boolean' },
	rho: { type: 'string' },
	etas: { type: 'string' },
	'step-sizes': { type: 'string' },
	'beta2-decay': { type: 'string' },
	d: { type: 'string' },
	foreach: { type: 'boolean' },
	lambd: { type: 'string' },
	t0: { type: 'string' },
	'max-iter': { type: 'string' },
	'max-eval': { type: 'string' },
	'tolerance-grad': { type: 'string' },
	'tolerance-change': { type: 'string' },
	'history-size': { type: 'string' },
	'line-search-fn': { type: 'string' },
	schedule: { type: 'string' },
	steps: { type: 'string' },
	until: { type: 'string' },
	'batch-size': { type: 'string' },
	seed: { type: 'string' },
	restarts: { type: 'string' },
	'gradient-tolerance': { type: 'string' },
	'loss-tolerance': { type: 'string' },
	'divergence-steps': { type: 'string' },
	'no-divergence-stop': { type: 'boolean' },
} as const;

const numericFlags = [
	'lr',
	'momentum',
	'dampening',
	'weight-decay',
	'alpha',
	'lr-decay',
	'initial-accumulator-value',
	'momentum-decay',
	'rho',
	'beta2-decay',
	'd',
	'lambd',
	't0',
	'max-iter',
	'max-eval',
	'tolerance-grad',
	'tolerance-change',
	'history-size',
];
const booleanFlags = ['nesterov', 'amsgrad', 'centered', 'decoupled-weight-decay', 'maximize', 'foreach'];
/** Flags that take two numbers A,B: PyTorch's tuples. `--eps` takes one number, or Adafactor's pair (eps1, eps2). */
const pairFlags = ['betas', 'etas', 'step-sizes'];

/** The hyper-parameters given on the command line, under PyTorch's names (`--weight-decay` → `weight_decay`). */
export function hyperParameters(values: Record<string, unknown>): Record<string, OptionValue> {
	const options: Record<string, OptionValue> = {};
	const name = (flag: string): string => flag.replaceAll('-', '_');
	for (const flag of numericFlags) if (values[flag] !== undefined) options[name(flag)] = numberFlag(flag, values[flag]);
	for (const flag of booleanFlags) if (values[flag] === true) options[name(flag)] = true;
	for (const flag of pairFlags) if (values[flag] !== undefined) options[name(flag)] = pairFlag(flag, values[flag]);
	const eps = values['eps'];
	if (eps !== undefined) options.eps = typeof eps === 'string' && eps.includes(',') ? pairFlag('eps', eps) : numberFlag('eps', eps);
	if (typeof values['line-search-fn'] === 'string') options.line_search_fn = values['line-search-fn'];
	return options;
}

function numberFlag(flag: string, text: unknown): number {
	const value = Number(text);
	if (typeof text !== 'string' || text.trim() === '' || Number.isNaN(value)) throw new CliError(`--${flag} takes a number, not '${String(text)}'`);
	return value;
}

function pairFlag(flag: string, text: unknown): number[] {
	const pair = String(text).split(',').map(Number);
	if (pair.length !== 2 || pair.some(Number.isNaN)) throw new CliError(`--${flag} takes two numbers A,B, not '${String(text)}'`);
	return pair;
}

export const usage = `downhill: step through gradient descent on your own loss, headless.

Usage:
  downhill grad  FILE [--function NAME] [--at V1,V2,...]... [--numeric] [--json]
  downhill check FILE [--function NAME] [--at V1,V2,...]... [--tolerance T] [--json]
  downhill list  FILE [--json]
  downhill run   FILE [--function NAME] [--start V1,V2,...]
                 [--optimizer sgd|adagrad|rmsprop|adam|adamw|adamax|nadam|radam|adadelta|rprop|asgd|lbfgs|adafactor|newton]
                 [--lr X] [--momentum X] [--dampening X] [--nesterov] [--weight-decay X] [--betas B1,B2] [--eps X]
                 [--amsgrad] [--alpha X] [--centered] [--lr-decay X] [--initial-accumulator-value X]
                 [--momentum-decay X] [--decoupled-weight-decay] [--maximize] [--rho X] [--etas A,B]
                 [--step-sizes A,B] [--lambd X] [--t0 X] [--max-iter N] [--max-eval N] [--tolerance-grad X]
                 [--tolerance-change X] [--history-size N] [--line-search-fn none|strong_wolfe]
                 [--beta2-decay X] [--d X] [--foreach] [--eps EPS1,EPS2 (Adafactor)]
                 [--schedule SCHEDULE]
                 [--steps N] [--until "CONDITION"] [--batch-size B] [--seed S] [--restarts N] [--json]
                 [--gradient-tolerance X] [--loss-tolerance X] [--divergence-steps N | --no-divergence-stop]

FILE is a .js/.mjs/.cjs/.ts, .py, .math/.txt, .md or .tex file, or - for standard input (then pass --language).
SCHEDULE is a scheduler of torch.optim.lr_scheduler with PyTorch's argument names (quote it in a shell):
  constant | step:step_size=30[,gamma=0.1] | multistep:milestones=[30,80] | constantlr[:factor=0.5,total_iters=5]
  | linear[:start_factor=0.25,end_factor=1,total_iters=5] | warmup:steps=10 | exponential:gamma=0.9
  | polynomial[:total_iters=5,power=1] | cosine:T_max=100[,eta_min=0] | cosine_restarts:T_0=10[,T_mult=2]
  | onecycle:total_steps=100[,max_lr=0.1,pct_start=0.3,...] | cyclic:max_lr=0.1[,base_lr=0.001,mode=triangular2,...]
  | plateau[:mode=min,factor=0.1,patience=10,...] | sequential:schedulers=[S1; S2],milestones=[N] | chained:schedulers=[S1; S2]
--steps is at most 10000000 and --restarts at most 10000. Negative numbers may follow a flag (--start -1.5,2).
Exact N updates (to compare with PyTorch): --steps N --gradient-tolerance 0 --loss-tolerance 0 --no-divergence-stop.
Exit codes: 0 ok; 1 gradient check failed; 2 bad input or arguments.`;
