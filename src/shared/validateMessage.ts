/**
 * Checks a message from the webview before the host acts on it: unknown or malformed messages are rejected (the
 * host logs and ignores them). Plain structural checks, no dependencies: this file is part of the protocol.
 */
import type { FromWebviewMessage, SessionCommand, SlicePlaneRequest, ViewRange } from './messages';

const commands: readonly SessionCommand[] = ['step', 'stepMany', 'continue', 'pause', 'stepBack', 'restart'];

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isNumberList = (v: unknown): v is number[] => Array.isArray(v) && v.length <= 100_000 && v.every(isNumber);
/** PNG data URLs up to about 20 MB of text. */
export const maxImageUrlLength = 20_000_000;
const pngPrefix = 'data:image/png;base64,';
const isPngDataUrl = (v: unknown): v is string =>
	typeof v === 'string' && v.length > pngPrefix.length && v.length <= maxImageUrlLength && v.startsWith(pngPrefix) &&
	/^[A-Za-z0-9+/]+={0,2}$/.test(v.slice(pngPrefix.length));
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
		case 'runRestarts':
			return Number.isInteger(m.count) && (m.count as number) >= 1 && (m.count as number) <= 1000 ? { type: 'runRestarts', count: m.count as number } : undefined;
		case 'requestBasins':
			return validBasinsRequest(m);
		case 'cancelBasins':
			return { type: 'cancelBasins' };
		case 'requestBatchNoise':
			return isNumber(m.requestId) && Number.isInteger(m.count) && (m.count as number) >= 1 && (m.count as number) <= 200
				? { type: 'requestBatchNoise', requestId: m.requestId, count: m.count as number }
				: undefined;
		case 'requestBruteForce':
			return validBruteForceRequest(m);
		case 'addRun':
			return typeof m.optimizer === 'string' && isRecord(m.options) && validOptions(m.options)
				? { type: 'addRun', optimizer: m.optimizer, options: m.options as Record<string, number | boolean | number[]> }
				: undefined;
		case 'changeRun':
			return Number.isInteger(m.id) && (m.change === 'remove' || m.change === 'hide' || m.change === 'show')
				? { type: 'changeRun', id: m.id as number, change: m.change }
				: undefined;
		case 'requestSweep':
			return isNumber(m.requestId) ? { type: 'requestSweep', requestId: m.requestId } : undefined;
		case 'image':
			return isNumber(m.requestId) && isPngDataUrl(m.dataUrl) ? { type: 'image', requestId: m.requestId, dataUrl: m.dataUrl } : undefined;
		case 'requestLineSearch':
			return isNumber(m.requestId) ? { type: 'requestLineSearch', requestId: m.requestId } : undefined;
		case 'tryLearningRate':
			return isNumber(m.learningRate) && m.learningRate > 0 ? { type: 'tryLearningRate', learningRate: m.learningRate } : undefined;
		default:
			return undefined;
	}
}

function validOptions(options: Record<string, unknown>): boolean {
	return Object.values(options).every((v) => typeof v === 'boolean' || isNumber(v) || (isNumberList(v) && v.length <= 4));
}

function validRange(range: unknown): ViewRange | undefined {
	if (!isRecord(range) || !['xMin', 'xMax', 'yMin', 'yMax'].every((k) => isNumber(range[k]))) return undefined;
	if (!(range.xMax as number > (range.xMin as number))) return undefined;
	return { xMin: range.xMin as number, xMax: range.xMax as number, yMin: range.yMin as number, yMax: range.yMax as number };
}

/** A basin map of at most 128 × 128 starts over a non-empty rectangle. */
function validBasinsRequest(m: Record<string, unknown>): FromWebviewMessage | undefined {
	const range = validRange(m.range);
	const sizeOk = (n: unknown) => Number.isInteger(n) && (n as number) >= 2 && (n as number) <= 128;
	if (!range || !(range.yMax > range.yMin) || !isNumber(m.requestId) || !sizeOk(m.nx) || !sizeOk(m.ny)) return undefined;
	return { type: 'requestBasins', requestId: m.requestId, range, nx: m.nx as number, ny: m.ny as number };
}

/** At most 500 values per axis (250,000 evaluations over two axes). */
function validBruteForceRequest(m: Record<string, unknown>): FromWebviewMessage | undefined {
	const range = validRange(m.range);
	const axes = m.axes;
	if (!range || !isNumber(m.requestId) || !Number.isInteger(m.k) || (m.k as number) < 2 || (m.k as number) > 500) return undefined;
	if (!Array.isArray(axes) || axes.length !== 2 || !axes.every((a) => Number.isInteger(a) && a >= -1)) return undefined;
	return { type: 'requestBruteForce', requestId: m.requestId, range, axes: [axes[0], axes[1]], k: m.k as number };
}

function validLandscapeRequest(m: Record<string, unknown>): FromWebviewMessage | undefined {
	const range = validRange(m.range);
	if (!range) return undefined;
	const axes = m.axes;
	if (!Array.isArray(axes) || axes.length !== 2 || !axes.every((a) => Number.isInteger(a) && a >= -1)) return undefined;
	const sizeOk = (n: unknown) => Number.isInteger(n) && (n as number) >= 1 && (n as number) <= 1000;
	if (!isNumber(m.requestId) || !sizeOk(m.nx) || !sizeOk(m.ny)) return undefined;
	const plane = m.plane === undefined ? undefined : validPlane(m.plane);
	if (m.plane !== undefined && !plane) return undefined;
	return {
		type: 'requestLandscape',
		requestId: m.requestId,
		range,
		axes: [axes[0], axes[1]],
		nx: m.nx as number,
		ny: m.ny as number,
		...(plane ? { plane } : {}),
	};
}

/** The path's principal plane, or an origin and two directions of one length (at least 2), not zero. */
function validPlane(plane: unknown): SlicePlaneRequest | undefined {
	if (!isRecord(plane)) return undefined;
	if (plane.kind === 'pathPrincipal') return { kind: 'pathPrincipal' };
	const { origin, u, v } = plane;
	if (plane.kind !== 'vectors' || !isNumberList(origin) || !isNumberList(u) || !isNumberList(v)) return undefined;
	if (origin.length < 2 || u.length !== origin.length || v.length !== origin.length) return undefined;
	if (!u.some((x) => x !== 0) || !v.some((x) => x !== 0)) return undefined;
	return { kind: 'vectors', origin, u, v };
}
