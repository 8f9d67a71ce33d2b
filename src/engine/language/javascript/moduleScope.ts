/**
 * The top level of a JavaScript/TypeScript file: the functions a user may pick as the loss (every top-level function
 * declaration and function-valued `const`, exported or not) and the module scope, whose names are evaluated lazily on
 * first use. Laziness is what lets a file hold things a loss cannot use (an import, a class, a string constant,
 * `console.log(loss(1, 2))`): they are errors only if the loss actually refers to them.
 */
import type * as t from '@babel/types';
import type { SourceSpan } from '../../errors';
import { fail, type LoweringContext } from '../lowering/context';
import { Scope, type Binding } from '../lowering/scope';
import type { Value } from '../lowering/values';
import { noteHolder } from './arrayOwners';
import { evaluate } from './expressions';
import { jsonFileValue, jsonImport, jsonReadFile, type JsonSource } from './dataImports';
import { closure, type FunctionNode } from './functions';
import { nameSpanOf, spanOf, unwrap } from './parse';
import { msg, type Message } from '../../message';

/** A function the user may pick as the loss. */
export interface Candidate {
	readonly name: string;
	readonly node: FunctionNode;
	/** The whole declaration, `export` included. */
	readonly span: SourceSpan;
	readonly nameSpan: SourceSpan;
}

type Declaration =
	| { readonly kind: 'function'; readonly node: FunctionNode; readonly name: string }
	| { readonly kind: 'value'; readonly init: t.Expression; readonly name: string }
	| { readonly kind: 'data'; readonly source: JsonSource; readonly name: string }
	| { readonly kind: 'unsupported'; readonly message: Message };

/** What the top level of a file declares. */
export interface ModuleInfo {
	readonly candidates: readonly Candidate[];
	readonly declarations: ReadonlyMap<string, Declaration>;
}

/** Reads the top-level declarations of a program; nothing is evaluated. */
export function readModule(program: t.Program): ModuleInfo {
	const reader = new ModuleReader();
	for (const statement of program.body) reader.statement(statement, statement);
	return { candidates: reader.candidates, declarations: reader.declarations };
}

class ModuleReader {
	readonly candidates: Candidate[] = [];
	readonly declarations = new Map<string, Declaration>();

	statement(s: t.Statement, whole: t.Statement): void {
		switch (s.type) {
			case 'FunctionDeclaration':
				if (!s.id) return;
				this.declare(s.id.name, { kind: 'function', node: s, name: s.id.name });
				this.candidates.push({ name: s.id.name, node: s, span: spanOf(whole), nameSpan: nameSpanOf(s.id) });
				return;
			case 'VariableDeclaration':
				return this.variables(s, whole);
			case 'ExportNamedDeclaration':
				if (s.declaration) this.statement(s.declaration, whole);
				return;
			case 'ExportDefaultDeclaration':
				return this.defaultExport(s);
			case 'ImportDeclaration':
				for (const spec of s.specifiers) {
					const name = spec.local.name;
					const json = jsonImport(s, spec);
					if (json) {
						this.declare(name, { kind: 'data', source: json, name });
						continue;
					}
					const from = `'${s.source.value}'`;
					this.unsupported(name, msg`'${name}' is imported from ${from}; a loss may only use names defined in its own file`);
				}
				return;
			case 'ClassDeclaration':
				if (s.id) this.unsupported(s.id.name, msg`'${s.id.name}' is a class; classes are not supported in a loss`);
				return;
			case 'TSEnumDeclaration':
				this.unsupported(s.id.name, msg`'${s.id.name}' is an enum; enums are not supported in a loss`);
				return;
			default:
				return;
		}
	}

	private variables(s: t.VariableDeclaration, whole: t.Statement): void {
		for (const d of s.declarations) {
			if (d.id.type !== 'Identifier') continue;
			const name = d.id.name;
			if (!d.init) {
				this.unsupported(name, msg`'${name}' has no value`);
				continue;
			}
			const json = jsonReadFile(d.init);
			this.declare(name, json ? { kind: 'data', source: json, name } : { kind: 'value', init: d.init, name });
			const init = unwrap(d.init);
			if (init.type === 'ArrowFunctionExpression' || init.type === 'FunctionExpression') {
				const span = s.declarations.length === 1 ? spanOf(whole) : spanOf(d);
				this.candidates.push({ name, node: init, span, nameSpan: nameSpanOf(d.id) });
			}
		}
	}

	/** `export default function (...) {}` or `export default (...) => ...`, named 'default' when anonymous. */
	private defaultExport(s: t.ExportDefaultDeclaration): void {
		const d = s.declaration;
		if (d.type === 'FunctionDeclaration' && d.id) return this.statement(d, s);
		const isFunction = d.type === 'FunctionDeclaration' || d.type === 'ArrowFunctionExpression'
			|| d.type === 'FunctionExpression';
		if (!isFunction) return;
		const span = spanOf(s);
		const nameSpan = { ...span, endLine: span.line, endColumn: span.column + 'export default'.length };
		this.candidates.push({ name: 'default', node: d, span, nameSpan });
	}

	private unsupported(name: string, message: Message): void {
		this.declare(name, { kind: 'unsupported', message });
	}

	private declare(name: string, d: Declaration): void {
		if (!this.declarations.has(name)) this.declarations.set(name, d);
	}
}

/** The module scope for one lowering: top-level names, each evaluated on first use. */
export function moduleScope(ctx: LoweringContext, info: ModuleInfo): Scope {
	const evaluated = new Map<string, Binding | 'evaluating'>();
	const resolve = (name: string, span: SourceSpan): Binding | undefined => {
		const known = evaluated.get(name);
		if (known === 'evaluating') return fail(msg`'${name}' is used in its own definition`, span);
		if (known) return known;
		const declaration = info.declarations.get(name);
		if (!declaration) return undefined;
		evaluated.set(name, 'evaluating');
		try {
			const value = moduleValue(ctx, scope, declaration, span);
			const binding: Binding = { name, kind: 'module', value, frame: scope };
			noteHolder(name, value);
			evaluated.set(name, binding);
			return binding;
		} catch (error) {
			evaluated.delete(name);
			throw error;
		}
	};
	const scope = new Scope(undefined, true, resolve);
	return scope;
}

function moduleValue(ctx: LoweringContext, scope: Scope, d: Declaration, span: SourceSpan): Value {
	switch (d.kind) {
		case 'function':
			return closure(ctx, scope, d.node, d.name);
		case 'value':
			return evaluate(ctx, scope, d.init, d.name);
		case 'data':
			return jsonFileValue(ctx, d.source, d.name);
		case 'unsupported':
			return fail(d.message, span);
		default: {
			const never: never = d;
			return never;
		}
	}
}
