/**
 * Checks the host's exploration messages (`restarts`, `basins`) before anything is drawn: wrong shapes become
 * `undefined`. Number arrays arrive as typed arrays or plain lists (`toFloat64` in hostMessages.ts accepts both).
 */
import type { BasinsMessage, BatchNoiseMessage, BruteForceMessage, MinimumInfo, RestartsMessage, RunInfo, RunsMessage, StopInfo, SweepMessage, SweepPointInfo } from '../shared/messages';

type Dict = Record<string, unknown>;
const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v) && !ArrayBuffer.isView(v);
const maxCells = 128 * 128;

/** Turns any accepted number array into a Float64Array. */
export type ToFloat64 = (v: unknown) => Float64Array | undefined;

function minima(v: unknown, toFloat64: ToFloat64): MinimumInfo[] | undefined {
	if (!Array.isArray(v) || v.length > 10_000) return undefined;
	const out: MinimumInfo[] = [];
	for (const m of v) {
		const x = isDict(m) ? toFloat64(m.x) : undefined;
		if (!isDict(m) || !x || typeof m.count !== 'number' || (m.kind !== 'global' && m.kind !== 'local')) return undefined;
		out.push({ x: Array.from(x), loss: typeof m.loss === 'number' ? m.loss : NaN, count: m.count, kind: m.kind });
	}
	return out;
}

export function parseRestarts(m: Dict, toFloat64: ToFloat64): RestartsMessage | undefined {
	if (m.restarts === undefined || m.restarts === null) return { type: 'restarts', restarts: undefined };
	const r = m.restarts;
	if (!isDict(r)) return undefined;
	const starts = toFloat64(r.starts);
	const ends = toFloat64(r.ends);
	const found = minima(r.minima, toFloat64);
	const runMinimum = toFloat64(r.runMinimum);
	if (!starts || !ends || !found || !runMinimum || starts.length !== ends.length) return undefined;
	if (runMinimum.length === 0 || starts.length % runMinimum.length !== 0) return undefined;
	return { type: 'restarts', restarts: { starts, ends, runMinimum: Array.from(runMinimum), minima: found } };
}

export function parseBasins(m: Dict, toFloat64: ToFloat64): BasinsMessage | undefined {
	const b = m.basins;
	if (!isDict(b) || !isDict(b.range) || typeof b.requestId !== 'number') return undefined;
	const { nx, ny } = b;
	if (!Number.isInteger(nx) || !Number.isInteger(ny) || (nx as number) < 1 || (ny as number) < 1 || (nx as number) * (ny as number) > maxCells) return undefined;
	const labels = b.labels instanceof Int32Array ? b.labels : optionalInt32(toFloat64(b.labels));
	const found = minima(b.minima, toFloat64);
	const r = b.range;
	const range = { xMin: Number(r.xMin), xMax: Number(r.xMax), yMin: Number(r.yMin), yMax: Number(r.yMax) };
	if (!labels || !found || labels.length !== (nx as number) * (ny as number) || !(range.xMax > range.xMin) || !(range.yMax > range.yMin)) return undefined;
	const progress = typeof b.progress === 'number' ? b.progress : 1;
	return { type: 'basins', basins: { requestId: b.requestId, range, nx: nx as number, ny: ny as number, labels, minima: found, progress } };
}

function optionalInt32(values: Float64Array | undefined): Int32Array | undefined {
	return values ? Int32Array.from(values) : undefined;
}

const outcomes: readonly SweepPointInfo['outcome'][] = ['converged', 'slow', 'oscillating', 'diverged'];

