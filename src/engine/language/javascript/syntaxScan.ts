/**
 * Syntactic questions about statements, asked before they are lowered: which names a loop body or `if` branch may
 * assign (those become loop-carried or merged variables), and whether a statement can return (then the rest of its
 * block is lowered inside each branch). Walks any Babel node generically and iteratively.
 */
import type * as t from '@babel/types';
import { namesIn, perRoot } from '../lowering/perRoot';

const skippedKeys = new Set([
	'type', 'loc', 'start', 'end', 'range', 'extra', 'leadingComments', 'trailingComments', 'innerComments',
	'typeAnnotation', 'returnType', 'typeParameters', 'typeArguments',
]);

function isNode(value: unknown): value is t.Node {
	return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** Calls `visit` on `roots` and their descendants; `visit` returns false to skip a node's children. */
function walk(roots: readonly t.Node[], visit: (node: t.Node) => boolean): void {
	const stack: t.Node[] = [...roots];
	while (stack.length > 0) {
		const node = stack.pop()!;
		if (!visit(node)) continue;
		for (const [key, value] of Object.entries(node)) {
			if (skippedKeys.has(key)) continue;
			if (Array.isArray(value)) {
				for (const item of value) if (isNode(item)) stack.push(item);
			} else if (isNode(value)) {
				stack.push(value);
			}
		}
	}
}

function isFunction(node: t.Node): boolean {
	const type = node.type;
	return type === 'FunctionExpression' || type === 'ArrowFunctionExpression' || type === 'FunctionDeclaration';
}

const assignedIn = perRoot(scanAssigned);
const returnsIn = perRoot(scanReturn);

/**
 * Names assigned (`x = ...`, `x += ...`, `x++`) or whose array is changed (`h.push(v)`, `h[j] = v`) anywhere in
 * `roots`, nested functions excluded except a `forEach` callback, whose body runs as a loop in place.
 */
export function assignedNames(roots: readonly t.Node[]): Set<string> {
	return namesIn(roots, assignedIn);
}

function scanAssigned(root: t.Node): ReadonlySet<string> {
	const names = new Set<string>();
	walk([root], (node) => {
		if (node.type === 'AssignmentExpression') addRoot(names, node.left);
		if (node.type === 'UpdateExpression' && node.argument.type === 'Identifier') names.add(node.argument.name);
		const method = calledMethod(node);
		if (method === 'push' && node.type === 'CallExpression') addRoot(names, node.callee);
		const callback = method === 'forEach' && node.type === 'CallExpression' ? node.arguments[0] : undefined;
		if (callback && isFunction(callback)) for (const name of scanAssigned((callback as t.ArrowFunctionExpression).body)) names.add(name);
		return !isFunction(node);
	});
	return names;
}

function addRoot(names: Set<string>, target: t.Node): void {
	const name = rootName(target);
	if (name !== undefined) names.add(name);
}

/** The variable at the root of `h`, `h[j]`, `W[i][j]`, `h.push`; undefined when it is not a variable. */
export function rootName(target: t.Node): string | undefined {
	let e = target;
	while (e.type === 'MemberExpression' || e.type === 'TSNonNullExpression' || e.type === 'ParenthesizedExpression') {
		e = e.type === 'MemberExpression' ? e.object : e.expression;
	}
	return e.type === 'Identifier' ? e.name : undefined;
}

/** The method name of a call `a.name(...)`, else undefined. */
export function calledMethod(node: t.Node): string | undefined {
	if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression' || node.callee.computed) return undefined;
	return node.callee.property.type === 'Identifier' ? node.callee.property.name : undefined;
}

/** True when `roots` hold a `return` outside nested functions. */
export function containsReturn(roots: readonly t.Node[]): boolean {
	return roots.some(returnsIn);
}

function scanReturn(root: t.Node): boolean {
	let found = false;
	walk([root], (node) => {
		if (node.type === 'ReturnStatement') found = true;
		return !found && !isFunction(node);
	});
	return found;
}

/** True when `roots` mention the identifier `name` (as a name, not a property), nested functions included. */
export function mentions(roots: readonly t.Node[], name: string): boolean {
	let found = false;
	walk(roots, (node) => {
		if (node.type === 'Identifier' && node.name === name) found = true;
		if (node.type === 'MemberExpression' && !node.computed) {
			walk([node.object], (inner) => {
				if (inner.type === 'Identifier' && inner.name === name) found = true;
				return !found;
			});
			return false;
		}
		return !found;
	});
	return found;
}
