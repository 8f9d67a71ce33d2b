/**
 * Which data files a Python source names, found syntactically (nothing is evaluated): the string-literal path of every
 * `loadtxt`, `genfromtxt`, `read_csv` and `load` (`.npy`) call and every `open(...)` (as in `json.load(open(...))`),
 * with the path string's span. The host reads these files before the loss is lowered (`data/dataFiles.ts`); listing
 * a call the loss never evaluates only costs a read.
 */
import type { DataReference } from '../data/dataFiles';
import { exprChildren, walkStatements } from './astScan';
import type { CallExpr, Expr, Module, Stmt } from './pythonAst';

const textReaders = new Set(['loadtxt', 'genfromtxt', 'read_csv', 'open']);

/** The expressions a statement holds directly (nested statements are walked separately). */
function statementExprs(s: Stmt): (Expr | undefined)[] {
	switch (s.kind) {
		case 'assign':
		case 'augmented':
		case 'expression':
		case 'return':
			return [s.value];
		case 'if':
		case 'assert':
			return [s.test];
		case 'for':
			return [s.iterable];
		case 'def':
			return s.def.params.map((p) => p.initial);
		default:
			return [];
	}
}

function calleeName(call: CallExpr): string | undefined {
	const callee = call.callee;
	return callee.kind === 'name' ? callee.name : callee.kind === 'attribute' ? callee.name : undefined;
}

function reference(call: CallExpr): DataReference | undefined {
	const name = calleeName(call);
	const first = call.args[0] ?? call.keywords.find((k) => k.name === 'fname' || k.name === 'filepath_or_buffer' || k.name === 'file')?.value;
	if (name === undefined || first?.kind !== 'string' || first.value === undefined) return undefined;
	const binary = name === 'load' && first.value.toLowerCase().endsWith('.npy');
	if (!binary && !textReaders.has(name)) return undefined;
	return { path: first.value, span: first.span, binary };
}

/** The data files `module` names, in source order, one entry per call. */
export function pythonDataReferences(module: Module): DataReference[] {
	const found: DataReference[] = [];
	const visit = (s: Stmt): void => {
		if (s.kind === 'def' && Array.isArray(s.def.body)) walkStatements(s.def.body as readonly Stmt[], visit);
		const stack = statementExprs(s).filter((e): e is Expr => e !== undefined);
		while (stack.length > 0) {
			const e = stack.pop()!;
			const ref = e.kind === 'call' ? reference(e) : undefined;
			if (ref) found.push(ref);
			stack.push(...exprChildren(e));
		}
	};
	walkStatements(module.body, visit);
	return found.sort((a, b) => a.span.line - b.span.line || a.span.column - b.span.column);
}
