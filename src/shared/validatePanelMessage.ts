/**
 * The host's one check of what the panel posts (the panel is the less trusted side: a webview that shows what a
 * user's file computes). `readPanelEnvelope` accepts an envelope (`envelope.ts`) only when it is bounded plain data
 * (`boundedData.ts`) and its body is a message of the panel's contract with every field in range: finite numbers
 * where numbers must be finite, integer sizes within their caps, ranges with `xMax > xMin` and `yMax > yMin`,
 * strings within their lengths. It returns a fresh copy holding only the known fields, or undefined; it never
 * throws. The panel does not check what its host sends: the host is the same bundle's other half.
 */
import type { DataBounds } from './boundedData';
import { isBoundedData } from './boundedData';
import type { Envelope, ErrorReply } from './envelope';
import { readEnvelope } from './envelope';
import type { FromWebviewMessage, OptimizerOptionsInfo, PanelImage, PanelNotice, PanelRequest, SessionCommand, SlicePlaneRequest, ViewRange } from './messages';

/** PNG data URLs up to about 20 MB of text. */
export const maxImageUrlLength = 20_000_000;

/** What a panel message may be at most: a plane of three 100,000-number vectors, or one image. */
export const panelBounds: DataBounds = { maxDepth: 8, maxNodes: 400_000, maxTextLength: maxImageUrlLength + 100_000 };

/** Longest optimizer name or option key, and longest error text, the panel may send. */
const maxNameLength = 64;
const maxErrorLength = 2_000;
const maxVectorLength = 100_000;
/** The last source line a Graph view node may name. */
const maxLine = 10_000_000;
const commands: ReadonlySet<string> = new Set<SessionCommand>(['step', 'stepMany', 'continue', 'pause', 'stepBack', 'restart']);
const pngPrefix = 'data:image/png;base64,';

type Fields = Readonly<Record<string, unknown>>;
const isFinite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isInteger = (v: unknown, low: number, high: number): v is number => Number.isInteger(v) && (v as number) >= low && (v as number) <= high;
const isName = (v: unknown): v is string => typeof v === 'string' && v.length >= 1 && v.length <= maxNameLength;
const isFields = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);
const isVector = (v: unknown, min = 1): v is number[] => Array.isArray(v) && v.length >= min && v.length <= maxVectorLength && v.every(isFinite);

/** The envelope if it is one the panel may send, copied to its known fields; else undefined. */
export function readPanelEnvelope(raw: unknown): Envelope | undefined {
	if (!isBoundedData(raw, panelBounds)) return undefined;
	const envelope = readEnvelope(raw);
	switch (envelope?.kind) {
		case 'notice': {
			const body = panelNotice(envelope.body as unknown as Fields);
			return body && { kind: 'notice', body };
		}
		case 'request': {
			const body = panelRequest(envelope.body as unknown as Fields);
			return body && { kind: 'request', messageId: envelope.messageId, body };
		}
		case 'reply': {
			const body = panelImage(envelope.body);
			return body && envelope.final ? { kind: 'reply', inReplyTo: envelope.inReplyTo, final: true, body } : undefined;
		}
		case 'error': {
			const error: ErrorReply = { message: envelope.error.message };
			return error.message.length <= maxErrorLength ? { kind: 'error', inReplyTo: envelope.inReplyTo, error } : undefined;
		}
		case 'cancel':
			return envelope;
		default:
			return undefined;
	}
}

/** A body the panel may send (a notice or a request), copied to its known fields; else undefined. Never throws. */
export function validateFromWebview(raw: unknown): FromWebviewMessage | undefined {
	if (!isBoundedData(raw, panelBounds) || !isFields(raw)) return undefined;
	return panelNotice(raw) ?? panelRequest(raw);
}

/** A notice body of the panel's contract, copied; else undefined. */
function panelNotice(m: Fields): PanelNotice | undefined {
	switch (m.type) {
		case 'ready':
			return { type: 'ready' };
		case 'command':
			return typeof m.command === 'string' && commands.has(m.command) ? { type: 'command', command: m.command as SessionCommand } : undefined;
		case 'setLearningRate':
			return isFinite(m.learningRate) && m.learningRate >= 0 ? { type: 'setLearningRate', learningRate: m.learningRate } : undefined;
		case 'tryLearningRate':
			return isFinite(m.learningRate) && m.learningRate > 0 ? { type: 'tryLearningRate', learningRate: m.learningRate } : undefined;
		case 'setOptimizer':
		case 'addRun': {
			const options = optimizerOptions(m.options);
			return isName(m.optimizer) && options ? { type: m.type, optimizer: m.optimizer, options } : undefined;
		}
		case 'setStart':
			return isVector(m.x) ? { type: 'setStart', x: [...m.x] } : undefined;
		case 'setSpeed':
			return isFinite(m.stepsPerSecond) && m.stepsPerSecond >= 0 ? { type: 'setSpeed', stepsPerSecond: m.stepsPerSecond } : undefined;
		case 'goTo':
			return isInteger(m.step, 0, Number.MAX_SAFE_INTEGER) ? { type: 'goTo', step: m.step } : undefined;
		case 'runRestarts':
			return isInteger(m.count, 1, 1000) ? { type: 'runRestarts', count: m.count } : undefined;
		case 'revealLine':
			return isInteger(m.line, 1, maxLine) ? { type: 'revealLine', line: m.line } : undefined;
		case 'changeRun':
			return isInteger(m.id, 0, Number.MAX_SAFE_INTEGER) && (m.change === 'remove' || m.change === 'hide' || m.change === 'show')
				? { type: 'changeRun', id: m.id, change: m.change }
				: undefined;
		default:
			return undefined;
	}
}

