// A line y ≈ w·x + b fitted by mean squared error: lr 0.1 diverges, 0.01 converges. Then set "downhill.batchSize" to 2 for mini-batch SGD.
const xs = [0, 1, 2, 3, 4, 5, 6, 7];
const ys = [1.1, 2.9, 5.2, 7.1, 8.8, 11.2, 13.1, 14.9];

export function loss(w = 0, b = 0) {
	let total = 0;
	for (let i = 0; i < xs.length; i++) {
		const error = w * xs[i] + b - ys[i];
		total += error * error;
	}
	return total / xs.length;
}
