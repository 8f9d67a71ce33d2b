// What an oracle (CPython or Node) says about a program at each point: its value and the Ridders-extrapolated
// central-difference gradient of its own values, with the extrapolation's error estimate.

/** `undefined` when the language refused to compute (ZeroDivisionError, math domain error, a complex result). */
export type OracleValue = number | 'undefined';

export interface PointAnswer {
	readonly value: OracleValue;
	/** null where the differences could not be taken (the program is undefined next to the point). */
	readonly gradient: readonly (number | null)[];
	readonly errors: readonly (number | null)[];
	/**
	 * The value jumps within a relative 1e-12 of the point (`(t + t + t) // t`): rounding decides it, and a value that
	 * differs there says nothing about the front end.
	 */
	readonly jumpy: boolean;
}

export type OracleAnswer = { readonly results: readonly PointAnswer[] } | { readonly invalid: string };

/** Decodes the strings JSON carries non-finite numbers as. */
export function decodeNumber(v: unknown): number | null {
	if (v === null) return null;
	if (v === 'nan') return NaN;
	if (v === 'inf') return Infinity;
	if (v === '-inf') return -Infinity;
	return v as number;
}

/**
 * Ridders' extrapolation of central differences of `f` in coordinate `i` from step `h` (Numerical Recipes, dfridr;
 * C. J. F. Ridders, "Accurate computation of F'(x) and F'(x)F''(x)", Adv. Eng. Software 4, 1982). Returns the
 * derivative and the extrapolation's error estimate.
 */
export function ridders(f: (x: number[]) => number, x: readonly number[], i: number, h: number): { derivative: number; error: number } {
	const con = 1.4, ntab = 10, safe = 2;
	const a: number[][] = Array.from({ length: ntab }, () => new Array<number>(ntab).fill(0));
	let scale = 0;
	const central = (hh: number): number => {
		const up = [...x], down = [...x];
		up[i]! += hh;
		down[i]! -= hh;
		const fu = f(up), fd = f(down);
		scale = Math.max(scale, Math.abs(fu), Math.abs(fd));
		return (fu - fd) / (2 * hh);
	};
	let hh = h;
	a[0]![0] = central(hh);
	let error = 1e300;
	let derivative = a[0]![0];
	for (let k = 1; k < ntab; k++) {
		hh /= con;
		a[0]![k] = central(hh);
		let fac = con * con;
		for (let j = 1; j <= k; j++) {
			a[j]![k] = (a[j - 1]![k]! * fac - a[j - 1]![k - 1]!) / (fac - 1);
			fac *= con * con;
			const errt = Math.max(Math.abs(a[j]![k]! - a[j - 1]![k]!), Math.abs(a[j]![k]! - a[j - 1]![k - 1]!));
			if (errt <= error) {
				error = errt;
				derivative = a[j]![k]!;
			}
		}
		if (Math.abs(a[k]![k]! - a[k - 1]![k - 1]!) >= safe * error) break;
	}
	// The extrapolation cannot see rounding in f itself: differences of values near |f| carry eps·|f|/h each.
	error = Math.max(error, (4 * Number.EPSILON * scale) / hh);
	// A staircase finer than the steps (`x // y` with x/y in the thousands) fools the extrapolation: its slope is
	// consistent from step to step. A step a million times smaller sees the flat treads.
	const tiny = 1e-7 * Math.max(1, Math.abs(x[i]!));
	const near = central(tiny);
	if (Math.abs(near - derivative) > 1e-3 * Math.max(1, Math.abs(derivative)) + (4 * Number.EPSILON * scale) / tiny) error = Infinity;
	return { derivative, error };
}
