// The user-facing templates the l10n export cannot see: every msg`...` of the engine and every `t('...')` of the
// debug adapter, read from the sources with the TypeScript parser. The Korean bundle must translate each of them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

export const root = join(__dirname, '..', '..', '..');

export function sourceFiles(dir: string): string[] {
	return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
		.filter((file) => file.endsWith('.ts'))
		.map((file) => join(dir, file));
}

function parse(file: string): ts.SourceFile {
	return ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.Latest, true);
}

function where(source: ts.SourceFile, node: ts.Node): string {
	return `${source.fileName}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
}

/** The template a msg`...` literal makes at run time: its cooked text with `{0}`, `{1}`, ... for the substitutions. */
export function templateOf(literal: ts.TemplateLiteral): string {
	if (ts.isNoSubstitutionTemplateLiteral(literal)) return literal.text;
	return literal.head.text + literal.templateSpans.map((span, i) => `{${i}}${span.literal.text}`).join('');
}

/** Literal text of a msg`...` that looks like a placeholder (`{1}`), which filling would mistake for one. */
function placeholderLookalikes(literal: ts.TemplateLiteral): string[] {
	const parts = ts.isNoSubstitutionTemplateLiteral(literal)
		? [literal.text]
		: [literal.head.text, ...literal.templateSpans.map((span) => span.literal.text)];
	return parts.flatMap((part) => part.match(/\{\d+\}/g) ?? []);
}

export interface EngineMessages {
	/** Template -> where it is written. */
	readonly templates: Map<string, string>;
	/** msg`...` literals whose text holds `{n}`. */
	readonly lookalikes: string[];
	/** `fail(...)`, `new LossSyntaxError(...)` and friends given a string instead of a message. */
	readonly plainStrings: string[];
}

const errorMakers = new Set(['fail', 'LossSyntaxError', 'NotConstantError', 'ExpressionError']);

/** Every msg`...` template under src/engine (and the few of src/extension), and engine error calls that bypass `msg`. */
export function engineMessages(): EngineMessages {
	const templates = new Map<string, string>();
	const lookalikes: string[] = [];
	const plainStrings: string[] = [];
	for (const file of [...sourceFiles('src/engine'), ...sourceFiles('src/extension')]) {
		const source = parse(file);
		const visit = (node: ts.Node): void => {
			if (ts.isTaggedTemplateExpression(node) && node.tag.getText(source) === 'msg') {
				templates.set(templateOf(node.template), where(source, node));
				if (placeholderLookalikes(node.template).length > 0) lookalikes.push(where(source, node));
			}
			if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && ts.isIdentifier(node.expression)) {
				const first = node.arguments?.[0];
				const concatenated = first && ts.isBinaryExpression(first) && first.operatorToken.kind === ts.SyntaxKind.PlusToken;
				const plain = first && (ts.isStringLiteralLike(first) || ts.isTemplateExpression(first) || concatenated);
				if (errorMakers.has(node.expression.text) && plain) plainStrings.push(where(source, node));
			}
			ts.forEachChild(node, visit);
		};
		visit(source);
	}
	return { templates, lookalikes, plainStrings };
}

/**
 * Every `t('...')` message of the debug adapter (src/extension/debug: `t`, `this.t`, `text.t`), and calls whose
 * message is not a literal, except translate.ts, which passes the engine's templates through.
 */
export function adapterMessages(): { messages: Map<string, string>; nonLiteral: string[] } {
	const messages = new Map<string, string>();
	const nonLiteral: string[] = [];
	for (const file of sourceFiles('src/extension/debug').filter((file) => !file.endsWith('translate.ts'))) {
		const source = parse(file);
		const visit = (node: ts.Node): void => {
			const callee = ts.isCallExpression(node) ? node.expression.getText(source) : '';
			if (ts.isCallExpression(node) && /(^|\.)t$/.test(callee) && !callee.endsWith('l10n.t')) {
				const first = node.arguments[0];
				if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) messages.set(first.text, where(source, node));
				else nonLiteral.push(where(source, node));
			}
			ts.forEachChild(node, visit);
		};
		visit(source);
	}
	return { messages, nonLiteral };
}
