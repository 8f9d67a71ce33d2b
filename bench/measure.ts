// Timing helpers for the benchmark: calibrated inner loops, repeated samples, medians.

export interface Measurement {
	readonly name: string;
	/** Median nanoseconds per call over the samples. */
	readonly median: number;
	readonly samples: readonly number[];
}

/** Runs `fn` in batches sized to about `sampleMs`, `samples` times, and returns the median time per call. */
export function measure(name: string, fn: () => void, samples = 15, sampleMs = 20): Measurement {
	let iterations = 1;
	for (;;) {
		const t = time(fn, iterations);
		if (t >= sampleMs * 1e6 / 4 || iterations >= 1 << 26) break;
		iterations *= 2;
	}
	iterations = Math.max(1, Math.round(iterations * 4));
	const per: number[] = [];
	for (let s = 0; s < samples; s++) per.push(time(fn, iterations) / iterations);
	return { name, median: median(per), samples: per };
}

/**
 * Measures several functions interleaved (round-robin), so machine noise hits them alike; each sample lasts about
 * `sampleMs` (shorter samples interleave more finely).
 */
export function measureTogether(entries: readonly [string, () => void][], samples = 15, sampleMs = 20): Measurement[] {
	const calibrated = entries.map(([name, fn]) => ({ name, fn, iterations: calibrate(fn, sampleMs) }));
	const times = calibrated.map(() => [] as number[]);
	for (let s = 0; s < samples; s++) {
		calibrated.forEach((e, i) => times[i]!.push(time(e.fn, e.iterations) / e.iterations));
	}
	return calibrated.map((e, i) => ({ name: e.name, median: median(times[i]!), samples: times[i]! }));
}

function calibrate(fn: () => void, sampleMs: number): number {
	let iterations = 1;
	while (time(fn, iterations) < sampleMs * 1e6 && iterations < 1 << 26) iterations *= 2;
	return iterations;
}

function time(fn: () => void, iterations: number): number {
	const start = process.hrtime.bigint();
	for (let i = 0; i < iterations; i++) fn();
	return Number(process.hrtime.bigint() - start);
}

export function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function formatNs(ns: number): string {
	if (ns < 1e3) return `${ns.toFixed(1)} ns`;
	if (ns < 1e6) return `${(ns / 1e3).toFixed(2)} µs`;
	return `${(ns / 1e6).toFixed(2)} ms`;
}
