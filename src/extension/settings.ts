/**
 * The one place where `downhill.*` settings are read and resolved (`??`, so an explicit 0 stays 0): into the
 * engine's `SessionSettingsInput` for new sessions, and into the panel's display settings. Invalid values are
 * dropped with a problem that names the setting, so a typo in settings.json never stops a session from starting.
 *
 * The editor's default learning rate is 0.1, not PyTorch's (1e-3 for SGD, which the CLI uses): at 0.1 the study
 * note's `(x - 1)^2 + 1` visibly rolls to its minimum in a few dozen steps. Hyper-parameters left at `null` take
 * PyTorch's default for the chosen optimizer.
 */
import * as vscode from 'vscode';
import { createOptimizer, isOptimizerName, optimizerDefaults, type OptimizerName, optimizerNames, type OptionValue, parseSchedule, resolveSessionSettings, type ScheduleSpec, type SessionSettingsInput } from '../engine/index';
import { localizedErrorText } from './localizeMessage';

export type ColorMap = 'viridis' | 'cividis' | 'grayscale';
/** How the panel arranges the plot and the charts; 'auto' follows the panel's width. */
export type PanelLayout = 'auto' | 'stacked' | 'sideBySide';

/** Settings the panel and continue speed use, not the engine. */
export interface ViewSettings {
	/** Updates per second during continue. */
	readonly animationSpeed: number;
	readonly colorMap: ColorMap;
	readonly codeLens: boolean;
	readonly layout: PanelLayout;
}

export interface ResolvedSettings {
	readonly session: SessionSettingsInput;
	readonly view: ViewSettings;
	/** Settings that were ignored, each as `downhill.key: reason`. */
	readonly problems: readonly string[];
}

/** The editor's defaults where they differ from the engine's (the engine's are PyTorch's and the CLI's). */
export const editorDefaults = {
	learningRate: 0.1,
	animationSpeed: 20,
	colorMap: 'viridis' as ColorMap,
	layout: 'auto' as PanelLayout,
};

/** Setting name → PyTorch option name, for the hyper-parameters a user can set in settings.json. */
const hyperParameters: Readonly<Record<string, string>> = {
	learningRate: 'lr',
	momentum: 'momentum',
	dampening: 'dampening',
	nesterov: 'nesterov',
	betas: 'betas',
	eps: 'eps',
	weightDecay: 'weight_decay',
	amsgrad: 'amsgrad',
	maximize: 'maximize',
	lineSearchFn: 'line_search_fn',
};

/** Reads every `downhill.*` setting for `scope` (a document's URI, or the workspace). */
export function readSettings(scope?: vscode.Uri): ResolvedSettings {
	const config = vscode.workspace.getConfiguration('downhill', scope);
	const problems: string[] = [];
	const optimizer = readOptimizer(config, problems);
	const session: SessionSettingsInput = {
		optimizer,
		optimizerOptions: optimizerOptionsFor(optimizer, config, problems),
		schedule: readSchedule(config, problems),
		gradientSource: config.get<'autodiff' | 'numeric'>('gradientSource'),
		maxSteps: config.get<number>('maxSteps'),
		gradientTolerance: config.get<number>('gradientTolerance'),
		lossTolerance: config.get<number>('lossTolerance'),
		divergenceSteps: config.get<number>('divergenceSteps'),
		batchSize: config.get<number>('batchSize'),
		seed: config.get<number>('seed'),
	};
	return { session: checkedSession(session, problems), view: readViewSettings(config), problems };
}

/**
 * Hyper-parameters for `optimizer` from the settings, keeping only those it accepts; `lr` overrides the
 * `learningRate` setting (to carry the live learning rate over when the optimizer changes).
 */
export function optimizerOptionsFor(
	optimizer: OptimizerName,
	config: vscode.WorkspaceConfiguration = vscode.workspace.getConfiguration('downhill'),
	problems: string[] = [],
	lr?: number,
): Record<string, OptionValue> {
	const accepted = optimizerDefaults(optimizer);
	const options: Record<string, OptionValue> = {};
	for (const [setting, option] of Object.entries(hyperParameters)) {
		const value =
			option === 'lr'
				? (lr ?? config.get<number>(setting) ?? editorDefaults.learningRate)
				: config.get<OptionValue | null>(setting);
		if (value === null || value === undefined || !Object.hasOwn(accepted, option)) continue;
		try {
			createOptimizer(optimizer, { ...options, [option]: value });
			options[option] = value;
		} catch (error) {
			problems.push(`downhill.${setting}: ${localizedErrorText(error)}`);
		}
	}
	return options;
}

function readOptimizer(config: vscode.WorkspaceConfiguration, problems: string[]): OptimizerName {
	const name = config.get<string>('optimizer') ?? 'sgd';
	if (isOptimizerName(name)) return name;
	problems.push(`downhill.optimizer: unknown optimizer '${name}'; expected one of ${optimizerNames.join(', ')}`);
	return 'sgd';
}

function readSchedule(config: vscode.WorkspaceConfiguration, problems: string[]): ScheduleSpec {
	const text = config.get<string>('schedule') ?? 'constant';
	try {
		return parseSchedule(text);
	} catch (error) {
		problems.push(`downhill.schedule: ${localizedErrorText(error)}`);
		return { kind: 'constant' };
	}
}

/** Drops, one by one, the stop-rule settings the engine rejects. */
function checkedSession(input: SessionSettingsInput, problems: string[]): SessionSettingsInput {
	let session = input;
	for (let attempt = 0; attempt < 8; attempt++) {
		try {
			resolveSessionSettings(session);
			return session;
		} catch (error) {
			const setting = (error as { setting?: string }).setting;
			if (setting === undefined || !(setting in session)) throw error;
			problems.push(`downhill.${setting}: ${localizedErrorText(error)}`);
			session = { ...session, [setting]: undefined };
		}
	}
	return session;
}

function readViewSettings(config: vscode.WorkspaceConfiguration): ViewSettings {
	const colorMap = config.get<string>('colorMap') ?? editorDefaults.colorMap;
	const speed = config.get<number>('animationSpeed') ?? editorDefaults.animationSpeed;
	const layout = config.get<string>('panelLayout') ?? editorDefaults.layout;
	return {
		animationSpeed: Number.isFinite(speed) && speed >= 0 ? speed : editorDefaults.animationSpeed,
		colorMap: colorMap === 'cividis' || colorMap === 'grayscale' ? colorMap : 'viridis',
		codeLens: config.get<boolean>('codeLens') ?? true,
		layout: layout === 'stacked' || layout === 'sideBySide' ? layout : 'auto',
	};
}
