/**
 * Eigenvalues and eigenvectors of a small real symmetric matrix by the cyclic Jacobi method: plane rotations that
 * zero one off-diagonal entry at a time, sweeping row by row until the off-diagonal part vanishes. Quadratic
 * convergence, about ten sweeps for the sizes Downhill uses (the principal directions of a path: at most a few
 * hundred rows). Pure: the input is not modified.
 *
 * Golub & Van Loan, Matrix Computations (4th ed.), §8.5.2–8.5.3 (the symmetric Schur decomposition and the cyclic
 * Jacobi algorithm); the stable rotation formulas are those of Press et al., Numerical Recipes (3rd ed.), §11.1.
 */

/** Eigenpairs sorted by eigenvalue, largest first; `vectors[k]` has unit length. */
export interface SymmetricEigen {
	readonly values: Float64Array;
	readonly vectors: Float64Array[];
}

const maxSweeps = 50;

/** Eigen-decomposition of the symmetric `n × n` row-major matrix `matrix` (only its upper triangle is read). */
export function symmetricEigen(matrix: ArrayLike<number>, n: number): SymmetricEigen {
	const a = Float64Array.from(matrix);
	for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) a[i * n + j] = a[j * n + i]!;
	const v = new Float64Array(n * n);
	for (let i = 0; i < n; i++) v[i * n + i] = 1;
	for (let sweep = 0; sweep < maxSweeps && offDiagonal(a, n) > 1e-30 * (diagonal(a, n) + 1e-300); sweep++) {
		for (let p = 0; p < n - 1; p++) for (let q = p + 1; q < n; q++) rotate(a, v, n, p, q);
	}
	const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => a[j * n + j]! - a[i * n + i]!);
	return {
		values: Float64Array.from(order, (i) => a[i * n + i]!),
		vectors: order.map((k) => Float64Array.from({ length: n }, (_, i) => v[i * n + k]!)),
	};
}

/** Sum of squares of the off-diagonal entries. */
function offDiagonal(a: Float64Array, n: number): number {
	let s = 0;
	for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) s += 2 * a[i * n + j]! ** 2;
	return s;
}

function diagonal(a: Float64Array, n: number): number {
	let s = 0;
	for (let i = 0; i < n; i++) s += a[i * n + i]! ** 2;
	return s;
}

/** One Jacobi rotation in the (p, q) plane that zeroes `a[p][q]`; accumulates it into the eigenvector columns `v`. */
function rotate(a: Float64Array, v: Float64Array, n: number, p: number, q: number): void {
	const apq = a[p * n + q]!;
	if (apq === 0) return;
	const theta = (a[q * n + q]! - a[p * n + p]!) / (2 * apq);
	const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
	const c = 1 / Math.sqrt(t * t + 1);
	const s = t * c;
	for (let k = 0; k < n; k++) {
		const akp = a[k * n + p]!;
		const akq = a[k * n + q]!;
		a[k * n + p] = c * akp - s * akq;
		a[k * n + q] = s * akp + c * akq;
	}
	for (let k = 0; k < n; k++) {
		const apk = a[p * n + k]!;
		const aqk = a[q * n + k]!;
		a[p * n + k] = c * apk - s * aqk;
		a[q * n + k] = s * apk + c * aqk;
	}
	for (let k = 0; k < n; k++) {
		const vkp = v[k * n + p]!;
		const vkq = v[k * n + q]!;
		v[k * n + p] = c * vkp - s * vkq;
		v[k * n + q] = s * vkp + c * vkq;
	}
}
