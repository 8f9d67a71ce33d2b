/**
 * Checks a message from the webview before the host acts on it: unknown or malformed messages are rejected (the
 * host logs and ignores them). Plain structural checks, no dependencies: this file is part of the protocol.
 */
import type { FromWebviewMessage, SessionCommand } from './messages';

const commands: readonly SessionCommand[] = ['step', 'stepMany', 'continue', 'pause', 'stepBack', 'restart'];

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isNumberList = (v: unknown): v is number[] => Array.isArray(v) && v.length <= 100_000 && v.every(isNumber);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The message if it is well-formed, else undefined. */
export function validateFromWebview(message: unknown): FromWebviewMessage | undefined {
	if (!isRecord(message) || typeof message.type !== 'string') return undefined;
	const m = message;
	switch (m.type) {
		case 'ready':
			return { type: 'ready' };
		case 'command':
			return commands.includes(m.command as SessionCommand) ? { type: 'command', command: m.command as SessionCommand } : undefined;
		case 'setLearningRate':
			return isNumber(m.learningRate) && m.learningRate >= 0 ? { type: 'setLearningRate', learningRate: m.learningRate } : undefined;
		case 'setOptimizer':
			return typeof m.optimizer === 'string' && isRecord(m.options) && validOptions(m.options)
				? { type: 'setOptimizer', optimizer: m.optimizer, options: m.options as Record<string, number | boolean | number[]> }
				: undefined;
		case 'setStart':
			return isNumberList(m.x) ? { type: 'setStart', x: m.x } : undefined;
		case 'setSpeed':
			return isNumber(m.stepsPerSecond) && m.stepsPerSecond >= 0 ? { type: 'setSpeed', stepsPerSecond: m.stepsPerSecond } : undefined;
		case 'goTo':
			return isNumber(m.step) && Number.isInteger(m.step) ? { type: 'goTo', step: m.step } : undefined;
		case 'requestLandscape':
			return validLandscapeRequest(m);
		default:
			return undefined;
	}
}

function validOptions(options: Record<string, unknown>): boolean {
	return Object.values(options).every((v) => typeof v === 'boolean' || isNumber(v) || (isNumberList(v) && v.length <= 4));
}

function validLandscapeRequest(m: Record<string, unknown>): FromWebviewMessage | undefined {
	const range = m.range;
	if (!isRecord(range) || !['xMin', 'xMax', 'yMin', 'yMax'].every((k) => isNumber(range[k]))) return undefined;
	if (!(range.xMax as number > (range.xMin as number))) return undefined;
	const axes = m.axes;
	if (!Array.isArray(axes) || axes.length !== 2 || !axes.every((a) => Number.isInteger(a) && a >= -1)) return undefined;
	const sizeOk = (n: unknown) => Number.isInteger(n) && (n as number) >= 1 && (n as number) <= 1000;
	if (!isNumber(m.requestId) || !sizeOk(m.nx) || !sizeOk(m.ny)) return undefined;
	return {
		type: 'requestLandscape',
		requestId: m.requestId,
		range: { xMin: range.xMin as number, xMax: range.xMax as number, yMin: range.yMin as number, yMax: range.yMax as number },
		axes: [axes[0], axes[1]],
		nx: m.nx as number,
		ny: m.ny as number,
	};
}
