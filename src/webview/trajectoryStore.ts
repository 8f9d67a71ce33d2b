/**
 * The webview's copy of the trajectory: every record the host sent, in typed arrays that grow by doubling, so
 * appending during continue is amortised O(1) and nothing is ever thrown away for drawing (views decimate what
 * they draw, see `decimate.ts`). Records from `from` on are replaced when the host rewrites history (step back,
 * then forward).
 */
import type { Trajectory } from '../shared/messages';

export class TrajectoryStore {
	private pointsData: Float64Array;
	private lossData: Float64Array;
	private gradientNormData: Float64Array;
	private learningRateData: Float64Array;
	private countValue = 0;
	/** Bumped on every change, for views that cache what they derive from the data. */
	private versionValue = 0;
	/** Bumped when records are removed or replaced (not on pure appends), for views that append incrementally. */
	private rewritesValue = 0;

	constructor(readonly dimension: number, capacity = 1024) {
		this.pointsData = new Float64Array(capacity * dimension);
		this.lossData = new Float64Array(capacity).fill(NaN);
		this.gradientNormData = new Float64Array(capacity);
		this.learningRateData = new Float64Array(capacity).fill(NaN);
	}

	get count(): number {
		return this.countValue;
	}

	get version(): number {
		return this.versionValue;
	}

	get rewrites(): number {
		return this.rewritesValue;
	}

	get capacity(): number {
		return this.lossData.length;
	}

	/** Coordinates, `dimension` per record; only the first `count * dimension` entries are meaningful. */
	get points(): Float64Array {
		return this.pointsData;
	}

	get losses(): Float64Array {
		return this.lossData;
	}

	get gradientNorms(): Float64Array {
		return this.gradientNormData;
	}

	/** The learning rate of the update from each record; NaN where the host sent none. */
	get learningRates(): Float64Array {
		return this.learningRateData;
	}

	/** The box around the finite points on two axes (those whose loss is at most `lossLimit`), or undefined when there is none. */
	bounds(ax: number, ay: number, lossLimit = Infinity): { xMin: number; xMax: number; yMin: number; yMax: number } | undefined {
		let xMin = Infinity, xMax = -Infinity, yMin = Infinity, yMax = -Infinity;
		for (let k = 0; k < this.countValue; k++) {
			const x = this.coordinate(k, ax);
			const y = this.coordinate(k, ay);
			if (!Number.isFinite(x) || !Number.isFinite(y) || this.lossData[k]! > lossLimit) continue;
			[xMin, xMax, yMin, yMax] = [Math.min(xMin, x), Math.max(xMax, x), Math.min(yMin, y), Math.max(yMax, y)];
		}
		return xMin <= xMax ? { xMin, xMax, yMin, yMax } : undefined;
	}

	private largest = { version: -1, norm: 0 };

	/** The largest finite gradient norm of the run (cached per version). */
	largestGradientNorm(): number {
		if (this.largest.version !== this.versionValue) {
			let norm = 0;
			for (let k = 0; k < this.countValue; k++) {
				const g = this.gradientNormData[k]!;
				if (g > norm && Number.isFinite(g)) norm = g;
			}
			this.largest = { version: this.versionValue, norm };
		}
		return this.largest.norm;
	}

	/** Coordinate `i` of record `k`. */
	coordinate(k: number, i: number): number {
		return this.pointsData[k * this.dimension + i]!;
	}

	/** Drops records from `length` on. */
	truncate(length: number): void {
		const next = Math.max(0, Math.min(this.countValue, Math.floor(length)));
		if (next === this.countValue) return;
		// Losses past the end read as NaN (a gap), so a chart can read a shorter store at another store's length.
		this.lossData.fill(NaN, next, this.countValue);
		this.countValue = next;
		this.versionValue++;
		this.rewritesValue++;
	}

	/** Replaces records from `from` on with `appended` (from <= count; the caller checks for gaps). */
	replaceFrom(from: number, appended: Trajectory): void {
		if (from < this.countValue) this.truncate(from);
		this.append(appended);
	}

	/** Appends the records of `t` (its losses decide how many). */
	append(t: Trajectory): void {
		const n = t.losses.length;
		if (n === 0) return;
		this.reserve(this.countValue + n);
		const d = this.dimension;
		this.pointsData.set(t.points.subarray(0, n * d), this.countValue * d);
		this.lossData.set(t.losses, this.countValue);
		this.gradientNormData.set(t.gradientNorms.subarray(0, n), this.countValue);
		if (t.learningRates) this.learningRateData.set(t.learningRates.subarray(0, n), this.countValue);
		else this.learningRateData.fill(NaN, this.countValue, this.countValue + n);
		this.countValue += n;
		this.versionValue++;
	}

	private reserve(needed: number): void {
		if (needed <= this.lossData.length) return;
		let capacity = Math.max(16, this.lossData.length);
		while (capacity < needed) capacity *= 2;
		this.pointsData = grow(this.pointsData, capacity * this.dimension, this.countValue * this.dimension);
		this.lossData = grow(this.lossData, capacity, this.countValue);
		this.lossData.fill(NaN, this.countValue);
		this.gradientNormData = grow(this.gradientNormData, capacity, this.countValue);
		this.learningRateData = grow(this.learningRateData, capacity, this.countValue);
	}
}

function grow(old: Float64Array, size: number, used: number): Float64Array {
	const next = new Float64Array(size);
	next.set(old.subarray(0, used));
	return next;
}
