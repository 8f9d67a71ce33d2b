/**
 * Seeded pseudo-random numbers for restarts and mini-batches, so a run with the same seed is the same run.
 * SplitMix32 mixing (after Steele, Lea & Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014,
 * adapted to 32 bits) feeding Mulberry32-style output; every stream is a pure function of its seed and position.
 */

/** A generator of floats in [0, 1), seeded. */
export function seededRandom(seed: number): () => number {
	let state = mix(seed >>> 0);
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Hashes several integers into one 32-bit seed (for "the batch of step k under seed s"). */
export function combineSeeds(...parts: number[]): number {
	let h = 0x9e3779b9;
	for (const p of parts) h = mix((h ^ (p >>> 0)) >>> 0);
	return h;
}

function mix(x: number): number {
	let z = (x + 0x9e3779b9) >>> 0;
	z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
	z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
	return (z ^ (z >>> 16)) >>> 0;
}
