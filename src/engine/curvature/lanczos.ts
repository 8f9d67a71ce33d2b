/**
 * Lanczos iteration with full reorthogonalization, for the extreme eigenvalues of a symmetric matrix known only
 * through products `H·v` (Hessian-vector products): the small tridiagonal matrix it builds is solved by the Jacobi
 * method of `landscape/symmetricEigen.ts`. Golub & Van Loan, "Matrix Computations" (4th ed.), §10.1. Pure and
 * deterministic: it starts from a fixed vector.
 */
import { symmetricEigen } from '../landscape/symmetricEigen';


/** `out = H·v` for the symmetric matrix being analysed. */
export type MatrixVectorProduct = (v: Float64Array, out: Float64Array) => void;

/**
 * The Ritz values of `k = min(d, steps)` Lanczos steps, ascending: their ends approximate the smallest and largest
 * eigenvalues (exactly once `k = d`). A breakdown (an invariant subspace) restarts from a vector orthogonal to the
 * basis so far, so the whole spectrum is reached when `steps >= d`.
 */
export function lanczosRitzValues(product: MatrixVectorProduct, d: number, steps = 60): number[] {
	const k = Math.min(d, steps);
	const basis: Float64Array[] = [];
	const alpha: number[] = [];
	const beta: number[] = [];
	let q = startVector(d, 0);
	const w = new Float64Array(d);
	for (let j = 0; j < k; j++) {
		basis.push(q);
		product(q, w);
		alpha.push(dot(w, q));
		for (const b of basis) axpy(w, -dot(w, b), b);
		for (const b of basis) axpy(w, -dot(w, b), b);
		if (j === k - 1) break;
		let norm = Math.sqrt(dot(w, w));
		if (!(norm > 1e-12 * (Math.abs(alpha[j]!) + 1))) {
			q = restartVector(basis, d);
			norm = 0;
		} else q = w.map((x) => x / norm);
		beta.push(norm);
	}
	return Array.from(symmetricEigen(tridiagonal(alpha, beta), alpha.length).values).reverse();
}

function tridiagonal(alpha: readonly number[], beta: readonly number[]): Float64Array {
	const n = alpha.length;
	const t = new Float64Array(n * n);
	for (let i = 0; i < n; i++) {
		t[i * n + i] = alpha[i]!;
		if (i + 1 < n) t[i * n + i + 1] = t[(i + 1) * n + i] = beta[i]!;
	}
	return t;
}

/** A fixed, generic unit vector (no coordinate zero, no special direction). */
function startVector(d: number, seed: number): Float64Array {
	const v = Float64Array.from({ length: d }, (_, i) => 1 + 0.5 * Math.sin(1.7 * (i + 1) + seed));
	const norm = Math.sqrt(dot(v, v));
	return v.map((x) => x / norm);
}

/** A unit vector orthogonal to `basis`, from the coordinate axes. */
function restartVector(basis: readonly Float64Array[], d: number): Float64Array {
	for (let axis = 0; axis < d; axis++) {
		const v = new Float64Array(d);
		v[axis] = 1;
		for (let pass = 0; pass < 2; pass++) for (const b of basis) axpy(v, -dot(v, b), b);
		const norm = Math.sqrt(dot(v, v));
		if (norm > 1e-6) return v.map((x) => x / norm);
	}
	return new Float64Array(d);
}

function dot(x: Float64Array, y: Float64Array): number {
	let sum = 0;
	for (let i = 0; i < x.length; i++) sum += x[i]! * y[i]!;
	return sum;
}

function axpy(target: Float64Array, a: number, x: Float64Array): void {
	for (let i = 0; i < target.length; i++) target[i] = target[i]! + a * x[i]!;
}
