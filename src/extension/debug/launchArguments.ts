/**
 * The `downhill` launch configuration: its attributes (the schema lives in package.json under
 * `contributes.debuggers[0].configurationAttributes.launch` and must match `DownhillLaunchArguments`), and their
 * validation into a `DownhillLaunch` the adapter hands to its `ControllerProvider`. Every message names the
 * attribute and says what would be accepted, because the user reads it in a dialog next to launch.json.
 *
 * Hyper-parameters keep PyTorch's names and are checked by the engine's optimizer registry; stop rules by the
 * engine's session settings. This file only gathers them and adds what the engine cannot know (types of JSON).
 */
import type { DebugProtocol } from '@vscode/debugprotocol';
import { createOptimizer, isMessage, isOptimizerName, msg, type OptimizerName, optimizerNames, type OptionValue, parseSchedule, resolveSessionSettings, type SessionSettingsInput, verbatim } from '../../engine/index';
import { TranslatableError } from './translate';

/** PyTorch's hyper-parameter names, as launch attributes. */
export const hyperParameterNames = [
	'lr',
	'momentum',
	'dampening',
	'nesterov',
	'weight_decay',
	'betas',
	'eps',
	'amsgrad',
	'alpha',
	'centered',
	'lr_decay',
	'initial_accumulator_value',
	'momentum_decay',
	'maximize',
	'rho',
	'etas',
	'step_sizes',
	'beta2_decay',
	'd',
	'foreach',
	'lambd',
	't0',
	'max_iter',
	'max_eval',
	'tolerance_grad',
	'tolerance_change',
	'history_size',
	'line_search_fn',
] as const;

/** The launch attributes of a `downhill` configuration, as they arrive from launch.json. */
export interface DownhillLaunchArguments extends DebugProtocol.LaunchRequestArguments {
	/** The file that defines the loss. */
	readonly program?: unknown;
	/** The loss function's name; otherwise the one called `loss`, else the only one. */
	readonly function?: unknown;
	/** The start point, one number per scalar parameter; otherwise the defaults in the source. */
	readonly start?: unknown;
	/** `torch.optim` name in lower case: sgd, adagrad, rmsprop, adam, adamw, adamax, nadam, radam, adadelta, rprop, asgd, lbfgs, adafactor; or
	 * `newton` (damped Newton with the exact Hessian, not a torch.optim optimizer). */
	readonly optimizer?: unknown;
	/** A learning-rate schedule as the CLI writes it, e.g. `step:step_size=30,gamma=0.5`. */
	readonly schedule?: unknown;
	readonly batchSize?: unknown;
	readonly seed?: unknown;
	readonly maxSteps?: unknown;
	readonly gradientTolerance?: unknown;
	readonly lossTolerance?: unknown;
	/** Stop at the start point (default true); false runs to the first stop. */
	readonly stopOnEntry?: unknown;
	/** Log the Debug Adapter Protocol traffic. */
	readonly trace?: unknown;
	readonly [hyperParameter: string]: unknown;
}

/** A validated launch: what the `ControllerProvider` needs to open the loss and start a session. */
export interface DownhillLaunch {
	readonly program: string;
	readonly functionName?: string;
	readonly start?: number[];
	readonly settings: SessionSettingsInput;
	readonly stopOnEntry: boolean;
	readonly trace: boolean;
}

/** A launch attribute the user must fix; the message is shown in the user's language. */
export class LaunchConfigurationError extends TranslatableError {
	override readonly name = 'LaunchConfigurationError';
}

/** Validates `args`; throws `LaunchConfigurationError` naming the first bad attribute. */
export function parseLaunchArguments(args: DownhillLaunchArguments): DownhillLaunch {
	if (typeof args.program !== 'string' || args.program.trim() === '') {
		throw new LaunchConfigurationError(msg`'program' must name the file that defines the loss, e.g. ${'"${file}"'}`);
	}
	const functionName = optionalString(args, 'function');
	const start = args.start === undefined ? undefined : numberArray(args.start, 'start');
	const settings = sessionSettings(args);
	return {
		program: args.program,
		functionName,
		start,
		settings,
		stopOnEntry: optionalBoolean(args, 'stopOnEntry') ?? true,
		trace: optionalBoolean(args, 'trace') ?? false,
	};
}

