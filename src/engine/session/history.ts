/**
 * The session's history: one record per visited point, stored in chunked `Float64Array`s so a million steps of a
 * 2-parameter loss take 48 MB and never trigger a copy of everything (records do not move once written).
 *
 * Record layout (stride 2d + 2): x[0..d), loss, gradient[0..d), learning rate of the update taken from this point.
 */

const recordsPerChunk = 4096;

export class History {
	private readonly chunks: Float64Array[] = [];
	private count = 0;
	/** Numbers per record. */
	readonly stride: number;

	constructor(readonly dimension: number) {
		this.stride = 2 * dimension + 2;
	}

	get length(): number {
		return this.count;
	}

	/** Bytes of storage per record. */
	get bytesPerRecord(): number {
		return this.stride * Float64Array.BYTES_PER_ELEMENT;
	}

	push(x: ArrayLike<number>, loss: number, gradient: ArrayLike<number>, lr: number): void {
		const chunkIndex = Math.floor(this.count / recordsPerChunk);
		if (chunkIndex === this.chunks.length) this.chunks.push(new Float64Array(recordsPerChunk * this.stride));
		const chunk = this.chunks[chunkIndex]!;
		const base = (this.count % recordsPerChunk) * this.stride;
		const d = this.dimension;
		for (let i = 0; i < d; i++) chunk[base + i] = x[i]!;
		chunk[base + d] = loss;
		for (let i = 0; i < d; i++) chunk[base + d + 1 + i] = gradient[i]!;
		chunk[base + 2 * d + 1] = lr;
		this.count++;
	}

	/** Keeps the first `length` records, dropping the rest (and chunks no longer needed). */
	truncate(length: number): void {
		this.count = Math.max(0, Math.min(length, this.count));
		this.chunks.length = Math.ceil(this.count / recordsPerChunk);
	}

	/** Overwrites the learning rate stored with record `k`. */
	setLearningRate(k: number, lr: number): void {
		const [chunk, base] = this.locate(k);
		chunk[base + 2 * this.dimension + 1] = lr;
	}

	readPoint(k: number, into: Float64Array): Float64Array {
		const [chunk, base] = this.locate(k);
		into.set(chunk.subarray(base, base + this.dimension));
		return into;
	}

	readGradient(k: number, into: Float64Array): Float64Array {
		const [chunk, base] = this.locate(k);
		const start = base + this.dimension + 1;
		into.set(chunk.subarray(start, start + this.dimension));
		return into;
	}

	loss(k: number): number {
		const [chunk, base] = this.locate(k);
		return chunk[base + this.dimension]!;
	}

	learningRate(k: number): number {
		const [chunk, base] = this.locate(k);
		return chunk[base + 2 * this.dimension + 1]!;
	}

	coordinate(k: number, i: number): number {
		const [chunk, base] = this.locate(k);
		return chunk[base + i]!;
	}

	gradientNorm(k: number): number {
		const [chunk, base] = this.locate(k);
		let s = 0;
		for (let i = 0; i < this.dimension; i++) s += chunk[base + this.dimension + 1 + i]! ** 2;
		return Math.sqrt(s);
	}

	/** Records `from`..`to` (exclusive) as one flat array of points (d numbers each) and one of losses. */
	slice(from: number, to: number): { points: Float64Array; losses: Float64Array; learningRates: Float64Array } {
		const end = Math.min(to, this.count);
		const n = Math.max(0, end - from);
		const points = new Float64Array(n * this.dimension);
		const losses = new Float64Array(n);
		const learningRates = new Float64Array(n);
		for (let r = 0; r < n; r++) {
			const [chunk, base] = this.locate(from + r);
			points.set(chunk.subarray(base, base + this.dimension), r * this.dimension);
			losses[r] = chunk[base + this.dimension]!;
			learningRates[r] = chunk[base + 2 * this.dimension + 1]!;
		}
		return { points, losses, learningRates };
	}

	private locate(k: number): [Float64Array, number] {
		if (!(k >= 0 && k < this.count)) throw new RangeError(`history has no record ${k} (length ${this.count})`);
		return [this.chunks[Math.floor(k / recordsPerChunk)]!, (k % recordsPerChunk) * this.stride];
	}
}
