/**
 * The optimizer contract of the engine.
 *
 * An optimizer is a small pure unit: `init` makes its state, `step` applies one update in place. The state is plain
 * data (a step count, named `Float64Array` buffers and named scalars, all under PyTorch's names) so the session can
 * copy it into history, the debugger can show it and step-back can restore it. Every optimizer follows PyTorch 2.x
 * `torch.optim` (the `_single_tensor_*` functions) in float64; `optimizers.ts` is the registry that resolves and
 * validates hyper-parameters, one file per algorithm holds the update rule.
 */
import { formatMessage, msg, type Message } from '../message';

/** The optimizers Downhill offers, named as in `torch.optim` (lower case). */
export type OptimizerName =
	| 'sgd'
	| 'adagrad'
	| 'rmsprop'
	| 'adam'
	| 'adamw'
	| 'adamax'
	| 'nadam'
	| 'radam'
	| 'adadelta'
	| 'rprop'
	| 'asgd'
	| 'lbfgs'
	| 'adafactor'
	| 'newton';

/** A hyper-parameter value: a number, a flag, a tuple such as `betas`, or a choice such as `line_search_fn`. */
export type OptionValue = number | boolean | string | readonly number[];

/**
 * The loss as an optimizer that re-evaluates it sees it (PyTorch's `closure`): L-BFGS calls it inside its step.
 * `loss` is L at the parameters `step` was given (PyTorch's first closure call, which the session already made).
 */
export interface Objective {
	readonly loss: number;
	/** L at `x`, with ∇L written into `gradient`. */
	evaluate(x: Float64Array, gradient: Float64Array): number;
	/** H(x)·v of the same loss (the same batch) into `out`, for the `newton` method. */
	hessianVector?(x: Float64Array, v: Float64Array, out: Float64Array): void;
}

/** Resolved hyper-parameters under PyTorch's names (`lr`, `betas`, `weight_decay`, ...). */
export type OptimizerOptions = Readonly<Record<string, OptionValue>>;

/** Explicit, displayable optimizer state. */
export interface OptimizerState {
	/** PyTorch's `step` count: 0 before the first update, incremented at the start of each update. */
	step: number;
	/**
	 * Per-parameter buffers under PyTorch's state names: `momentum_buffer`, `sum`, `square_avg`, `grad_avg`,
	 * `exp_avg`, `exp_avg_sq`, `max_exp_avg_sq`, `exp_inf`. Only the buffers PyTorch would create are present.
	 */
	readonly buffers: Record<string, Float64Array>;
	/** Per-optimizer scalars under PyTorch's names, e.g. `mu_product` for NAdam. */
	scalars: Record<string, number>;
	/** The parameter tensors' shapes, for optimizers that treat each tensor apart (Adafactor's factored moments). */
	readonly shapes?: readonly (readonly number[])[];
}

/** One optimization algorithm with its hyper-parameters bound. */
export interface Optimizer {
	readonly name: OptimizerName;
	/** Resolved hyper-parameters (PyTorch names); `lr` is the base learning rate the schedule starts from. */
	readonly options: OptimizerOptions;
	/**
	 * Fresh state for `size` parameters, as PyTorch's lazy state initialization creates it. `shapes` are the parameter
	 * tensors' shapes in order (`[]` scalar, `[n]` vector, `[r, c]` matrix), for the optimizers that use them.
	 */
	init(size: number, shapes?: readonly (readonly number[])[]): OptimizerState;
	/**
	 * One update in place: reads gradient (never writes it), writes params and state. `lr` is this step's learning
	 * rate (from the schedule). Does not allocate. Throws a `RangeError` when the array lengths do not match the state.
	 */
	step(state: OptimizerState, params: Float64Array, gradient: Float64Array, lr: number, objective?: Objective): void;
	/** True when `step` needs the `objective` (L-BFGS's closure, Newton's Hessian); the others use only the gradient. */
	readonly evaluates?: boolean;
}

/** A hyper-parameter is unknown, has the wrong type, or lies outside the range PyTorch accepts. */
export class OptimizerOptionError extends Error {
	override readonly name = 'OptimizerOptionError';
	/** The optimizer the option was given to. */
	readonly optimizer: OptimizerName;
	/** The offending option's name, as the user wrote it. */
	readonly option: string;

	/** The message as a template and its arguments, for a translation (see `message.ts`). */
	readonly detail: Message;

	constructor(optimizer: OptimizerName, option: string, message: Message) {
		const detail = msg`${optimizer}: ${message}`;
		super(formatMessage(detail));
		this.detail = detail;
		this.optimizer = optimizer;
		this.option = option;
	}
}

/** A deep copy of `state`: new buffers with the same contents, for history and step-back. */
export function cloneState(state: OptimizerState): OptimizerState {
	const buffers: Record<string, Float64Array> = {};
	for (const [key, buffer] of Object.entries(state.buffers)) {
		buffers[key] = buffer.slice();
	}
	return { step: state.step, buffers, scalars: { ...state.scalars }, ...(state.shapes ? { shapes: state.shapes } : {}) };
}
