/**
 * The parameters of a loss and the finished `LossGraph`: scalar parameters are `param(k)`, array parameters a
 * (nested) `VectorValue` over `paramAt(offset, size, index)`; the flat names (`x`, `w[0]`, `W[1][2]`, ...) and the
 * start point (the defaults) are laid out in declaration order, arrays row-major.
 */
import type { SourceSpan } from '../../errors';
import { collectNodes, type LossGraph, type ParamSpec } from '../../graph/node';
import { fail, type LoweringContext } from './context';
import { expectScalar, scalar, type Value } from './values';
import { paramTensor } from './vectors';
import { msg } from '../../message';

export class ParamLayout {
	readonly specs: ParamSpec[] = [];
	readonly names: string[] = [];
	readonly start: number[] = [];

	constructor(private readonly ctx: LoweringContext) {}

	/** Adds a scalar parameter starting at `start`; returns its value. */
	scalar(name: string, start: number): Value {
		const offset = this.names.length;
		this.specs.push({ name, offset });
		this.names.push(name);
		this.start.push(start);
		return scalar(this.ctx.builder.param(offset));
	}

	/** Adds a vector parameter with one start value per element; returns its value. */
	vector(name: string, start: readonly number[]): Value {
		return this.tensor(name, [start.length], start);
	}

	/**
	 * Adds an array parameter of `shape` with its start values row-major; returns its value (a numpy array or torch
	 * tensor when `numeric`). Flat names index each axis: `W[0][0]`, `W[0][1]`, ..., in row-major order.
	 */
	tensor(name: string, shape: readonly number[], start: readonly number[], numeric = false): Value {
		const offset = this.names.length;
		this.specs.push(shape.length === 1 ? { name, offset, size: start.length } : { name, offset, size: start.length, shape });
		start.forEach((v, i) => {
			this.names.push(name + flatSuffix(shape, i));
			this.start.push(v);
		});
		return paramTensor(this.ctx.builder, offset, shape, `'${name}'`, numeric);
	}

	/** The lowered loss: `output` must be a number. */
	finish(output: Value, span: SourceSpan): LossGraph {
		const node = expectScalar(output, msg`the returned value`, span);
		if (collectNodes(node).some((n) => n.kind === 'param' && n.index < 0)) {
			fail(msg`internal error: a loop placeholder reached the output`, span);
		}
		return {
			output: node,
			params: this.specs,
			paramNames: this.names,
			start: this.start,
			data: this.ctx.builder.data,
			steps: this.ctx.steps,
		};
	}
}

/** `[i][j]...` for flat index `flat` of an array of `shape`, row-major. */
function flatSuffix(shape: readonly number[], flat: number): string {
	let suffix = '';
	let rest = flat;
	for (let axis = shape.length - 1; axis >= 0; axis--) {
		const n = shape[axis]!;
		suffix = `[${rest % n}]${suffix}`;
		rest = Math.floor(rest / n);
	}
	return suffix;
}
