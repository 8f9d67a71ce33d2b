/**
 * `downhill grad` and `downhill check`: value and gradient (autodiff or numeric) at points, and the gradient check.
 */
import { defaultGradientTolerance } from '../engine/index';
import { toJson } from './cliError';
import { loadLoss, paramFields, parsePoint, type LossArguments } from './lossInput';

export interface GradArguments extends LossArguments {
	readonly at: readonly string[];
	readonly numeric: boolean;
	readonly json: boolean;
}

export function gradCommand(args: GradArguments, out: (line: string) => void): number {
	const loss = loadLoss(args);
	const points = args.at.length > 0 ? args.at.map((a) => parsePoint(a, loss, '--at')) : [[...loss.start]];
	const gradient = new Float64Array(loss.params.length);
	const results = points.map((at) => {
		const value = args.numeric ? loss.numericGradient(at, gradient) : loss.valueAndGradient(at, gradient);
		return { at, value, gradient: Array.from(gradient) };
	});
	if (args.json) {
		out(toJson({ function: loss.name, ...paramFields(loss), points: results }));
		return 0;
	}
	for (const r of results) {
		out(`${loss.name}(${formatPoint(loss.params, r.at)}) = ${r.value}`);
		loss.params.forEach((p, i) => out(`  ∂${loss.name}/∂${p} = ${r.gradient[i]}`));
	}
	return 0;
}

export function checkCommand(args: GradArguments & { readonly tolerance?: number }, out: (line: string) => void): number {
	const loss = loadLoss(args);
	const points = args.at.length > 0 ? args.at.map((a) => parsePoint(a, loss, '--at')) : [[...loss.start]];
	const tolerance = args.tolerance ?? defaultGradientTolerance;
	const checks = points.map((at) => loss.checkGradient(at, tolerance));
	const ok = checks.every((c) => c.ok);
	if (args.json) {
		const worst = (c: (typeof checks)[number]) => (c.worstParam >= 0 ? loss.params[c.worstParam] : null);
		out(toJson({ function: loss.name, ...paramFields(loss), tolerance, ok, points: checks.map((c) => ({ ...c, worstParam: worst(c) })) }));
		return ok ? 0 : 1;
	}
	for (const c of checks) {
		const where = c.worstParam >= 0 ? ` at ${loss.params[c.worstParam]}` : '';
		out(`${c.ok ? 'ok' : 'MISMATCH'} ${loss.name}(${formatPoint(loss.params, c.at)}): worst relative error ${c.worstError.toExponential(2)}${where}`);
		loss.params.forEach((p, i) => out(`  ${p}: autodiff ${c.autodiff[i]}  numeric ${c.numeric[i]}`));
	}
	return ok ? 0 : 1;
}

export function formatPoint(params: readonly string[], at: readonly number[]): string {
	return params.map((p, i) => `${p}=${at[i]}`).join(', ');
}
