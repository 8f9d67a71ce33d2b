/**
 * Test functions for the optimizer tests, each with a hand-written gradient (no autodiff: the tests of `optim/` must
 * not depend on `graph/`). Classic benchmarks from the optimization literature.
 */

/** A 2-D test function with its gradient and a start point. */
export interface TestFunction {
	readonly name: string;
	readonly start: readonly [number, number];
	value(x: number, y: number): number;
	gradient(x: number, y: number): [number, number];
}

/** `x^2 + 3 y^2`: minimum 0 at the origin; plain SGD diverges for lr > 1/3 (the y direction first). */
export const quadratic: TestFunction = {
	name: 'quadratic',
	start: [2, -1],
	value: (x, y) => x * x + 3 * y * y,
	gradient: (x, y) => [2 * x, 6 * y],
};

/** Rosenbrock's banana `(1 - x)^2 + 100 (y - x^2)^2`: minimum 0 at (1, 1), the classic start (-1.2, 1). */
export const rosenbrock: TestFunction = {
	name: 'rosenbrock',
	start: [-1.2, 1],
	value: (x, y) => (1 - x) ** 2 + 100 * (y - x * x) ** 2,
	gradient: (x, y) => [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)],
};

/** Himmelblau's `(x^2 + y - 11)^2 + (x + y^2 - 7)^2`: four minima of value 0, e.g. (3, 2). */
export const himmelblau: TestFunction = {
	name: 'himmelblau',
	start: [-1, 1],
	value: (x, y) => (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2,
	gradient: (x, y) => {
		const a = x * x + y - 11;
		const b = x + y * y - 7;
		return [4 * x * a + 2 * b, 2 * a + 4 * y * b];
	},
};

export const testFunctions: readonly TestFunction[] = [quadratic, rosenbrock, himmelblau];
