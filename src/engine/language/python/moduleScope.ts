/**
 * The top-level names of a file for one lowering, evaluated lazily on first use and in statement order: a name's
 * value is its last binding before the point that asks (functions, which run after the file has, see the last one),
 * so `xs = [...]` then `xs = [2 * x for x in xs]` means what Python means. Imported modules (`np`) are not values;
 * `moduleOf` says which module a name stands for where no local variable shadows it.
 */
import type { SourceSpan } from '../../errors';
import { fail } from '../lowering/context';
import { Scope, type Binding } from '../lowering/scope';
import { expectVector, type Value } from '../lowering/values';
import { evaluate } from './expressions';
import { userFunction } from './functions';
import type { ModuleInfo, Placed } from './moduleReader';
import type { Expr } from './pythonAst';
import type { PythonContext } from './pythonContext';
import { namespaceMember } from './pythonNamespaces';
import { msg } from '../../message';

/** Resolves top-level names for one lowering, caching each value. */
export class ModuleScope {
	private readonly scopes = new Map<number, Scope>();
	private readonly positions = new Map<Scope, number>();
	private readonly bindings = new Map<Placed, Binding | 'evaluating'>();
	private readonly values = new Map<Expr, Value>();

	constructor(
		private readonly ctx: PythonContext,
		readonly info: ModuleInfo,
	) {}

	/** The scope functions see: every top-level name as it is once the file has run. */
	get global(): Scope {
		return this.at(Infinity);
	}

	/**
	 * True when the file imports `library` (`'numpy'`, `'torch'`) or a name from it. Array values do not record their
	 * library, so where numpy and torch read a method differently (`x.size()`, `x.transpose(0, 1)`) the imports decide.
	 */
	imports(library: string): boolean {
		for (const placed of this.info.names.values()) {
			for (const { record } of placed) {
				const path = record.kind === 'module' || record.kind === 'member' ? record.path : '';
				if (path === library || path.startsWith(`${library}.`)) return true;
			}
		}
		return false;
	}

	/** The module a name stands for as seen from `scope` (`np` is `numpy`), if it is an import of one. */
	moduleOf(scope: Scope, name: string): string | undefined {
		let root = scope;
		while (root.parent) root = root.parent;
		const record = this.placed(name, this.positions.get(root) ?? Infinity)?.record;
		return record?.kind === 'module' ? record.path : undefined;
	}

	/** The top-level scope as it is before statement `position` runs. */
	private at(position: number): Scope {
		let scope = this.scopes.get(position);
		if (!scope) {
			scope = new Scope(undefined, true, (name, span) => this.resolve(name, position, span));
			this.scopes.set(position, scope);
			this.positions.set(scope, position);
		}
		return scope;
	}

	private placed(name: string, position: number): Placed | undefined {
		const list = this.info.names.get(name);
		if (!list) return undefined;
		for (let i = list.length - 1; i >= 0; i--) if (list[i]!.position < position) return list[i];
		return undefined;
	}

	private resolve(name: string, position: number, span: SourceSpan): Binding | undefined {
		const placed = this.placed(name, position);
		if (!placed || placed.record.kind === 'module') return undefined;
		const known = this.bindings.get(placed);
		if (known === 'evaluating') return fail(msg`'${name}' is used in its own definition`, span);
		if (known) return known;
		this.bindings.set(placed, 'evaluating');
		try {
			const value = this.value(name, placed);
			const binding: Binding = { name, kind: 'module', value, frame: this.at(placed.position) };
			this.bindings.set(placed, binding);
			return binding;
		} catch (error) {
			this.bindings.delete(placed);
			throw error;
		}
	}

	private value(name: string, placed: Placed): Value {
		const record = placed.record;
		switch (record.kind) {
			case 'function':
				return userFunction(this.ctx, this.global, record.def);
			case 'value': {
				const label = record.path.length === 0 ? name : undefined;
				const value = this.rightSide(record.value, placed.position, label);
				return this.element(name, value, record.path, record.span);
			}
			case 'member':
				return namespaceMember(this.ctx, record.path, name, record.span);
			case 'unsupported':
				return fail(record.message, record.span);
			case 'module':
				return fail(msg`'${name}' is a module`, this.info.span);
			default: {
				const never: never = record;
				return never;
			}
		}
	}

	/** The right-hand side of a top-level assignment, evaluated once for all the names it binds. */
	private rightSide(value: Expr, position: number, label: string | undefined): Value {
		let known = this.values.get(value);
		if (!known) this.values.set(value, (known = evaluate(this.ctx, this.at(position), value, label)));
		return known;
	}

	/** The part of `value` that `path` unpacks (`a, (b, c) = ...`). */
	private element(name: string, value: Value, path: readonly number[], span: SourceSpan): Value {
		let part = value;
		for (const i of path) {
			const vector = expectVector(part, msg`the value unpacked into '${name}'`, span);
			if (vector.length <= i) fail(msg`not enough values to unpack into '${name}'`, span);
			part = vector.element(this.ctx.builder.constant(i), span);
		}
		return part;
	}
}
