/**
 * Reads the top level of a Python file without evaluating anything: the functions a user may pick as the loss (every
 * top-level `def` and every `name = lambda ...`), and what each statement binds, in statement order (a name assigned
 * twice has two records; the loss sees the last). Whatever a loss cannot use (other imports, classes, names built in
 * loops or changed with `xs.append`) is recorded as a message, so it is an error only if the loss refers to it.
 * `if __name__ == '__main__':` blocks are skipped: they do not run when the loss is imported.
 */
import type { SourceSpan } from '../../errors';
import { msg, type Message } from '../../message';
import { assignedNames, walkStatements } from './astScan';
import { moduleExports, isKnownModule } from './pythonNamespaces';
import type { Expr, FunctionDef, ImportBinding, Module, Stmt, Target } from './pythonAst';

/** What a top-level statement gives a name. */
export type ModuleRecord =
	| { readonly kind: 'function'; readonly def: FunctionDef }
	/** `value` is the right-hand side; `path` picks an element when it is unpacked (`a, b = 1, 2`). */
	| { readonly kind: 'value'; readonly value: Expr; readonly path: readonly number[]; readonly span: SourceSpan }
	| { readonly kind: 'module'; readonly path: string }
	| { readonly kind: 'member'; readonly path: string; readonly span: SourceSpan }
	| { readonly kind: 'unsupported'; readonly message: Message; readonly span: SourceSpan };

/** A record and the top-level statement it comes from. */
export interface Placed {
	/** The index of the top-level statement. */
	readonly position: number;
	readonly record: ModuleRecord;
}

/** A function the user may pick as the loss. */
export interface Candidate {
	readonly name: string;
	readonly def: FunctionDef;
	readonly span: SourceSpan;
	readonly nameSpan: SourceSpan;
}

/** What the top level of a file declares, before anything is evaluated. */
export interface ModuleInfo {
	readonly candidates: readonly Candidate[];
	/** Every binding of each top-level name, in statement order. */
	readonly names: ReadonlyMap<string, readonly Placed[]>;
	readonly span: SourceSpan;
}

const mutators = new Set(['append', 'extend', 'insert', 'pop', 'remove', 'clear', 'sort', 'reverse', 'fill', 'resize']);

/** Reads the top-level statements of `module`. */
export function readModule(module: Module): ModuleInfo {
	const reader = new ModuleReader();
	module.body.forEach((s, position) => reader.statement(s, position));
	return { candidates: reader.candidates, names: reader.names, span: module.span };
}

class ModuleReader {
	readonly candidates: Candidate[] = [];
	readonly names = new Map<string, Placed[]>();
	private position = 0;

	statement(s: Stmt, position: number): void {
		this.position = position;
		switch (s.kind) {
			case 'def':
				this.bind(s.def.name, { kind: 'function', def: s.def });
				return this.candidate({ name: s.def.name, def: s.def, span: s.span, nameSpan: s.def.nameSpan });
			case 'assign':
				if (s.value) for (const t of s.targets) this.assignment(t, s.value, [], s);
				return;
			case 'augmented':
				return this.augmented(s);
			case 'expression':
				return this.mutation(s.value, s.span);
			case 'import':
				for (const b of s.bindings) this.importBinding(b);
				return;
			case 'if':
				if (isMainGuard(s.test)) return;
				return this.compound(s, msg`an if statement`);
			case 'for':
				return this.compound(s, msg`a for loop`);
			case 'unsupported':
				return this.compound(s, msg`a block`);
			case 'return':
			case 'assert':
			case 'pass':
				return;
			default: {
				const never: never = s;
				return never;
			}
		}
	}

	private assignment(target: Target, value: Expr, path: readonly number[], s: Stmt): void {
		switch (target.kind) {
			case 'name':
				if (path.length === 0 && value.kind === 'lambda') return this.lambda(target, value, s);
				return this.bind(target.name, { kind: 'value', value, path, span: s.span });
			case 'tuple':
				target.items.forEach((item, i) => this.assignment(item, value, [...path, i], s));
				return;
			case 'invalid':
				if (target.changes) this.unsupported(target.changes, target.message, target.span);
				return;
			case 'element':
				return this.unsupported(target.name, elementMutation(target.name, target.span), target.span);
			default: {
				const never: never = target;
				return never;
			}
		}
	}

	private lambda(target: Target & { kind: 'name' }, value: Expr & { kind: 'lambda' }, s: Stmt): void {
		const { params, body, span } = value;
		const def: FunctionDef = { name: target.name, nameSpan: target.span, params, body, problem: undefined, span };
		this.bind(target.name, { kind: 'function', def });
		this.candidate({ name: target.name, def, span: s.span, nameSpan: target.span });
	}

