/**
 * Syntax questions asked again and again of the same subtrees (which names a block assigns, whether it returns),
 * answered once per subtree: parsed trees do not change, so both front ends cache their scans per root node.
 */

/** `scan`, computed once per root object and remembered while the root lives. */
export function perRoot<R extends object, T>(scan: (root: R) => T): (root: R) => T {
	const cache = new WeakMap<R, T>();
	return (root) => {
		if (cache.has(root)) return cache.get(root)!;
		const value = scan(root);
		cache.set(root, value);
		return value;
	};
}

/** The union of `namesOf` over `roots`, as a new set the caller may extend. */
export function namesIn<R>(roots: readonly R[], namesOf: (root: R) => ReadonlySet<string>): Set<string> {
	const names = new Set<string>();
	for (const root of roots) for (const name of namesOf(root)) names.add(name);
	return names;
}
