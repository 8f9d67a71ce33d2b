// The shrinker: a failing program is reduced, one edit of its syntax tree at a time, to a smaller program that still
// fails the same way (Zeller and Hildebrandt, "Simplifying and Isolating Failure-Inducing Input", IEEE TSE 28(2),
// 2002, applied greedily to the tree as in QuickCheck's shrinking). Edits: drop a module item, a statement, an elif
// or an else; replace a branch or loop by its body; replace an expression by one of its operands or by `1`.
import { one, type Expr, type Module } from './programAst';

type Path = readonly (string | number)[];

const exprKinds = new Set(['num', 'name', 'unary', 'binary', 'compare', 'call', 'cond', 'index', 'list', 'template']);
const stmtKinds = new Set(['assign', 'if', 'for', 'return']);

function get(root: unknown, path: Path): unknown {
	return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], root);
}

/** A copy of `root` with the node at `path` replaced (or, for `splice`, the array element replaced by several). */
function replaced(root: unknown, path: Path, value: unknown, splice = false): unknown {
	if (path.length === 0) return value;
	const [key, ...rest] = path;
	if (Array.isArray(root)) {
		const copy = [...root];
		if (rest.length === 0 && splice) copy.splice(key as number, 1, ...(value as unknown[]));
		else copy[key as number] = replaced(root[key as number], rest, value, splice);
		return copy;
	}
	const node = root as Record<string, unknown>;
	return { ...node, [key!]: replaced(node[key!], rest, value, splice) };
}

function isKind(node: unknown, kinds: Set<string>): boolean {
	return typeof node === 'object' && node !== null && !Array.isArray(node) && kinds.has((node as { k?: string }).k ?? '');
}

function children(node: unknown, path: Path, visit: (node: unknown, path: Path) => void): void {
	visit(node, path);
	if (typeof node !== 'object' || node === null) return;
	for (const [key, child] of Object.entries(node)) children(child, [...path, Array.isArray(node) ? Number(key) : key], visit);
}

function operands(e: Expr): Expr[] {
	switch (e.k) {
		case 'unary': return [e.a];
		case 'binary': return [e.a, e.b];
		case 'compare': return [...e.items];
		case 'call': return [...e.args];
		case 'cond': return [e.then, e.else, e.test];
		case 'index': return [e.a];
		case 'template': return [...e.parts];
		default: return [];
	}
}

function statementEdits(m: Module, path: Path, out: Module[]): void {
	const list = get(m, path) as { k: string; body?: unknown[]; branches?: { body: unknown[] }[]; else?: unknown[] }[];
	list.forEach((s, i) => {
		out.push(replaced(m, [...path, i], [], true) as Module);
		if (s.k === 'for') out.push(replaced(m, [...path, i], s.body, true) as Module);
		if (s.k === 'if') {
			s.branches!.forEach((b, j) => {
				out.push(replaced(m, [...path, i], b.body, true) as Module);
				if (s.branches!.length > 1) out.push(replaced(m, [...path, i, 'branches', j], [], true) as Module);
			});
			if (s.else) {
				out.push(replaced(m, [...path, i], s.else, true) as Module);
				out.push(replaced(m, [...path, i], { ...s, else: undefined }) as Module);
			}
		}
	});
}

/** Every one-edit reduction of `m`, biggest reductions first. */
export function shrinkCandidates(m: Module): Module[] {
	const out: Module[] = [];
	m.items.forEach((item, i) => {
		if (!(item.k === 'fn' && item.fn.name === m.loss)) out.push({ ...m, items: m.items.filter((_, j) => j !== i) });
	});
	const exprEdits: Module[] = [];
	children(m, [], (node, path) => {
		if (Array.isArray(node) && node.length && node.every((s) => isKind(s, stmtKinds))) statementEdits(m, path, out);
		if (!isKind(node, exprKinds) || path.includes('params')) return;
		const e = node as Expr;
		for (const operand of operands(e)) exprEdits.push(replaced(m, path, operand) as Module);
		if (e.k === 'num' ? e.text !== '1' : true) exprEdits.push(replaced(m, path, one) as Module);
		if (e.paren) exprEdits.push(replaced(m, path, { ...e, paren: false }) as Module);
	});
	return [...out, ...exprEdits];
}

/**
 * Reduces `m` while `stillFails` holds for a candidate (it gets a batch and answers, per candidate, whether it fails
 * the same way). Smaller means a shorter rendering. Stops after `budget` candidates.
 */
export async function shrink(
	m: Module,
	size: (m: Module) => number,
	stillFails: (candidates: readonly Module[]) => Promise<readonly boolean[]>,
	budget = 2000,
): Promise<Module> {
	let best = m;
	let spent = 0;
	for (;;) {
		const current = size(best);
		const candidates = shrinkCandidates(best).filter((c) => size(c) < current);
		if (!candidates.length || spent >= budget) return best;
		let improved = false;
		for (let start = 0; start < candidates.length && !improved; start += 64) {
			const chunk = candidates.slice(start, start + 64);
			spent += chunk.length;
			const fails = await stillFails(chunk);
			const index = fails.indexOf(true);
			if (index >= 0) {
				best = chunk[index]!;
				improved = true;
			}
		}
		if (!improved) return best;
	}
}
