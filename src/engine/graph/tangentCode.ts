/**
 * Code fragments for the forward-over-reverse Hessian-vector products that `compileGraph.ts` generates
 * (Pearlmutter, "Fast exact multiplication by the Hessian", Neural Computation 6(1), 1994; Griewank & Walther,
 * "Evaluating Derivatives", 2nd ed., SIAM 2008, §5.4): a value's tangent along the direction from the op's first
 * derivatives, and the tangent of a partial derivative from its second derivatives, both taken from the op table
 * (`ops.ts`). A tangent written `'0'` is known to be zero (constants, data, indices) and its terms are left out.
 */

/** `factor · term` as code, without the unit factors. */
export function timesCode(factor: string, term: string): string {
	if (factor === '1') return term;
	if (factor === '-1') return `(-${term})`;
	return `${factor} * ${term}`;
}

/** A node's tangent: Σⱼ ∂out/∂argⱼ · ṫⱼ, or `'0'` when every term is zero. */
export function tangentCode(partials: readonly (string | null | undefined)[], tangents: readonly string[]): string {
	const terms = tangents.flatMap((t, j) => {
		const partial = partials[j];
		return partial === null || partial === undefined || t === '0' ? [] : [timesCode(partial, t)];
	});
	return terms.length === 0 ? '0' : terms.join(' + ');
}

/**
 * The tangent of the partial ∂out/∂argⱼ: Σₘ ∂²out/∂argⱼ∂argₘ · ṫₘ (`second` row-major, as `OpRule.emitSecond`
 * returns it), or undefined when it is identically zero.
 */
export function partialTangentCode(second: readonly (string | null)[] | undefined, j: number, tangents: readonly string[]): string | undefined {
	if (!second) return undefined;
	const k = tangents.length;
	const code = tangentCode(tangents.map((_, m) => second[j * k + m]), tangents);
	return code === '0' ? undefined : code;
}
