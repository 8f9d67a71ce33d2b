/**
 * Data written out in a Python file (`X = np.array([[0.1, 0.2], ...])` over thousands of rows) is read here in one
 * linear pass instead of by @lezer/python, which builds a tree node for every number and comma and spent most of
 * the compile time on such a file. `parsePython` hands the parser the text with each long list of plain numbers
 * blanked to an empty list of the same length (`[` spaces and newlines `]`, so every offset stays), and keeps the
 * list read here; `convertExpr` takes the kept list where the tree has that empty list. A blanked region the tree
 * does not show as a list (it was in a comment or a string) makes `parsePython` parse the text as written instead.
 * Only what the grammar reads the same way is taken: decimal numbers with an optional sign, commas, nested brackets
 * (https://docs.python.org/3/reference/lexical_analysis.html#numeric-literals); anything else leaves the list to
 * the parser.
 */
import type { Expr, SequenceExpr } from './pythonAst';
import type { SourceText } from './parsePython';

/** A list of plain numbers found in the text, and where it is. */
export interface DataLiteral {
	readonly from: number;
	readonly to: number;
	readonly list: SequenceExpr;
}

/** Lists with fewer numbers are left to the parser (they cost it little). */
const minimumNumbers = 16;
const maximumDepth = 32;
const numberPattern = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;

/** The long number lists of `text` (the parser's spelling of `source`) that start where an expression can. */
export function findDataLiterals(source: SourceText, text: string): DataLiteral[] {
	const found: DataLiteral[] = [];
	for (let i = text.indexOf('['); i >= 0; i = text.indexOf('[', i + 1)) {
		if (!opensExpression(text, i)) continue;
		const reader = new ListReader(source, text, i);
		const list = reader.list(0);
		if (list && reader.count >= minimumNumbers) {
			found.push({ from: i, to: reader.at, list });
			i = reader.at - 1;
		}
	}
	return found;
}

/** `text` with each literal's inside blanked (newlines kept), so the parser sees `[ ... ]` at the same offsets. */
export function blankLiterals(text: string, literals: readonly DataLiteral[]): string {
	if (literals.length === 0) return text;
	const parts: string[] = [];
	let at = 0;
	for (const { from, to } of literals) {
		parts.push(text.slice(at, from + 1), text.slice(from + 1, to - 1).replace(/[^\n]+/g, (run) => ' '.repeat(run.length)));
		at = to - 1;
	}
	parts.push(text.slice(at));
	return parts.join('');
}

/** A `[` after `=`, `(`, `[`, `,` or `:` (and spaces) begins a list display, not a subscript. */
function opensExpression(text: string, at: number): boolean {
	let i = at - 1;
	while (i >= 0 && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i--;
	return i >= 0 && '=([,:'.includes(text[i]!);
}

class ListReader {
	count = 0;

	constructor(private readonly source: SourceText, private readonly text: string, public at: number) {}

	/** `[item, ...]` at `this.at` (a trailing comma allowed), or undefined when it is anything else. */
	list(depth: number): SequenceExpr | undefined {
		if (depth > maximumDepth || this.text[this.at] !== '[') return undefined;
		const from = this.at++;
		const items: Expr[] = [];
		this.space();
		while (this.text[this.at] !== ']') {
			const item = this.text[this.at] === '[' ? this.list(depth + 1) : this.signed();
			if (!item) return undefined;
			items.push(item);
			this.space();
			if (this.text[this.at] === ',') {
				this.at++;
				this.space();
			} else if (this.text[this.at] !== ']') {
				return undefined;
			}
		}
		this.at++;
		return { kind: 'sequence', form: 'list', items, span: this.source.span(from, this.at) };
	}

	/** A number with at most one sign written right before it. */
	private signed(): Expr | undefined {
		const from = this.at;
		const sign = this.text[from];
		if (sign === '-' || sign === '+') this.at++;
		const operand = this.number();
		if (!operand) return undefined;
		if (sign !== '-' && sign !== '+') return operand;
		return { kind: 'unary', op: sign, operand, span: this.source.span(from, this.at) };
	}

	/** A decimal literal the grammar reads as one number token (`01`, `1_0`, `1j`, `0x1`, `1.5.2` are left). */
	private number(): Expr | undefined {
		numberPattern.lastIndex = this.at;
		const match = numberPattern.exec(this.text);
		if (!match) return undefined;
		const digits = match[0];
		const end = this.at + digits.length;
		if (/^0\d/.test(digits) && !/[.eE]/.test(digits)) return undefined;
		if (/[\w.]/.test(this.text[end] ?? '')) return undefined;
		const span = this.source.span(this.at, end);
		this.at = end;
		this.count++;
		return { kind: 'number', value: Number(digits), span };
	}

	private space(): void {
		for (let c = this.text[this.at]; c === ' ' || c === '\t' || c === '\n' || c === '\r'; c = this.text[++this.at]);
	}
}
