// Himmelblau's function has four minima, all with loss 0: set the learning rate to 0.01 (0.1 diverges), then run "Downhill: Random Restarts".
export function loss(x = 0, y = 0) {
	return (x ** 2 + y - 11) ** 2 + (x + y ** 2 - 7) ** 2;
}
