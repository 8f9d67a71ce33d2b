/**
 * The first gate for a message from a less trusted side: is it plain data (what `postMessage`'s JSON or structured
 * clone can deliver: objects, arrays, strings, numbers, booleans, null) of bounded size and depth? Walks the value
 * once, depth first, and stops at the first thing out of bounds, so a huge or deeply nested message costs at most
 * `maxNodes` visits. It rejects what no message of ours contains: sparse arrays, objects that are not plain,
 * prototype keys (`__proto__`, `constructor`, `prototype`) and more text than `maxTextLength`. What each field
 * means is checked after this, by `validatePanelMessage.ts`.
 */

export interface DataBounds {
	/** Nesting levels below the top value. */
	readonly maxDepth: number;
	/** Values visited (every element and property counts one). */
	readonly maxNodes: number;
	/** Characters of all strings and keys together. */
	readonly maxTextLength: number;
}

const prototypeKeys: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** True when `value` is plain data within `bounds`; never throws. */
export function isBoundedData(value: unknown, bounds: DataBounds): boolean {
	const budget = { nodes: bounds.maxNodes, text: bounds.maxTextLength };
	try {
		return visit(value, bounds.maxDepth, budget);
	} catch {
		// A value that throws while it is read (a getter, a revoked proxy) is not data.
		return false;
	}
}

function visit(value: unknown, depth: number, budget: { nodes: number; text: number }): boolean {
	if (--budget.nodes < 0) return false;
	switch (typeof value) {
		case 'number':
		case 'boolean':
			return true;
		case 'string':
			budget.text -= value.length;
			return budget.text >= 0;
		case 'object':
			if (value === null) return true;
			if (depth <= 0) return false;
			return Array.isArray(value) ? visitArray(value, depth, budget) : visitObject(value, depth, budget);
		default:
			return false;
	}
}

function visitArray(array: readonly unknown[], depth: number, budget: { nodes: number; text: number }): boolean {
	if (Object.getPrototypeOf(array) !== Array.prototype || array.length > budget.nodes) return false;
	for (let i = 0; i < array.length; i++) {
		if (!Object.hasOwn(array, i) || !visit(array[i], depth - 1, budget)) return false;
	}
	return Object.keys(array).length === array.length;
}

function visitObject(object: object, depth: number, budget: { nodes: number; text: number }): boolean {
	const proto = Object.getPrototypeOf(object);
	if (proto !== Object.prototype && proto !== null) return false;
	const keys = Object.keys(object);
	if (keys.length > budget.nodes || Object.getOwnPropertySymbols(object).length > 0) return false;
	for (const key of keys) {
		budget.text -= key.length;
		if (budget.text < 0 || prototypeKeys.has(key)) return false;
		const descriptor = Object.getOwnPropertyDescriptor(object, key);
		if (!descriptor || !('value' in descriptor) || !visit(descriptor.value, depth - 1, budget)) return false;
	}
	return true;
}
