/**
 * A list comprehension or generator used as a value (`terms = [f(v) for v in x]`, `zip(xs, (2 * y for y in ys))`):
 * a lazy mapped list whose element is computed when read, so a comprehension over 10,000 points costs one lowering
 * of its element. Python evaluates a comprehension when it is reached, so the local variables it reads are captured
 * then (a later `s = 2` does not change `[v * s for v in x]`). Comprehensions with an `if` or several `for`s have no
 * fixed length and are only supported directly inside a reduction (`reductions.ts`).
 */
import { fail } from '../lowering/context';
import type { Scope } from '../lowering/scope';
import { expectVector, type Value } from '../lowering/values';
import { mappedVector } from '../lowering/vectors';
import { bindTarget } from './assignments';
import { mentionedNames } from './astScan';
import { describe, evaluate } from './expressions';
import type { ComprehensionExpr } from './pythonAst';
import type { PythonContext } from './pythonContext';
import { msg } from '../../message';

/** The comprehension as a list. */
export function comprehensionValue(ctx: PythonContext, scope: Scope, comp: ComprehensionExpr): Value {
	const [first, ...rest] = comp.clauses;
	if (first?.kind !== 'for' || rest.length > 0) {
		const message = msg`a comprehension with 'if' or several 'for's is only supported directly inside sum(), min(), max(), np.sum() or np.mean()`;
		return fail(message, comp.span);
	}
	const captured = snapshot(scope, mentionedNames([comp.element, first.iterable]), comp);
	const source = expectVector(evaluate(ctx, captured, first.iterable), describe(first.iterable), first.iterable.span);
	return mappedVector(source, (element, _index, span) => {
		const inner = captured.child();
		bindTarget(ctx, first.target, element, span, (name, value, at) => {
			if (!inner.declares(name)) inner.declare(name, value, 'const', at);
		});
		return evaluate(ctx, inner, comp.element);
	});
}

/** A scope holding the current values of the local variables among `names`, so later assignments do not leak in. */
function snapshot(scope: Scope, names: ReadonlySet<string>, comp: ComprehensionExpr): Scope {
	const copy = scope.child();
	for (const name of names) {
		for (let s: Scope | undefined = scope; s?.parent; s = s.parent) {
			if (!s.declares(name)) continue;
			const binding = s.lookup(name, comp.span);
			if (binding) copy.declare(name, binding.value, 'const', comp.span);
			break;
		}
	}
	return copy;
}
