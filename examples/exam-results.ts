// Logistic regression on data from a JSON file: did a student pass (1) or not (0), given the hours they studied?
// Downhill reads data/exam-results.json next to this file (it never runs this file) and the arrays become constant
// data, as if they were written out here. p = sigmoid(w·hours + b); the loss is the mean cross-entropy.
import exams from "./data/exam-results.json" with { type: "json" };

export function loss(w = 0, b = 0) {
	let total = 0;
	for (let i = 0; i < exams.hours.length; i++) {
		const p = 1 / (1 + Math.exp(-(w * exams.hours[i] + b)));
		total -= exams.passed[i] * Math.log(p) + (1 - exams.passed[i]) * Math.log(1 - p);
	}
	return total / exams.hours.length;
}
