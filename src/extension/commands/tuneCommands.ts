/**
 * Commands that change the active session: Set Start Point, Set Learning Rate and Choose Optimizer. Each takes its
 * value as an optional argument (for tests, CodeLens and keybindings) and otherwise asks with a validated input box
 * or a QuickPick of PyTorch's optimizers with their default hyper-parameters.
 */
import * as vscode from 'vscode';
import { formatNumber, optimizerDefaults, optimizerNames, type OptionValue } from '../../engine/index';
import { learningRateOf, setLearningRate, setOptimizer, setStartPoint } from '../session/sessionActions';
import { activeOrHint, summarize, type CommandContext, type SessionSummary } from './commandContext';
import { parseLearningRate, parsePoint } from './parseInput';

/** `downhill.setStartPoint([x, y])`, or `"x, y"`, or asks. Restarts from the point. */
export async function setStartPointCommand(
	context: CommandContext,
	point?: unknown,
): Promise<SessionSummary | undefined> {
	const controller = activeOrHint(context);
	if (!controller) return undefined;
	const { params } = controller.loss;
	let x: number[] | undefined = Array.isArray(point) ? point.map(Number) : undefined;
	if (typeof point === 'string') x = parsePoint(point, params.length, params).value;
	x ??= await askPoint(params, Array.from(controller.session.start));
	if (!x) return undefined;
	setStartPoint(controller, x);
	return summarize(controller);
}

async function askPoint(params: readonly string[], start: readonly number[]): Promise<number[] | undefined> {
	const text = await vscode.window.showInputBox({
		title: vscode.l10n.t('Downhill: Start Point'),
		prompt: vscode.l10n.t('Values for {0}, separated by commas', params.join(', ')),
		value: start.map(formatNumber).join(', '),
		validateInput: (input) => parsePoint(input, params.length, params).error,
	});
	return text === undefined ? undefined : parsePoint(text, params.length, params).value;
}

/** `downhill.setLearningRate(0.05)`, or asks. Applies from the next update. */
export async function setLearningRateCommand(
	context: CommandContext,
	learningRate?: unknown,
): Promise<SessionSummary | undefined> {
	const controller = activeOrHint(context);
	if (!controller) return undefined;
	let lr = typeof learningRate === 'number' ? learningRate : undefined;
	if (typeof learningRate === 'string') lr = parseLearningRate(learningRate).value;
	lr ??= await askLearningRate(learningRateOf(controller));
	if (lr === undefined) return undefined;
	setLearningRate(controller, lr);
	return summarize(controller);
}

async function askLearningRate(current: number): Promise<number | undefined> {
	const text = await vscode.window.showInputBox({
		title: vscode.l10n.t('Downhill: Learning Rate'),
		prompt: vscode.l10n.t('The learning rate η in w ← w − η·∇L (applies from the next step)'),
		value: formatNumber(current),
		validateInput: (input) => parseLearningRate(input).error,
	});
	return text === undefined ? undefined : parseLearningRate(text).value;
}

/** `downhill.chooseOptimizer('adam', { betas: [0.8, 0.99] })`, or asks with a QuickPick. */
export async function chooseOptimizerCommand(
	context: CommandContext,
	name?: unknown,
	options?: unknown,
): Promise<SessionSummary | undefined> {
	const controller = activeOrHint(context);
	if (!controller) return undefined;
	const chosen = typeof name === 'string' ? name : await pickOptimizer(controller.session.currentOptimizer.name);
	if (chosen === undefined) return undefined;
	const given = typeof options === 'object' && options !== null ? (options as Record<string, OptionValue>) : undefined;
	setOptimizer(controller, chosen, given);
	return summarize(controller);
}

async function pickOptimizer(current: string): Promise<string | undefined> {
	const items = optimizerNames.map((name) => ({
		label: name,
		description: name === current ? vscode.l10n.t('current') : undefined,
		detail: Object.entries(optimizerDefaults(name))
			.map(([key, value]) => `${key}=${formatOption(value)}`)
			.join(', '),
	}));
	const picked = await vscode.window.showQuickPick(items, {
		title: vscode.l10n.t('Downhill: Optimizer (torch.optim, PyTorch defaults; the learning rate carries over)'),
		placeHolder: current,
	});
	return picked?.label;
}

function formatOption(value: OptionValue): string {
	if (Array.isArray(value)) return `(${value.map(formatNumber).join(', ')})`;
	return typeof value === 'number' ? formatNumber(value) : String(value);
}