/** A request body of the panel's contract, copied; else undefined. */
function panelRequest(m: Fields): PanelRequest | undefined {
	switch (m.type) {
		case 'requestLandscape':
			return landscapeRequest(m);
		case 'requestBasins': {
			const range = viewRange(m.range);
			return range && isInteger(m.nx, 2, 128) && isInteger(m.ny, 2, 128) ? { type: 'requestBasins', range, nx: m.nx, ny: m.ny } : undefined;
		}
		case 'requestBruteForce': {
			const range = viewRange(m.range);
			const axes = axisPair(m.axes);
			return range && axes && isInteger(m.k, 2, 500) ? { type: 'requestBruteForce', range, axes, k: m.k } : undefined;
		}
		case 'requestBatchNoise':
			return isInteger(m.count, 1, 200) ? { type: 'requestBatchNoise', count: m.count } : undefined;
		case 'requestSweep':
			return { type: 'requestSweep' };
		case 'requestLineSearch':
			return { type: 'requestLineSearch' };
		case 'requestGraph':
			return { type: 'requestGraph' };
		default:
			return undefined;
	}
}

/** The panel's answer to `requestImage`: a PNG data URL. */
function panelImage(body: unknown): PanelImage | undefined {
	if (!isFields(body)) return undefined;
	const url = body.dataUrl;
	if (typeof url !== 'string' || url.length <= pngPrefix.length || url.length > maxImageUrlLength || !url.startsWith(pngPrefix)) return undefined;
	return /^[A-Za-z0-9+/]+={0,2}$/.test(url.slice(pngPrefix.length)) ? { dataUrl: url } : undefined;
}

/**
 * Hyper-parameters by name: at most 32, each a boolean, a finite number, up to 4 finite numbers (`betas`), or for
 * L-BFGS's `line_search_fn` a short name (`strong_wolfe`).
 */
function optimizerOptions(v: unknown): OptimizerOptionsInfo | undefined {
	if (!isFields(v)) return undefined;
	const entries = Object.entries(v);
	if (entries.length > 32) return undefined;
	const options = new Map<string, number | boolean | string | readonly number[]>();
	for (const [key, value] of entries) {
		if (!isName(key)) return undefined;
		if (typeof value === 'boolean' || isFinite(value)) options.set(key, value);
		else if (key === 'line_search_fn' && isName(value)) options.set(key, value);
		else if (isVector(value) && value.length <= 4) options.set(key, [...value]);
		else return undefined;
	}
	return Object.fromEntries(options);
}

/** A view with finite bounds, `xMax > xMin` and `yMax > yMin`. */
function viewRange(v: unknown): ViewRange | undefined {
	if (!isFields(v)) return undefined;
	const { xMin, xMax, yMin, yMax } = v;
	if (!isFinite(xMin) || !isFinite(xMax) || !isFinite(yMin) || !isFinite(yMax) || !(xMax > xMin) || !(yMax > yMin)) return undefined;
	return { xMin, xMax, yMin, yMax };
}

/** Two parameter indices; -1 for the y axis of a curve. */
function axisPair(v: unknown): [number, number] | undefined {
	if (!Array.isArray(v) || v.length !== 2 || !isInteger(v[0], 0, maxVectorLength) || !isInteger(v[1], -1, maxVectorLength)) return undefined;
	return v[0] === v[1] ? undefined : [v[0], v[1]];
}

function landscapeRequest(m: Fields): PanelRequest | undefined {
	const range = viewRange(m.range);
	const axes = axisPair(m.axes);
	if (!range || !axes || !isInteger(m.nx, 1, 1000) || !isInteger(m.ny, 1, 1000)) return undefined;
	if (m.plane === undefined) return { type: 'requestLandscape', range, axes, nx: m.nx, ny: m.ny };
	const plane = slicePlane(m.plane);
	return plane && { type: 'requestLandscape', range, axes, nx: m.nx, ny: m.ny, plane };
}

/** The path's principal plane, or an origin and two non-zero directions of one length (at least 2). */
function slicePlane(v: unknown): SlicePlaneRequest | undefined {
	if (!isFields(v)) return undefined;
	if (v.kind === 'pathPrincipal') return { kind: 'pathPrincipal' };
	const { origin, u, v: w } = v;
	if (v.kind !== 'vectors' || !isVector(origin, 2) || !isVector(u, 2) || !isVector(w, 2)) return undefined;
	if (u.length !== origin.length || w.length !== origin.length || !u.some((x) => x !== 0) || !w.some((x) => x !== 0)) return undefined;
	return { kind: 'vectors', origin: [...origin], u: [...u], v: [...w] };
}