export function parseSweep(m: Dict, toFloat64: ToFloat64): SweepMessage | undefined {
	const w = m.sweep;
	if (!isDict(w) || typeof w.requestId !== 'number' || !Array.isArray(w.points) || w.points.length > 1000) return undefined;
	const rates = toFloat64(w.rates);
	const points: SweepPointInfo[] = [];
	for (const p of w.points) {
		if (!isDict(p) || typeof p.learningRate !== 'number' || !outcomes.includes(p.outcome as SweepPointInfo['outcome'])) return undefined;
		const finalLoss = typeof p.finalLoss === 'number' ? p.finalLoss : NaN;
		points.push({ learningRate: p.learningRate, finalLoss, steps: typeof p.steps === 'number' ? p.steps : 0, outcome: p.outcome as SweepPointInfo['outcome'] });
	}
	if (!rates) return undefined;
	const optionalNumber = (v: unknown, key: 'divergesFrom' | 'fastest') => (typeof v === 'number' ? { [key]: v } : {});
	return {
		type: 'sweep',
		sweep: {
			requestId: w.requestId,
			optimizer: typeof w.optimizer === 'string' ? w.optimizer : '',
			rates: Array.from(rates),
			points,
			steps: typeof w.steps === 'number' ? w.steps : 0,
			progress: typeof w.progress === 'number' ? w.progress : 1,
			...optionalNumber(w.divergesFrom, 'divergesFrom'),
			...optionalNumber(w.fastest, 'fastest'),
		},
	};
}

const stopKinds: readonly StopInfo['kind'][] = ['entry', 'step', 'steps', 'converged', 'diverged', 'breakpoint', 'paused', 'historyStart'];

export function parseRuns(m: Dict, toFloat64: ToFloat64): RunsMessage | undefined {
	if (!Array.isArray(m.runs) || m.runs.length > 10) return undefined;
	const runs: RunInfo[] = [];
	for (const r of m.runs) {
		if (!isDict(r) || typeof r.id !== 'number' || typeof r.optimizer !== 'string' || typeof r.from !== 'number' || !Number.isInteger(r.from) || r.from < 0) return undefined;
		const points = toFloat64(r.points);
		const losses = toFloat64(r.losses);
		if (!points || !losses) return undefined;
		const options: Record<string, number | boolean | readonly number[]> = {};
		if (isDict(r.options)) for (const [k, v] of Object.entries(r.options)) if (typeof v === 'number' || typeof v === 'boolean') options[k] = v;
		const stop = isDict(r.stop) && stopKinds.includes(r.stop.kind as StopInfo['kind']) ? { kind: r.stop.kind as StopInfo['kind'], message: typeof r.stop.message === 'string' ? r.stop.message : '' } : { kind: 'step' as const, message: '' };
		const loss = typeof r.loss === 'number' ? r.loss : NaN;
		runs.push({ id: r.id, optimizer: r.optimizer, options, hidden: r.hidden === true, stop, step: typeof r.step === 'number' ? r.step : 0, loss, from: r.from, points, losses });
	}
	return { type: 'runs', runs };
}

export function parseBruteForce(m: Dict, toFloat64: ToFloat64): BruteForceMessage | undefined {
	const b = m.bruteForce;
	if (!isDict(b) || typeof b.requestId !== 'number') return undefined;
	const best = toFloat64(b.best);
	const axes = toFloat64(b.axes);
	const n = (v: unknown) => (typeof v === 'number' ? v : NaN);
	if (!best || !axes || axes.length !== 2 || !Number.isInteger(axes[0]) || axes[0]! < 0 || axes[0]! >= best.length || axes[1]! >= best.length) return undefined;
	return {
		type: 'bruteForce',
		bruteForce: {
			requestId: b.requestId, axes: [axes[0]!, axes[1]!], k: n(b.k), evaluations: n(b.evaluations), best: Array.from(best), bestLoss: n(b.bestLoss),
			descentEvaluations: n(b.descentEvaluations), descentLoss: n(b.descentLoss), log10AllParameters: n(b.log10AllParameters), log10NoteExample: n(b.log10NoteExample),
		},
	};
}

export function parseBatchNoise(m: Dict, toFloat64: ToFloat64): BatchNoiseMessage | undefined {
	const b = m.batchNoise;
	if (!isDict(b) || typeof b.requestId !== 'number' || typeof b.step !== 'number') return undefined;
	const full = toFloat64(b.full);
	const batches = toFloat64(b.batches);
	if (!full || !batches || full.length === 0 || batches.length % full.length !== 0) return undefined;
	const n = (v: unknown) => (typeof v === 'number' ? v : 0);
	return { type: 'batchNoise', batchNoise: { requestId: b.requestId, step: b.step, full: Array.from(full), batches, batchSize: n(b.batchSize), sampleCount: n(b.sampleCount) } };
}
