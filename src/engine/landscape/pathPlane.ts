/**
 * The plane of a path's principal directions, for the panel's slice of an n-parameter loss: principal component
 * analysis of the points visited so far (centred on their mean), the two directions of largest spread as an
 * orthonormal basis, and the fraction of the path's variance each one explains. A path too short or too straight
 * to span a plane borrows the downhill direction −∇L and then a coordinate axis (made orthogonal) for what it
 * lacks, and says so in `kinds`.
 *
 * PCA as in Jolliffe, Principal Component Analysis (2nd ed., 2002), §1.1 and §3.1: the eigenvectors of the sample
 * covariance. With fewer points m than parameters d the eigenvectors come from the m × m Gram matrix instead
 * (Sirovich's "method of snapshots", Q. Appl. Math. 45(3), 1987: if Gw = λw with G = XXᵀ, then Xᵀw is an
 * eigenvector of XᵀX with the same λ). Either way the eigenproblem is solved by `symmetricEigen` (Jacobi).
 */
import { symmetricEigen } from './symmetricEigen';

/** Where a basis direction came from. */
export type PlaneDirectionKind = 'principal' | 'gradient' | 'coordinate';

/** An orthonormal pair of directions in parameter space. */
export interface PathPlane {
	readonly u: Float64Array;
	readonly v: Float64Array;
	/** Fraction of the path's total variance along u and along v (0 when the path has not moved). */
	readonly explained: readonly [number, number];
	readonly kinds: readonly [PlaneDirectionKind, PlaneDirectionKind];
}

/** Points of a path: `count` points of `d` numbers each, row after row. */
export interface PathPoints {
	readonly points: ArrayLike<number>;
	readonly count: number;
	readonly d: number;
}

/** A direction with less than this fraction of the largest spread counts as no spread (rounding noise). */
const flat = 1e-10;

/**
 * The two principal directions of `path`, oriented so that the path runs towards +u (its last point has the
 * larger u-coordinate) and −∇L points towards +v; fallbacks as described above. Needs d ≥ 2.
 */
export function pathPlane(path: PathPoints, gradient: ArrayLike<number>): PathPlane {
	const { d } = path;
	if (d < 2) throw new RangeError('A plane needs at least two parameters.');
	const centred = centre(path);
	const [pc1, pc2] = principalDirections(centred, path.count, d);
	const downhill = Float64Array.from(gradient, (g) => -g);
	let u = pc1;
	let uKind: PlaneDirectionKind = 'principal';
	if (!u) [u, uKind] = normalize(downhill) ? [normalize(downhill)!, 'gradient'] : [axisLeastAlong(new Float64Array(d)), 'coordinate'];
	let v = pc2;
	let vKind: PlaneDirectionKind = 'principal';
	if (!v) {
		const fromGradient = uKind === 'gradient' ? undefined : normalize(orthogonalPart(downhill, u));
		[v, vKind] = fromGradient ? [fromGradient, 'gradient'] : [normalize(orthogonalPart(axisLeastAlong(u), u))!, 'coordinate'];
	}
	if (uKind === 'principal') orient(u, lastMinusFirst(path));
	orient(v, downhill);
	return { u, v, explained: [spreadAlong(centred, u), spreadAlong(centred, v)], kinds: [uKind, vKind] };
}

/** `(x − origin)·u` and `(x − origin)·v` for each point: the path's coordinates in the plane, two per point. */
export function projectOntoPlane(path: PathPoints, origin: ArrayLike<number>, u: ArrayLike<number>, v: ArrayLike<number>): Float64Array {
	const out = new Float64Array(path.count * 2);
	for (let k = 0; k < path.count; k++) {
		let a = 0;
		let b = 0;
		for (let i = 0; i < path.d; i++) {
			const x = path.points[k * path.d + i]! - origin[i]!;
			a += x * u[i]!;
			b += x * v[i]!;
		}
		out[2 * k] = a;
		out[2 * k + 1] = b;
	}
	return out;
}

/** At most `max` record indices spread evenly over `0 … count − 1`, always with the first and the last. */
export function evenlySpacedIndices(count: number, max: number): number[] {
	if (count <= max) return Array.from({ length: count }, (_, i) => i);
	return Array.from({ length: max }, (_, i) => Math.round((i * (count - 1)) / (max - 1)));
}

