// Two valleys: from x = 1.5 gradient descent settles in the local minimum near x = 1.13; set the start point to 0 and it finds the global one near x = -1.30.
export function loss(x = 1.5) {
	return x ** 4 - 3 * x ** 2 + x;
}