/**
 * The settings the launch sets; absent attributes stay undefined, so in VS Code the user's `downhill.*` settings
 * fill them. Hyper-parameters are checked against the named optimizer (without one, the session checks them
 * against the optimizer the settings choose).
 */
function sessionSettings(args: DownhillLaunchArguments): SessionSettingsInput {
	const optimizer = args.optimizer === undefined ? undefined : optimizerName(args.optimizer);
	const options = hyperParameters(args);
	const optimizerOptions = Object.keys(options).length > 0 ? options : undefined;
	if (optimizer !== undefined) rethrow(() => createOptimizer(optimizer, options));
	const schedule = args.schedule === undefined ? undefined : rethrow(() => parseSchedule(requireString(args, 'schedule')));
	const settings: SessionSettingsInput = {
		optimizer,
		optimizerOptions,
		schedule,
		batchSize: optionalNumber(args, 'batchSize'),
		seed: optionalNumber(args, 'seed'),
		maxSteps: optionalNumber(args, 'maxSteps'),
		gradientTolerance: optionalNumber(args, 'gradientTolerance'),
		lossTolerance: optionalNumber(args, 'lossTolerance'),
	};
	rethrow(() => resolveSessionSettings(settings));
	return settings;
}

function optimizerName(value: unknown): OptimizerName {
	if (typeof value === 'string' && isOptimizerName(value.toLowerCase())) return value.toLowerCase() as OptimizerName;
	throw new LaunchConfigurationError(msg`'optimizer' must be one of ${optimizerNames.join(', ')}; got ${JSON.stringify(value)}`);
}

/** The PyTorch-named attributes present in `args`; their values are checked by the optimizer registry. */
function hyperParameters(args: DownhillLaunchArguments): Record<string, OptionValue> {
	const options: Record<string, OptionValue> = {};
	for (const name of hyperParameterNames) {
		const value = args[name];
		if (value === undefined) continue;
		// Strings are choices (line_search_fn); the optimizer registry checks each value against its option.
		if (typeof value !== 'number' && typeof value !== 'boolean' && typeof value !== 'string' && !Array.isArray(value)) {
			throw new LaunchConfigurationError(msg`'${name}' must be a number, true/false or [beta1, beta2]; got ${JSON.stringify(value)}`);
		}
		options[name] = value as OptionValue;
	}
	return options;
}

/** Runs `f`, turning an engine validation error into a `LaunchConfigurationError` with the same message. */
function rethrow<T>(f: () => T): T {
	try {
		return f();
	} catch (error) {
		const detail = (error as { detail?: unknown } | undefined)?.detail;
		throw new LaunchConfigurationError(isMessage(detail) ? detail : verbatim(error instanceof Error ? error.message : String(error)));
	}
}

function optionalString(args: DownhillLaunchArguments, key: string): string | undefined {
	return args[key] === undefined ? undefined : requireString(args, key);
}

function requireString(args: DownhillLaunchArguments, key: string): string {
	const value = args[key];
	if (typeof value !== 'string') throw new LaunchConfigurationError(msg`'${key}' must be a string; got ${JSON.stringify(value)}`);
	return value;
}

function optionalNumber(args: DownhillLaunchArguments, key: string): number | undefined {
	const value = args[key];
	if (value === undefined) return undefined;
	if (typeof value !== 'number' || !Number.isFinite(value)) {
		throw new LaunchConfigurationError(msg`'${key}' must be a finite number; got ${JSON.stringify(value)}`);
	}
	return value;
}

function optionalBoolean(args: DownhillLaunchArguments, key: string): boolean | undefined {
	const value = args[key];
	if (value === undefined || typeof value === 'boolean') return value;
	throw new LaunchConfigurationError(msg`'${key}' must be true or false; got ${JSON.stringify(value)}`);
}

function numberArray(value: unknown, key: string): number[] {
	if (!Array.isArray(value) || !value.every((v) => typeof v === 'number' && Number.isFinite(v))) {
		throw new LaunchConfigurationError(msg`'${key}' must be an array of finite numbers, one per parameter; got ${JSON.stringify(value)}`);
	}
	return value as number[];
}
