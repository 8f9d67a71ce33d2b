/**
 * Lexical scopes for lowering: names bound to symbolic values, with `const`/`let` rules, function frames (a nested
 * function may read but not assign its enclosing function's variables), and shadow scopes, which give an `if` branch
 * or a loop iteration private copies of the variables it assigns so that the two branches of an `if` (or a symbolic
 * iteration and the real one) cannot see each other's writes. Language-neutral: Python uses `let` bindings throughout.
 */
import type { SourceSpan } from '../../errors';
import { fail } from './context';
import type { Value } from './values';
import { msg } from '../../message';

/**
 * How a name was bound: `const` and `module` bindings never change, `let` (also parameters) may be assigned from
 * the same function, and a `counter` is a loop variable the loop itself advances.
 */
export type BindingKind = 'const' | 'let' | 'module' | 'counter';

export interface Binding {
	readonly name: string;
	readonly kind: BindingKind;
	value: Value;
	/** The function frame that owns the binding. */
	readonly frame: Scope;
}

/** Finds a binding the scopes do not hold (the module's lazily evaluated names); undefined if unknown. */
export type Resolver = (name: string, span: SourceSpan) => Binding | undefined;

export class Scope {
	/** The innermost function frame this scope belongs to (itself for a frame). */
	readonly frame: Scope;
	private readonly bindings = new Map<string, Binding>();

	/** `isFrame` starts a function body; a root scope may resolve unknown names with `resolver`. */
	constructor(
		readonly parent: Scope | undefined,
		isFrame: boolean,
		private readonly resolver?: Resolver,
	) {
		this.frame = isFrame || !parent ? this : parent.frame;
	}

	/** A block nested in this scope. */
	child(): Scope {
		return new Scope(this, false);
	}

	/** Binds `name` here; a second declaration in the same block is an error. */
	declare(name: string, value: Value, kind: BindingKind, span: SourceSpan): Binding {
		if (this.bindings.has(name)) fail(msg`'${name}' is already declared in this block`, span);
		const binding: Binding = { name, kind, value, frame: this.frame };
		this.bindings.set(name, binding);
		return binding;
	}

	/** The binding `name` refers to from here, or undefined. */
	lookup(name: string, span: SourceSpan): Binding | undefined {
		const own = this.bindings.get(name);
		if (own) return own;
		return this.parent ? this.parent.lookup(name, span) : this.resolver?.(name, span);
	}

	/** True when `name` is declared in this very scope. */
	declares(name: string): boolean {
		return this.bindings.has(name);
	}

	/** Assigns an existing variable, enforcing `const`, module constants, loop counters and function frames. */
	assign(name: string, value: Value, span: SourceSpan): void {
		const binding = this.lookup(name, span);
		if (!binding) return fail(msg`'${name}' is not declared`, span);
		this.checkAssignable(binding, span);
		binding.value = value;
	}

	/**
	 * Gives an array or record variable of this function its changed value (`h.push(v)`, `h[j] = v`, which are new
	 * values bound to the same name): allowed for `const` too, never for module names or an enclosing function's.
	 * Also how `if` and loops copy a shadowed variable's value back.
	 */
	rebind(name: string, value: Value, span: SourceSpan): void {
		const binding = this.lookup(name, span);
		if (!binding) return fail(msg`'${name}' is not declared`, span);
		if (binding.kind !== 'const') this.checkAssignable(binding, span);
		else if (binding.frame !== this.frame) fail(msg`cannot change '${name}' from a nested function; return a value instead`, span);
		binding.value = value;
	}

	/**
	 * A child scope holding private copies of those of `names` that can be assigned from here, so writes to them stay
	 * in the child until the caller copies them back; returns the child and the names copied.
	 */
	shadow(names: Iterable<string>, span: SourceSpan): { scope: Scope; names: string[] } {
		const scope = this.child();
		const copied: string[] = [];
		for (const name of new Set(names)) {
			const binding = this.lookup(name, span);
			if (!binding || !this.isAssignable(binding)) continue;
			scope.bindings.set(name, { ...binding });
			copied.push(name);
		}
		return { scope, names: copied };
	}

	/** The value of a binding declared in this very scope (after `shadow`). */
	ownValue(name: string): Value {
		return this.bindings.get(name)!.value;
	}

	private isAssignable(binding: Binding): boolean {
		return (binding.kind === 'let' || binding.kind === 'const') && binding.frame === this.frame;
	}

	private checkAssignable(binding: Binding, span: SourceSpan): void {
		switch (binding.kind) {
			case 'const':
				return fail(msg`cannot assign to const '${binding.name}'`, span);
			case 'module':
				return fail(msg`cannot assign to '${binding.name}': names outside the function are constants`, span);
			case 'counter':
				return fail(msg`the loop counter '${binding.name}' cannot be changed inside the loop body`, span);
			case 'let':
				if (binding.frame !== this.frame) {
					fail(msg`cannot assign to '${binding.name}' from a nested function; return a value instead`, span);
				}
				return;
			default: {
				const never: never = binding.kind;
				return never;
			}
		}
	}
}