	/** A later definition of the same name replaces an earlier one, as when Python runs the file. */
	private candidate(c: Candidate): void {
		const earlier = this.candidates.findIndex((other) => other.name === c.name);
		if (earlier >= 0) this.candidates.splice(earlier, 1);
		this.candidates.push(c);
	}

	/** `N += 1` at the top level is `N = N + 1`, evaluated against the earlier `N`. */
	private augmented(s: Stmt & { kind: 'augmented' }): void {
		const t = s.target;
		if (t.kind === 'invalid') {
			if (t.changes) this.unsupported(t.changes, t.message, t.span);
			return;
		}
		if (t.kind === 'element') return this.unsupported(t.name, elementMutation(t.name, t.span), t.span);
		if (t.kind === 'tuple') return;
		const left: Expr = { kind: 'name', name: t.name, span: t.span };
		const value: Expr = { kind: 'binary', op: s.op, left, right: s.value, span: s.span, opSpan: s.span };
		this.bind(t.name, { kind: 'value', value, path: [], span: s.span });
	}

	/** `xs.append(v)` and friends change a list after it was defined. */
	private mutation(e: Expr, span: SourceSpan): void {
		if (e.kind !== 'call' || e.callee.kind !== 'attribute' || e.callee.object.kind !== 'name') return;
		const [name, method] = [e.callee.object.name, e.callee.name];
		if (!mutators.has(method)) return;
		const message = msg`list mutation is not supported in a loss: ${`'${name}.${method}'`} changes ${`'${name}'`} (line ${span.line}); build the list with a literal or a comprehension`;
		this.unsupported(name, message, span);
	}

	private importBinding(b: ImportBinding): void {
		const module = b.form === 'member' ? b.path.slice(0, b.path.lastIndexOf('.')) : b.path;
		if (b.form === 'module' && isKnownModule(b.path)) return this.bind(b.name, { kind: 'module', path: b.path });
		if (!isKnownModule(module)) {
			if (b.form === 'star') return;
			const message = msg`import of ${`'${module.split('.')[0] || module}'`} is not supported: only math and numpy`;
			return this.unsupported(b.name, message, b.span);
		}
		if (b.form === 'star') {
			for (const name of moduleExports(module)) {
				this.bind(name, { kind: 'member', path: `${module}.${name}`, span: b.span });
			}
			return;
		}
		const sub = isKnownModule(b.path);
		this.bind(b.name, sub ? { kind: 'module', path: b.path } : { kind: 'member', path: b.path, span: b.span });
	}

	/** A top-level loop, `if` or block: what it assigns or changes is not a constant a loss can use. */
	private compound(s: Stmt, what: Message): void {
		for (const name of assignedNames([s])) {
			const message = msg`${`'${name}'`} is assigned inside ${what} at module level (line ${s.span.line}); a loss can only use module-level names assigned outside loops and ifs`;
			this.unsupported(name, message, s.span);
		}
		walkStatements([s], (inner) => {
			if (inner.kind === 'expression') this.mutation(inner.value, inner.span);
			if (inner.kind === 'unsupported' && inner.message.template.startsWith('classes')) {
				const message = (name: string) => msg`${`'${name}'`} is a class; classes are not supported in a loss`;
				for (const name of inner.binds) this.unsupported(name, message(name), inner.span);
			}
		});
	}

	private unsupported(name: string, message: Message, span: SourceSpan): void {
		this.bind(name, { kind: 'unsupported', message, span });
	}

	private bind(name: string, record: ModuleRecord): void {
		let list = this.names.get(name);
		if (!list) this.names.set(name, (list = []));
		list.push({ position: this.position, record });
	}
}

/** `__name__ == '__main__'` (either way round). */
function isMainGuard(test: Expr): boolean {
	if (test.kind !== 'compare' || test.operands.length !== 2 || test.ops[0] !== '==') return false;
	const [a, b] = test.operands;
	const isName = (e: Expr | undefined) => e?.kind === 'name' && e.name === '__name__';
	const isMain = (e: Expr | undefined) => e?.kind === 'string' && e.value === '__main__';
	return (isName(a) && isMain(b)) || (isName(b) && isMain(a));
}

/** A module-level list is a constant a loss reads: changing an element of it is an error at the change. */
function elementMutation(name: string, span: SourceSpan) {
	return msg`list mutation is not supported in a loss: an element of ${`'${name}'`} is assigned at module level (line ${span.line}); build the list with a literal or a comprehension`;
}
