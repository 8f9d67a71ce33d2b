/**
 * Registers every `downhill.*` command. Each handler takes optional arguments (so CodeLens, keybindings and tests
 * can call it without UI) and returns a plain result; an error is shown to the user, logged, and the command
 * resolves to undefined.
 */
import * as vscode from 'vscode';
import { exportReportCommand } from '../export/exportReportCommand';
import { checkGradientCommand } from './checkGradientCommand';
import type { CommandContext } from './commandContext';
import { exportTrajectoryCommand } from './exportTrajectoryCommand';
import { openExampleCommand } from './openExample';
import { randomRestartsCommand } from './randomRestartsCommand';
import { sessionCommands } from './sessionCommands';
import { startCommand } from './startCommand';
import { chooseOptimizerCommand, setLearningRateCommand, setStartPointCommand } from './tuneCommands';
import { localizedErrorText } from '../localizeMessage';

type Handler = (context: CommandContext, ...args: never[]) => unknown;

const handlers: Readonly<Record<string, Handler>> = {
	'downhill.start': startCommand,
	...sessionCommands,
	'downhill.setStartPoint': setStartPointCommand,
	'downhill.setLearningRate': setLearningRateCommand,
	'downhill.chooseOptimizer': chooseOptimizerCommand,
	'downhill.randomRestarts': randomRestartsCommand,
	'downhill.checkGradient': checkGradientCommand,
	'downhill.exportTrajectory': exportTrajectoryCommand,
	'downhill.exportReport': exportReportCommand,
};

/** The ids of every command this extension registers (package.json contributes the same list). */
export const commandIds: readonly string[] = [...Object.keys(handlers), 'downhill.openExample'];

export function registerCommands(extension: vscode.ExtensionContext, context: CommandContext): void {
	for (const [id, handler] of Object.entries({ ...handlers, 'downhill.openExample': openExampleCommand(extension.extensionUri) })) {
		extension.subscriptions.push(
			vscode.commands.registerCommand(id, (...args: unknown[]) => run(id, handler, context, args)),
		);
	}
}

async function run(id: string, handler: Handler, context: CommandContext, args: unknown[]): Promise<unknown> {
	try {
		return await (handler as (context: CommandContext, ...args: unknown[]) => unknown)(context, ...args);
	} catch (error) {
		const message = localizedErrorText(error);
		context.log.error(`${id}: ${message}`);
		void vscode.window.showErrorMessage(`Downhill: ${message}`);
		return undefined;
	}
}
