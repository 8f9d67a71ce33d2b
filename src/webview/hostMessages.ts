/**
 * Defensive checks on what the host posts to the panel. The protocol types say what should arrive; this makes sure
 * of it before anything is drawn: unknown types and malformed messages become `undefined` (the caller warns and
 * ignores them). Number arrays are accepted as Float64Arrays, other typed arrays, plain arrays (with `null` for a
 * non-finite number, as JSON sends it) or JSON-serialised typed arrays (`{"0": …, "1": …}`), and come out as
 * Float64Arrays or number lists.
 */
import type {
	LandscapeMessage,
	LossInfo,
	PanelLayout,
	PanelSnapshot,
	PointState,
	SettingsInfo,
	StopInfo,
	ToWebviewMessage,
	Trajectory,
	UpdateMessage,
} from '../shared/messages';
import { parseBatchNoise, parseBasins, parseBruteForce, parseRestarts, parseRuns, parseSweep } from './parseExplore';
import { parseUpdateRule } from './parseUpdateRule';
import { parseLineSearch, parseSlicePlane } from './parseNd';
import { parseRunHint } from './parseRunHint';

type Dict = Record<string, unknown>;
const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v) && !ArrayBuffer.isView(v);
const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);
const num = (v: unknown, fallback = NaN): number => (typeof v === 'number' ? v : v === null ? NaN : fallback);
const maxLength = 50_000_000;
const layouts: readonly PanelLayout[] = ['auto', 'stacked', 'sideBySide'];
const stopKinds: readonly StopInfo['kind'][] = ['entry', 'step', 'steps', 'converged', 'diverged', 'breakpoint', 'paused', 'historyStart'];

/** The message if it is one the panel understands and well-formed, else undefined. */
export function parseHostMessage(data: unknown): ToWebviewMessage | undefined {
	if (!isDict(data)) return undefined;
	switch (data.type) {
		case 'init':
			return isDict(data.snapshot) ? optional(parseSnapshot(data.snapshot), (snapshot) => ({ type: 'init', snapshot })) : undefined;
		case 'update':
			return parseUpdate(data);
		case 'landscape':
			return parseLandscape(data);
		case 'error':
			return typeof data.message === 'string' ? { type: 'error', message: data.message } : undefined;
		case 'requestImage':
			return typeof data.requestId === 'number' && Number.isFinite(data.requestId) ? { type: 'requestImage', requestId: data.requestId } : undefined;
		case 'restarts':
			return parseRestarts(data, toFloat64);
		case 'basins':
			return parseBasins(data, toFloat64);
		case 'sweep':
			return parseSweep(data, toFloat64);
		case 'runs':
			return parseRuns(data, toFloat64);
		case 'bruteForce':
			return parseBruteForce(data, toFloat64);
		case 'batchNoise':
			return parseBatchNoise(data, toFloat64);
		case 'lineSearch':
			return parseLineSearch(data, toFloat64);
		default:
			return undefined;
	}
}

/** A Float64Array copy (or view) of a number array in any of the accepted encodings. */
export function toFloat64(v: unknown): Float64Array | undefined {
	if (v instanceof Float64Array) return v;
	if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Float64Array.from(v as unknown as ArrayLike<number>);
	if (Array.isArray(v)) return v.length <= maxLength && v.every((x) => typeof x === 'number' || x === null) ? Float64Array.from(v, (x) => num(x)) : undefined;
	if (isDict(v)) {
		const keys = Object.keys(v);
		if (keys.length > maxLength || !keys.every((k, i) => k === String(i))) return undefined;
		const out = new Float64Array(keys.length);
		for (let i = 0; i < keys.length; i++) {
			const x = v[keys[i]!];
			if (typeof x !== 'number' && x !== null) return undefined;
			out[i] = num(x);
		}
		return out;
	}
	return undefined;
}

function numberList(v: unknown): number[] | undefined {
	const a = toFloat64(v);
	return a ? Array.from(a) : undefined;
}

function optional<T, R>(value: T | undefined, f: (value: T) => R): R | undefined {
	return value === undefined ? undefined : f(value);
}

function parseSnapshot(s: Dict): PanelSnapshot | undefined {
	const loss = isDict(s.loss) ? parseLoss(s.loss) : undefined;
	if (!loss) return undefined;
	const d = loss.params.length;
	const current = isDict(s.current) ? parsePoint(s.current, d) : undefined;
	const trajectory = parseTrajectory(s.trajectory, d);
	if (!current || !trajectory || !isDict(s.settings)) return undefined;
	const strings: Record<string, string> = {};
	if (isDict(s.strings)) for (const [k, v] of Object.entries(s.strings)) if (typeof v === 'string') strings[k] = v;
	const optimizers = Array.isArray(s.optimizers)
		? s.optimizers.filter(isDict).filter((o) => typeof o.name === 'string').map((o) => ({ name: o.name as string, defaults: isDict(o.defaults) ? parseOptions(o.defaults) : {} }))
		: [];
	const hint = parseRunHint(s.hint);
	return { loss, settings: parseSettings(s.settings), current, trajectory, stop: parseStop(s.stop), optimizers, running: s.running === true, strings, ...(hint ? { hint } : {}) };
}

