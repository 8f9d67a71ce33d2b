/**
 * JSON data a JavaScript or TypeScript loss reads from the workspace, found at the top level without running
 * anything: `import data from "./points.json"` (also `with { type: "json" }`) and
 * `const data = JSON.parse(fs.readFileSync("./points.json", "utf8"))`. The path is relative to the loss file; the
 * host reads the file and the engine parses it (`data/readJsonData.ts`) into values (`lowering/jsonValue.ts`).
 */
import type * as t from '@babel/types';
import type { SourceSpan } from '../../errors';
import { dataOrThrow, dataText, type DataReference } from '../data/dataFiles';
import { readJsonData } from '../data/readJsonData';
import type { LoweringContext } from '../lowering/context';
import { jsonValue } from '../lowering/jsonValue';
import type { Value } from '../lowering/values';
import { spanOf, unwrap } from './parse';

/** A JSON file a top-level name is bound to. */
export interface JsonSource {
	readonly path: string;
	readonly span: SourceSpan;
}

const isJsonPath = (path: string) => path.toLowerCase().endsWith('.json');

/** The JSON file of `import name from "./file.json"`, when the import is one. */
export function jsonImport(s: t.ImportDeclaration, spec: t.ImportDeclaration['specifiers'][number]): JsonSource | undefined {
	if (spec.type !== 'ImportDefaultSpecifier' || !isJsonPath(s.source.value)) return undefined;
	return { path: s.source.value, span: spanOf(s.source) };
}

function isNamed(e: t.Node, name: string): boolean {
	return (e.type === 'Identifier' && e.name === name)
		|| (e.type === 'MemberExpression' && !e.computed && e.property.type === 'Identifier' && e.property.name === name);
}

/** The file of `JSON.parse(fs.readFileSync("file.json", ...))` (or `readFileSync` imported by name). */
export function jsonReadFile(init: t.Expression): JsonSource | undefined {
	const parse = unwrap(init);
	if (parse.type !== 'CallExpression' || parse.callee.type !== 'MemberExpression' || !isNamed(parse.callee, 'parse')) return undefined;
	if (parse.callee.object.type !== 'Identifier' || parse.callee.object.name !== 'JSON') return undefined;
	const read = parse.arguments[0];
	if (read?.type !== 'CallExpression' || !isNamed(read.callee, 'readFileSync')) return undefined;
	const path = read.arguments[0];
	if (path?.type !== 'StringLiteral') return undefined;
	return { path: path.value, span: spanOf(path) };
}

/** The value of the JSON file a top-level name is bound to, named `name` in messages. */
export function jsonFileValue(ctx: LoweringContext, source: JsonSource, name: string): Value {
	const data = dataOrThrow(readJsonData(dataText(ctx.files, source.path, source.span)), source.path, source.span);
	return jsonValue(ctx, data, `'${name}'`, source.span);
}

/** The JSON files of a program's top level, for the host to read. */
export function jsonReferences(program: t.Program): DataReference[] {
	const found: DataReference[] = [];
	const add = (source: JsonSource | undefined) => source && found.push({ ...source, binary: false });
	for (const statement of program.body) {
		const s = statement.type === 'ExportNamedDeclaration' && statement.declaration ? statement.declaration : statement;
		if (s.type === 'ImportDeclaration') s.specifiers.forEach((spec) => add(jsonImport(s, spec)));
		if (s.type === 'VariableDeclaration') s.declarations.forEach((d) => d.init && add(jsonReadFile(d.init)));
	}
	return found;
}
