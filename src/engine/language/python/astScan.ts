/**
 * Syntactic questions asked before lowering: which names a function body assigns (Python's rule for what is local),
 * which names a loop body or `if` branch may change (those become loop-carried or merged variables), whether
 * statements can return, and which names an expression mentions. All walks are iterative, so deeply nested or very
 * long code cannot overflow the stack here.
 */
import type { Expr, Stmt, SubscriptExpr, Target } from './pythonAst';
import { namesIn, perRoot } from '../lowering/perRoot';

/** The direct subexpressions of an expression (a lambda's body included). */
export function exprChildren(e: Expr): readonly Expr[] {
	switch (e.kind) {
		case 'number':
		case 'name':
		case 'string':
		case 'unsupported':
			return [];
		case 'binary':
		case 'logical':
			return [e.left, e.right];
		case 'compare':
			return e.operands;
		case 'unary':
			return [e.operand];
		case 'conditional':
			return [e.test, e.whenTrue, e.whenFalse];
		case 'call':
			return [e.callee, ...e.args, ...e.keywords.map((k) => k.value)];
		case 'attribute':
			return [e.object];
		case 'subscript': {
			const i = e.index;
			const items = i.kind === 'indexTuple' ? i.items : [i];
			return [e.object, ...items.flatMap((x) => (x.kind === 'slice' ? [x.lower, x.upper, x.step].filter((y) => y !== undefined) : [x]))];
		}
		case 'sequence':
			return e.items;
		case 'comprehension':
			return [e.element, ...e.clauses.map((c) => (c.kind === 'for' ? c.iterable : c.test))];
		case 'lambda':
			return [e.body, ...e.params.flatMap((p) => (p.initial ? [p.initial] : []))];
		default: {
			const never: never = e;
			return never;
		}
	}
}

/** Every name an expression mentions (comprehension and lambda variables too, which is harmless over-approximation). */
export function mentionedNames(roots: readonly Expr[]): Set<string> {
	const names = new Set<string>();
	const stack = [...roots];
	while (stack.length > 0) {
		const e = stack.pop()!;
		if (e.kind === 'name') names.add(e.name);
		stack.push(...exprChildren(e));
	}
	return names;
}

/** The names a target binds. */
export function targetNames(target: Target, into: Set<string> = new Set()): Set<string> {
	const stack = [target];
	while (stack.length > 0) {
		const t = stack.pop()!;
		if (t.kind === 'name' || t.kind === 'element') into.add(t.name);
		else if (t.kind === 'tuple') stack.push(...t.items);
	}
	return into;
}

/** The statements nested directly in a statement (branches and bodies; not a nested function's body). */
function nestedBlocks(s: Stmt): readonly (readonly Stmt[])[] {
	switch (s.kind) {
		case 'if':
			return [s.body, s.orelse];
		case 'for':
			return s.orelse ? [s.body, s.orelse] : [s.body];
		case 'unsupported':
			return s.bodies;
		default:
			return [];
	}
}

/** Calls `visit` on every statement of `roots` and the blocks nested in them, outside nested functions. */
export function walkStatements(roots: readonly Stmt[], visit: (s: Stmt) => void): void {
	const stack = [...roots];
	while (stack.length > 0) {
		const s = stack.pop()!;
		visit(s);
		for (const block of nestedBlocks(s)) stack.push(...block);
	}
}

const assignedIn = perRoot(scanAssigned);
const returnsIn = perRoot((root: Stmt) => {
	let found = false;
	walkStatements([root], (s) => {
		if (s.kind === 'return') found = true;
	});
	return found;
});

const appenders = new Set(['append', 'extend']);

/** The list a statement `name.append(...)` / `name.extend(...)` changes, or undefined for another statement. */
export function appendedName(e: Expr): string | undefined {
	if (e.kind !== 'call' || e.callee.kind !== 'attribute' || e.callee.object.kind !== 'name') return undefined;
	return appenders.has(e.callee.name) ? e.callee.object.name : undefined;
}

/** The root name of `xs[i]`, `W[i][j]`; undefined when the subscript is not on a name or slices. */
export function elementRoot(e: SubscriptExpr): string | undefined {
	let object: Expr = e;
	while (object.kind === 'subscript') {
		if (object.index.kind === 'slice' || object.index.kind === 'indexTuple') return undefined;
		object = object.object;
	}
	return object.kind === 'name' ? object.name : undefined;
}

/** The names statements bind: assignment and `for` targets, `def`s, imports (Python's local variables). */
export function assignedNames(roots: readonly Stmt[]): Set<string> {
	return namesIn(roots, assignedIn);
}

function scanAssigned(root: Stmt): Set<string> {
	const names = new Set<string>();
	walkStatements([root], (s) => {
		switch (s.kind) {
			case 'assign':
				for (const t of s.targets) targetNames(t, names);
				return;
			case 'augmented':
			case 'for':
				targetNames(s.target, names);
				return;
			case 'def':
				names.add(s.def.name);
				return;
			case 'expression': {
				const changed = appendedName(s.value);
				if (changed !== undefined) names.add(changed);
				return;
			}
			case 'import':
				for (const b of s.bindings) if (b.form !== 'star') names.add(b.name);
				return;
			case 'unsupported':
				for (const name of s.binds) names.add(name);
				return;
			default:
				return;
		}
	});
	return names;
}

/** True when statements hold a `return` outside nested functions. */
export function containsReturn(roots: readonly Stmt[]): boolean {
	return roots.some(returnsIn);
}
