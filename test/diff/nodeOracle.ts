// Node as the oracle of the JavaScript and TypeScript front ends: the generated program (types stripped by esbuild)
// runs in a fresh `vm` context — this is the fuzzer's own generated code, never a user's — and answers like CPython
// does: the value at each point and a Ridders-extrapolated central-difference gradient of Node's own values.
import { transformSync } from 'esbuild';
import { runInNewContext } from 'node:vm';
import { ridders, type OracleAnswer, type PointAnswer } from './oracleAnswer';
import type { PythonRequest } from './pythonOracle';

type Callable = (...args: unknown[]) => unknown;

function callFlat(fn: Callable, shape: readonly (number | null)[], flat: readonly number[]): number {
	const args: unknown[] = [];
	let k = 0;
	for (const n of shape) {
		if (n === null) args.push(flat[k++]);
		else {
			args.push(flat.slice(k, k + n));
			k += n;
		}
	}
	return Number(fn(...args));
}

function atPoint(fn: Callable, shape: readonly (number | null)[], flat: readonly number[]): PointAnswer {
	const value = callFlat(fn, shape, flat);
	const jumpy = [1, -1, 2, -2].some((k) => {
		const near = callFlat(fn, shape, flat.map((v) => v + k * 1e-12 * Math.max(Math.abs(v), 1e-3)));
		return !(Math.abs(near - value) <= 1e-9 * Math.max(1, Math.abs(value))) && !Object.is(near, value) && !(Number.isNaN(near) && Number.isNaN(value));
	});
	const gradient: (number | null)[] = [];
	const errors: (number | null)[] = [];
	for (let i = 0; i < flat.length; i++) {
		const { derivative, error } = ridders((p) => callFlat(fn, shape, p), flat, i, Math.max(1e-3, 1e-9 * Math.abs(flat[i]!)));
		const ok = Number.isFinite(derivative) && Number.isFinite(error);
		gradient.push(ok ? derivative : null);
		errors.push(ok ? error : null);
	}
	return { value, gradient, errors, jumpy };
}

/** Node's answer for one JavaScript (`typescript` false) or TypeScript program. */
export function runInNode(request: PythonRequest, typescript: boolean): OracleAnswer {
	try {
		const { code } = transformSync(request.source, { loader: typescript ? 'ts' : 'js', format: 'cjs' });
		const module = { exports: {} as Record<string, unknown> };
		const context: Record<string, unknown> = { module, exports: module.exports };
		runInNewContext(code, context, { timeout: 2000 });
		const fn = (module.exports[request.name] ?? context[request.name]) as Callable;
		return { results: request.points.map((p) => atPoint(fn, request.shape, p)) };
	} catch (error) {
		return { invalid: String(error) };
	}
}