function parseLoss(l: Dict): LossInfo | undefined {
	if (!Array.isArray(l.params) || l.params.length === 0 || !l.params.every((p) => typeof p === 'string')) return undefined;
	const start = numberList(l.start) ?? [];
	return { name: str(l.name, 'loss'), language: str(l.language), params: l.params as string[], start, fileName: str(l.fileName), sampleCount: num(l.sampleCount, 0) };
}

function parsePoint(p: Dict, d: number): PointState | undefined {
	const x = numberList(p.x);
	const gradient = numberList(p.gradient);
	if (!x || !gradient || x.length !== d || gradient.length !== d || typeof p.step !== 'number') return undefined;
	const next = numberList(p.next);
	const state = isDict(p.optimizerState) ? p.optimizerState : {};
	const buffers: Record<string, number[]> = {};
	if (isDict(state.buffers)) for (const [k, v] of Object.entries(state.buffers)) optional(numberList(v), (list) => (buffers[k] = list));
	return {
		step: p.step,
		historyLength: num(p.historyLength, p.step + 1),
		x,
		loss: num(p.loss),
		gradient,
		gradientNorm: num(p.gradientNorm),
		learningRate: num(p.learningRate),
		next: next && next.length === d ? next : x,
		...(p.nextLoss !== undefined ? { nextLoss: num(p.nextLoss) } : {}),
		optimizerState: { step: num(state.step, 0), buffers },
		...optional(parseUpdateRule(p.update), (update) => ({ update })),
	};
}

function parseTrajectory(v: unknown, d: number): Trajectory | undefined {
	if (!isDict(v)) return undefined;
	const points = toFloat64(v.points);
	const losses = toFloat64(v.losses);
	const gradientNorms = toFloat64(v.gradientNorms) ?? (losses ? new Float64Array(losses.length).fill(NaN) : undefined);
	if (!points || !losses || !gradientNorms) return undefined;
	if (points.length !== losses.length * d || gradientNorms.length !== losses.length) return undefined;
	return { points, losses, gradientNorms };
}

function parseSettings(s: Dict): SettingsInfo {
	const colorMap = s.colorMap === 'cividis' || s.colorMap === 'grayscale' ? s.colorMap : 'viridis';
	return {
		optimizer: str(s.optimizer),
		options: isDict(s.options) ? parseOptions(s.options) : {},
		schedule: str(s.schedule),
		batchSize: num(s.batchSize, 0),
		stepsPerSecond: num(s.stepsPerSecond, 0),
		colorMap,
		layout: layouts.includes(s.layout as PanelLayout) ? (s.layout as PanelLayout) : 'auto',
	};
}

function parseOptions(o: Dict): Record<string, number | boolean | readonly number[]> {
	const out: Record<string, number | boolean | readonly number[]> = {};
	for (const [k, v] of Object.entries(o)) {
		if (typeof v === 'number' || typeof v === 'boolean') out[k] = v;
		else optional(numberList(v), (list) => (out[k] = list));
	}
	return out;
}

function parseStop(v: unknown): StopInfo {
	if (!isDict(v)) return { kind: 'step', message: '' };
	const kind = stopKinds.includes(v.kind as StopInfo['kind']) ? (v.kind as StopInfo['kind']) : 'step';
	const lr = v.suggestedLearningRate;
	return typeof lr === 'number' && Number.isFinite(lr) ? { kind, message: str(v.message), suggestedLearningRate: lr } : { kind, message: str(v.message) };
}

function parseUpdate(m: Dict): UpdateMessage | undefined {
	if (typeof m.from !== 'number' || !Number.isInteger(m.from) || m.from < 0 || !isDict(m.current)) return undefined;
	const x = numberList(m.current.x);
	const d = x?.length ?? 0;
	const current = d > 0 ? parsePoint(m.current, d) : undefined;
	const appended = parseTrajectory(m.appended, d);
	if (!current || !appended) return undefined;
	const settings = isDict(m.settings) ? parseSettings(m.settings) : undefined;
	if (!settings) return undefined;
	const hint = parseRunHint(m.hint);
	return { type: 'update', from: m.from, appended, current, stop: parseStop(m.stop), running: m.running === true, settings, ...(hint ? { hint } : {}) };
}

function parseLandscape(m: Dict): LandscapeMessage | undefined {
	const l = m.landscape;
	if (!isDict(l) || !isDict(l.range) || (l.kind !== 'curve' && l.kind !== 'grid')) return undefined;
	const r = l.range;
	const range = { xMin: num(r.xMin), xMax: num(r.xMax), yMin: num(r.yMin, 0), yMax: num(r.yMax, 0) };
	const values = toFloat64(l.values);
	const nx = num(l.nx);
	const ny = l.kind === 'curve' ? 1 : num(l.ny);
	const axes = numberList(l.axes);
	if (!values || !Number.isInteger(nx) || !Number.isInteger(ny) || nx < 2 || ny < 1 || values.length !== nx * ny) return undefined;
	if (!(range.xMax > range.xMin) || !axes || axes.length !== 2 || typeof l.requestId !== 'number') return undefined;
	const plane = l.plane === undefined ? undefined : parseSlicePlane(l.plane, toFloat64);
	if (l.plane !== undefined && !plane) return undefined;
	return { type: 'landscape', landscape: { requestId: l.requestId, kind: l.kind, range, axes: [axes[0]!, axes[1]!], nx, ny, values, ...(plane ? { plane } : {}) } };
}
