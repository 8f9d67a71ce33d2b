// A parabola y ≈ a·x² + b·x + c fitted by mean squared error: three parameters, so the panel shows the n-D views.
// Pick "Principal directions of the path" as the slice and open "Line search": at lr 0.05 the steps fall short along
// the narrow valley; at 0.16 each step overshoots across it (1.8× the line minimum) and the path zig-zags.
const xs = [-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2];
const ys = [6.02, 4.11, 2.46, 1.33, 0.54, -0.03, -0.05, 0.6, 1.23];

export function loss(a = 0, b = 0, c = 0) {
	let total = 0;
	for (let i = 0; i < xs.length; i++) {
		const error = a * xs[i] * xs[i] + b * xs[i] + c - ys[i];
		total += error * error;
	}
	return total / xs.length;
}
