/**
 * The three losses of the PyTorch fixture scripts (test/fixtures/torch/*.py) as the scripts write them: the same
 * closed-form gradients in the same order of operations, so the engine and PyTorch see identical float64 gradients.
 */
import { quadratic, rosenbrock } from './testFunctions';

export type TorchLossName = 'quadratic' | 'rosenbrock' | 'regression';
export type TorchLoss = (x: number, y: number) => { value: number; gradient: [number, number] };

/** The fixtures' losses; `regression` is the mean squared error of `w x + b` over `data`, summed in the script's order. */
export function torchLosses(data: { readonly x: readonly number[]; readonly y: readonly number[] }): Record<TorchLossName, TorchLoss> {
	const regression: TorchLoss = (w, b) => {
		const { x, y } = data;
		let total = 0;
		let gw = 0;
		let gb = 0;
		for (let i = 0; i < x.length; i++) {
			const r = w * x[i]! + b - y[i]!;
			total = total + r * r;
			gw = gw + 2 * r * x[i]!;
			gb = gb + 2 * r;
		}
		return { value: total / x.length, gradient: [gw / x.length, gb / x.length] };
	};
	return {
		quadratic: (x, y) => ({ value: quadratic.value(x, y), gradient: quadratic.gradient(x, y) }),
		rosenbrock: (x, y) => ({ value: rosenbrock.value(x, y), gradient: rosenbrock.gradient(x, y) }),
		regression,
	};
}
