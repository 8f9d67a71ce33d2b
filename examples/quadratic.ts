// The study note's example: y = (x - 1)^2 + 1. Press F10 to step.
export function loss(x = 5) {
	return (x - 1) ** 2 + 1;
}
