// Beale's function, minimum 0 at (3, 0.5): SGD diverges at lr 0.1 and takes ~3000 steps at 0.01; Adam with lr 0.1 needs ~300.
export function loss(x = 1, y = 1) {
	return (1.5 - x + x * y) ** 2 + (2.25 - x + x * y ** 2) ** 2 + (2.625 - x + x * y ** 3) ** 2;
}
