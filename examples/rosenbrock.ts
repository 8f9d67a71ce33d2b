// Rosenbrock's banana valley, minimum at (1, 1): at lr 0.1 SGD diverges in 4 steps; at 0.001 it crawls along the valley; Adam with lr 0.02 gets there.
export function loss(x = -1.5, y = 2) {
	return (1 - x) ** 2 + 100 * (y - x ** 2) ** 2;
}
