/**
 * The session's history: one record per visited point, stored in chunked `Float64Array`s so a million steps of a
 * 2-parameter loss take 48 MB and never trigger a copy of everything (records do not move once written).
 *
 * Record layout (stride 2d + 2): x[0..d), loss, gradient[0..d), learning rate of the update taken from this point.
 */

/**
 * Numbers per chunk (64 KiB). Chunks stay below the C allocator's mmap threshold, so memory freed by earlier sessions
 * is reused instead of being mapped afresh and page-faulted in on the hot path.
 */
const numbersPerChunk = 8192;
const empty = new Float64Array(0);

export class History {
	private readonly chunks: Float64Array[] = [];
	private count = 0;
	/** The chunk the next record goes into, the offset of that record and the end of the chunk (the append cursor). */
	private tail: Float64Array = empty;
	private tailBase = 0;
	private tailEnd = 0;
	/** Numbers per record. */
	readonly stride: number;
	private readonly recordsPerChunk: number;

	constructor(readonly dimension: number) {
		this.stride = 2 * dimension + 2;
		this.recordsPerChunk = Math.max(16, Math.floor(numbersPerChunk / this.stride));
	}

	get length(): number {
		return this.count;
	}

	/** Bytes of storage per record. */
	get bytesPerRecord(): number {
		return this.stride * Float64Array.BYTES_PER_ELEMENT;
	}

	push(x: ArrayLike<number>, loss: number, gradient: ArrayLike<number>, lr: number): void {
		let base = this.tailBase;
		if (base === this.tailEnd) base = this.openChunk();
		const chunk = this.tail;
		const d = this.dimension;
		for (let i = 0; i < d; i++) chunk[base + i] = x[i]!;
		chunk[base + d] = loss;
		for (let i = 0; i < d; i++) chunk[base + d + 1 + i] = gradient[i]!;
		chunk[base + 2 * d + 1] = lr;
		this.tailBase = base + this.stride;
		this.count++;
	}

	/** Keeps the first `length` records, dropping the rest (and chunks no longer needed). */
	truncate(length: number): void {
		this.count = Math.max(0, Math.min(length, this.count));
		this.chunks.length = Math.ceil(this.count / this.recordsPerChunk);
		const used = this.count % this.recordsPerChunk;
		this.tail = used === 0 ? empty : this.chunks[this.chunks.length - 1]!;
		this.tailBase = used * this.stride;
		this.tailEnd = used === 0 ? this.tailBase : this.recordsPerChunk * this.stride;
	}

	/** Appends a chunk for the next records and makes it the tail; returns the first record's offset in it. */
	private openChunk(): number {
		this.tail = new Float64Array(this.recordsPerChunk * this.stride);
		this.chunks.push(this.tail);
		this.tailEnd = this.tail.length;
		this.tailBase = 0;
		return 0;
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

	/** Records `from`.. to the end as whole records in one flat array (stride numbers each), for a session image. */
	packed(from: number): Float64Array {
		const out = new Float64Array(Math.max(0, this.count - from) * this.stride);
		for (let k = from, at = 0; k < this.count; ) {
			const [chunk, base] = this.locate(k);
			const n = Math.min(this.recordsPerChunk - base / this.stride, this.count - k);
			out.set(chunk.subarray(base, base + n * this.stride), at);
			at += n * this.stride;
			k += n;
		}
		return out;
	}

	/** Keeps the first `from` records and appends the whole records of `packed` (what `packed(from)` returned). */
	replaceFrom(from: number, packed: Float64Array): void {
		this.truncate(from);
		for (let at = 0; at + this.stride <= packed.length; ) {
			if (this.tailBase === this.tailEnd) this.openChunk();
			const n = Math.min((this.tailEnd - this.tailBase) / this.stride, Math.floor((packed.length - at) / this.stride));
			this.tail.set(packed.subarray(at, at + n * this.stride), this.tailBase);
			this.tailBase += n * this.stride;
			this.count += n;
			at += n * this.stride;
		}
	}

	private locate(k: number): [Float64Array, number] {
		if (!(k >= 0 && k < this.count)) throw new RangeError(`history has no record ${k} (length ${this.count})`);
		return [this.chunks[Math.floor(k / this.recordsPerChunk)]!, (k % this.recordsPerChunk) * this.stride];
	}
}