/** The points minus their mean, row-major. */
function centre(path: PathPoints): Float64Array {
	const { count, d } = path;
	const mean = new Float64Array(d);
	for (let k = 0; k < count; k++) for (let i = 0; i < d; i++) mean[i]! += path.points[k * d + i]! / count;
	return Float64Array.from({ length: count * d }, (_, j) => path.points[j]! - mean[j % d]!);
}

/** Unit eigenvectors of the covariance for the two largest eigenvalues; undefined for a direction with no spread. */
function principalDirections(x: Float64Array, m: number, d: number): [Float64Array | undefined, Float64Array | undefined] {
	if (m < 2) return [undefined, undefined];
	const small = d <= m ? d : m;
	const matrix = new Float64Array(small * small);
	for (let i = 0; i < small; i++) {
		for (let j = i; j < small; j++) {
			let s = 0;
			if (d <= m) for (let k = 0; k < m; k++) s += x[k * d + i]! * x[k * d + j]!;
			else for (let k = 0; k < d; k++) s += x[i * d + k]! * x[j * d + k]!;
			matrix[i * small + j] = s;
		}
	}
	const { values, vectors } = symmetricEigen(matrix, small);
	const direction = (index: number): Float64Array | undefined => {
		if (index >= small || !(values[index]! > flat * values[0]!) || !(values[0]! > 0)) return undefined;
		return d <= m ? vectors[index]! : normalize(transposeTimes(x, m, d, vectors[index]!));
	};
	const u = direction(0);
	const v = direction(1);
	return [u, v && u ? normalize(orthogonalPart(v, u)) : undefined];
}

/** Xᵀw for the m × d row-major X. */
function transposeTimes(x: Float64Array, m: number, d: number, w: Float64Array): Float64Array {
	const out = new Float64Array(d);
	for (let k = 0; k < m; k++) for (let i = 0; i < d; i++) out[i]! += x[k * d + i]! * w[k]!;
	return out;
}

/** Fraction of the total variance of the centred points along the unit vector `u`. */
function spreadAlong(x: Float64Array, u: Float64Array): number {
	const d = u.length;
	let total = 0;
	let along = 0;
	for (let k = 0; k < x.length / d; k++) {
		let a = 0;
		for (let i = 0; i < d; i++) {
			a += x[k * d + i]! * u[i]!;
			total += x[k * d + i]! ** 2;
		}
		along += a * a;
	}
	return total > 0 ? Math.min(1, along / total) : 0;
}

const dot = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
	let s = 0;
	for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
	return s;
};

/** `a` scaled to unit length, or undefined when it is (numerically) zero or not finite. */
function normalize(a: Float64Array): Float64Array | undefined {
	const n = Math.sqrt(dot(a, a));
	return n > 1e-300 && Number.isFinite(n) ? a.map((x) => x / n) : undefined;
}

/** `a` minus its component along the unit vector `u`, zeroed when what is left is rounding noise. */
function orthogonalPart(a: Float64Array, u: Float64Array): Float64Array {
	const along = dot(a, u);
	const rest = a.map((x, i) => x - along * u[i]!);
	return Math.sqrt(dot(rest, rest)) > 1e-9 * Math.sqrt(dot(a, a)) ? rest : new Float64Array(a.length);
}

/** The coordinate axis most nearly orthogonal to `u` (the first axis when u is zero). */
function axisLeastAlong(u: Float64Array): Float64Array {
	let best = 0;
	for (let i = 1; i < u.length; i++) if (Math.abs(u[i]!) < Math.abs(u[best]!)) best = i;
	const axis = new Float64Array(u.length);
	axis[best] = 1;
	return axis;
}

function lastMinusFirst(path: PathPoints): Float64Array {
	const { d, count } = path;
	return Float64Array.from({ length: d }, (_, i) => path.points[(count - 1) * d + i]! - path.points[i]!);
}

/** Flips `u` in place so that it points along `towards`; when they are orthogonal, so that its largest entry is positive. */
function orient(u: Float64Array, towards: Float64Array): void {
	let s = dot(u, towards);
	if (Math.abs(s) <= 1e-12 * Math.sqrt(dot(towards, towards))) s = u.reduce((best, x) => (Math.abs(x) > Math.abs(best) ? x : best), 0);
	if (s < 0) for (let i = 0; i < u.length; i++) u[i] = -u[i]!;
}
