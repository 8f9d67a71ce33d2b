// The seeded randomness of the differential fuzzer: one small PRNG (mulberry32) so that a seed names a program.

/** A deterministic source of random choices. */
export class Random {
	private state: number;

	constructor(seed: number) {
		this.state = seed >>> 0;
	}

	/** Uniform in [0, 1). */
	next(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** An integer in [lo, hi]. */
	int(lo: number, hi: number): number {
		return lo + Math.floor(this.next() * (hi - lo + 1));
	}

	/** True with probability `p`. */
	chance(p: number): boolean {
		return this.next() < p;
	}

	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)]!;
	}

	/** A number in [lo, hi) with at most `digits` decimals (so every front end reads the same double). */
	decimal(lo: number, hi: number, digits = 2): number {
		const scale = 10 ** digits;
		return Math.round((lo + this.next() * (hi - lo)) * scale) / scale;
	}
}
