/**
 * The parameters of a loss and the finished `LossGraph`: scalar parameters are `param(k)`, vector parameters a
 * `VectorValue` over `paramAt(offset, size, index)`; the flat names (`x`, `w[0]`, `w[1]`, ...) and the start point
 * (the defaults) are laid out in declaration order.
 */
import type { SourceSpan } from '../../errors';
import { collectNodes, type LossGraph, type ParamSpec } from '../../graph/node';
import { fail, type LoweringContext } from './context';
import { expectScalar, scalar, type Value } from './values';
import { paramVector } from './vectors';
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
		const offset = this.names.length;
		this.specs.push({ name, offset, size: start.length });
		start.forEach((v, i) => {
			this.names.push(`${name}[${i}]`);
			this.start.push(v);
		});
		return paramVector(this.ctx.builder, offset, start.length, `'${name}'`);
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
			trace: this.ctx.trace,
		};
	}
}
