// A 2-2-1 neural network on XOR: two sigmoid hidden units and a sigmoid output, squared error over the four samples.
// F5, then F11 to step into an update: the loop over the samples, the sigmoid calls, then backpropagation in reverse.
const X = [[0, 0], [0, 1], [1, 0], [1, 1]];
const Y = [0, 1, 1, 0];

function sigmoid(z: number): number {
	return 1 / (1 + Math.exp(-z));
}

export function loss(w00 = 0.5, w01 = -0.4, w10 = 0.3, w11 = 0.8, b0 = 0.1, b1 = -0.2, v0 = 0.7, v1 = -0.6, c = 0.05) {
	let total = 0;
	for (let n = 0; n < 4; n++) {
		const h0 = sigmoid(w00 * X[n][0] + w01 * X[n][1] + b0);
		const h1 = sigmoid(w10 * X[n][0] + w11 * X[n][1] + b1);
		const out = sigmoid(v0 * h0 + v1 * h1 + c);
		total += (out - Y[n]) ** 2;
	}
	return total / 4;
}
