// The independent oracle for JavaScript/TypeScript losses: the same source, its types stripped by esbuild, run as
// JavaScript in Node (in the test only; the engine never runs user code). Parameters are passed the way the source
// declares them: numbers, nested arrays by shape, and records for grouped parameters (`p.w`, `p.b`).
import { transformSync } from 'esbuild';
import type { Loss } from '../../../src/engine/compileLoss';

type Argument = number | Argument[] | { [field: string]: Argument };

/** The loss function `name` of `source`, run as JavaScript. */
export function runAsJavaScript(source: string, name = 'loss'): (...args: Argument[]) => number {
	const { code } = transformSync(source, { loader: 'ts', format: 'cjs' });
	const module = { exports: {} as Record<string, unknown> };
	const body = `${code}\nreturn typeof ${name} === 'function' ? ${name} : module.exports.${name};`;
	return new Function('module', 'exports', body)(module, module.exports) as (...args: Argument[]) => number;
}

/** The arguments of the loss at the flat point `x`, shaped as `loss.paramSpecs` declares them. */
export function argumentsAt(loss: Loss, x: ArrayLike<number>): Argument[] {
	const args = new Map<string, Argument>();
	for (const spec of loss.paramSpecs) {
		const shape = spec.size === undefined ? [] : ((spec as { shape?: readonly number[] }).shape ?? [spec.size]);
		const value = nest(Array.from({ length: spec.size ?? 1 }, (_, i) => x[spec.offset + i]!), shape);
		const [head, ...path] = spec.name.split('.');
		if (path.length === 0) {
			args.set(head!, value);
			continue;
		}
		let group = (args.get(head!) ?? {}) as Record<string, Argument>;
		args.set(head!, group);
		for (const key of path.slice(0, -1)) group = (group[key] ??= {}) as Record<string, Argument>;
		group[path.at(-1)!] = value;
	}
	return [...args.values()];
}

function nest(values: number[], shape: readonly number[]): Argument {
	if (shape.length === 0) return values[0]!;
	const [n, ...inner] = shape;
	const stride = values.length / n!;
	return Array.from({ length: n! }, (_, i) => nest(values.slice(i * stride, (i + 1) * stride), inner));
}

/** Central differences of the oracle at `x` (step scaled to each coordinate). */
export function oracleGradient(f: (x: number[]) => number, x: readonly number[]): number[] {
	return x.map((xi, i) => {
		const h = 1e-6 * Math.max(1, Math.abs(xi));
		const plus = [...x];
		const minus = [...x];
		plus[i] = xi + h;
		minus[i] = xi - h;
		return (f(plus) - f(minus)) / (2 * h);
	});
}
