/**
 * `downhill run`: a headless session: optimizer and schedule with PyTorch's names, continue until a stop, and the
 * trajectory as JSON or a table. With `--restarts N`, random restarts and the minima they found instead.
 */
import { describeStop, isOptimizerName, type Loss, OptimizationSession, type OptionValue, parseSchedule, RandomRestarts, resolveSessionSettings, type SessionSettings, type SessionSettingsInput, type StopResult } from '../engine/index';
import { CliError, toJson } from './cliError';
import { loadLoss, paramFields, parsePoint, type LossArguments } from './lossInput';

export interface RunArguments extends LossArguments {
	readonly start?: string;
	readonly optimizer?: string;
	/** Hyper-parameters by PyTorch name, as given on the command line. */
	readonly options: Readonly<Record<string, OptionValue>>;
	readonly schedule?: string;
	readonly steps?: number;
	readonly until?: string;
	readonly batchSize?: number;
	readonly seed?: number;
	readonly restarts?: number;
	/** Stop-rule settings given on the command line; the rest keep the session's defaults. */
	readonly stopRules?: Pick<SessionSettingsInput, 'gradientTolerance' | 'lossTolerance' | 'divergenceSteps'>;
	readonly json: boolean;
}

export function runCommand(args: RunArguments, out: (line: string) => void): number {
	const loss = loadLoss(args);
	const settings = settingsFrom(args);
	const start = args.start !== undefined ? parsePoint(args.start, loss, '--start') : loss.start;
	if (args.restarts !== undefined) return restartsOutput(loss, settings, args, out);
	const session = new OptimizationSession(loss, settings, start);
	if (args.until !== undefined) {
		const [status] = session.setBreakpoints([{ id: 1, condition: args.until }]);
		if (!status!.verified) throw new CliError(`--until "${args.until}": ${status!.message}`);
	}
	const result = session.continue(args.steps ?? settings.maxSteps);
	if (args.json) out(toJson(trajectoryJson(session, result)));
	else printTable(session, result, out);
	return 0;
}

function settingsFrom(args: RunArguments): SessionSettings {
	const name = args.optimizer ?? 'sgd';
	if (!isOptimizerName(name)) throw new CliError(`unknown --optimizer '${name}'`);
	return resolveSessionSettings({
		optimizer: name,
		optimizerOptions: args.options,
		schedule: args.schedule !== undefined ? parseSchedule(args.schedule) : undefined,
		batchSize: args.batchSize,
		seed: args.seed,
		maxSteps: args.steps,
		...args.stopRules,
	});
}

function trajectoryJson(session: OptimizationSession, result: StopResult) {
	const { points, losses, learningRates } = session.history.slice(0, session.history.length);
	const d = session.loss.params.length;
	const reason = result.reason.kind === 'paused' || result.reason.kind === 'step' ? 'steps' : result.reason.kind;
	return {
		function: session.loss.name,
		...paramFields(session.loss),
		optimizer: { name: session.currentOptimizer.name, ...session.currentOptimizer.options },
		points: Array.from({ length: losses.length }, (_, k) => Array.from(points.subarray(k * d, (k + 1) * d))),
		loss: Array.from(losses),
		lr: Array.from(learningRates),
		stop: {
			reason,
			step: result.step,
			message: describeStop(result.reason),
			...(result.reason.kind === 'diverged' && result.reason.suggestedLearningRate !== undefined
				? { suggestedLearningRate: result.reason.suggestedLearningRate }
				: {}),
		},
		...(result.logs.length > 0 ? { logs: result.logs } : {}),
	};
}

function printTable(session: OptimizationSession, result: StopResult, out: (line: string) => void): void {
	const params = session.loss.params;
	out(['step', 'loss', '‖∇L‖', 'lr', ...params].map((h) => h.padStart(14)).join(''));
	const n = session.history.length;
	const rows = n <= 60 ? [...Array(n).keys()] : [...Array(30).keys(), -1, ...Array.from({ length: 30 }, (_, i) => n - 30 + i)];
	for (const k of rows) {
		if (k < 0) {
			out(`${'…'.padStart(14)} (${n - 60} steps not shown; use --json for all)`);
			continue;
		}
		const h = session.history;
		const cells = [String(k), fmt(h.loss(k)), fmt(h.gradientNorm(k)), fmt(h.learningRate(k)), ...params.map((_, i) => fmt(h.coordinate(k, i)))];
		out(cells.map((c) => c.padStart(14)).join(''));
	}
	out(`${describeStop(result.reason)} (step ${result.step})`);
	for (const line of result.logs) out(line);
}

function fmt(v: number): string {
	return Number.isFinite(v) ? Number(v.toPrecision(6)).toString() : String(v);
}

function restartsOutput(loss: Loss, settings: SessionSettings, args: RunArguments, out: (line: string) => void): number {
	const count = args.restarts!;
	if (!Number.isInteger(count) || count < 1) throw new CliError('--restarts takes a whole number ≥ 1');
	const result = new RandomRestarts(loss, settings, { count, seed: args.seed ?? 0, maxSteps: args.steps }).advance(() => false)!;
	if (args.json) {
		const runs = result.runs.map((r) => ({ ...r, stop: { reason: r.stop.kind, message: describeStop(r.stop) } }));
		out(toJson({ function: loss.name, ...paramFields(loss), restarts: runs, minima: result.minima, best: result.best, box: result.box }));
		return 0;
	}
	out(`${count} restarts of ${loss.name} from [${result.box.low.join(', ')}] … [${result.box.high.join(', ')}]:`);
	result.minima.forEach((m) => out(`  ${m.kind.padEnd(6)} loss ${fmt(m.loss)} at (${m.x.map(fmt).join(', ')}), reached by ${m.count}`));
	const diverged = result.runs.filter((r) => r.minimum < 0).length;
	if (diverged > 0) out(`  ${diverged} diverged`);
	return 0;
}
