/**
 * The tokenizer shared by the plain-math, LaTeX and Markdown front ends. It reads one range of a source (a whole
 * `.math` file, or one `$...$` block of a Markdown file) and produces tokens in that source's offsets, so every
 * later error points into the user's file.
 *
 * Identifiers differ by mode. Plain math reads maximal runs of letters, digits and `_` (`loss`, `w_1`, `xy`); LaTeX
 * reads one letter per variable (`xy` is `x·y`), as TeX typesets it, except that a run spelling a known function
 * (`sin`, `exp`) is that function. Both attach subscripts to names (`w_{new}` is the name `w_new`). The tokenizer
 * never throws: what it cannot read becomes an `error` token, which the parser reports when it reaches it, so errors
 * come out in source order.
 */
import { commandMeaning, ellipsisError, greekLetter, normError, mathEnvironments, type CommandMeaning, type Special } from './latexCommands';
import { functionKey } from './mathFunctions';
import { cleanName, isAsciiLetter, isDigit, symbolTokens } from './mathTokens';
import type { MathMode, Token, TokenKind } from './mathTokens';
import { msg, type Message } from '../../message';
import { formatCount } from '../lowering/context';

/**
 * Tokens one formula may have: the math front ends' work limit. Parsing and lowering cost tens of microseconds per
 * token, so a generated `x + x + ...` of millions of terms is refused at its 20,001st token instead of taking
 * gigabytes and minutes.
 */
export const maxFormulaTokens = 20_000;

/** Whitespace, and the `&` and `~` of LaTeX alignment and ties. */
const blank = new Set([' ', '\t', '\n', '\r', '&', '~', '\u00a0']);

/** Tokens of `text[start..end)`, ending with an `end` token at `end`. */
export function tokenize(text: string, start: number, end: number, mode: MathMode): Token[] {
	return new Tokenizer(text, start, end, mode).run();
}

class Tokenizer {
	private pos: number;
	private readonly tokens: Token[] = [];

	constructor(
		private readonly text: string,
		start: number,
		private readonly end: number,
		private readonly mode: MathMode,
	) {
		this.pos = start;
	}

	run(): Token[] {
		for (;;) {
			this.skipSpace();
			if (this.pos >= this.end) break;
			if (this.tokens.length >= maxFormulaTokens) {
				this.error(msg`the formula is too long: more than ${formatCount(maxFormulaTokens)} symbols`, this.pos, this.pos + 1);
				break;
			}
			const before = this.pos;
			this.readToken();
			if (this.pos <= before) this.error(msg`unexpected character`, before, (this.pos = before + 1));
		}
		this.push('end', '', this.end, this.end);
		return this.tokens;
	}

	private char(at: number): string {
		return at < this.end ? this.text[at]! : '';
	}

	/** The letter (a whole code point) at `at`, or undefined. */
	private letterAt(at: number): string | undefined {
		if (at >= this.end) return undefined;
		const point = String.fromCodePoint(this.text.codePointAt(at)!);
		return at + point.length <= this.end && /\p{L}/u.test(point) ? point : undefined;
	}

	private push(kind: TokenKind, value: string, start: number, end: number, extra?: Partial<Token>): void {
		this.tokens.push({ kind, value, start, end, ...extra });
	}

	private error(message: Message, start: number, end: number): void {
		this.push('error', '', start, end, { message });
	}

	private skipSpace(): void {
		while (this.pos < this.end) {
			const c = this.text[this.pos]!;
			if (c === '%' && this.mode === 'latex') {
				while (this.pos < this.end && this.text[this.pos] !== '\n') this.pos++;
			} else if (blank.has(c)) {
				this.pos++;
			} else {
				return;
			}
		}
	}

	private readToken(): void {
		const c = this.text[this.pos]!;
		if (c === '\\') return this.readCommand();
		if (isDigit(c) || (c === '.' && isDigit(this.char(this.pos + 1)))) return this.readNumber();
		if (this.letterAt(this.pos)) return this.mode === 'math' ? this.readIdentifier() : this.readLetters();
		this.readSymbol();
	}

	private readNumber(): void {
		const start = this.pos;
		let p = start;
		while (isDigit(this.char(p))) p++;
		if (this.char(p) === '.' && isDigit(this.char(p + 1))) for (p++; isDigit(this.char(p)); ) p++;
		if (this.mode === 'math' && (this.char(p) === 'e' || this.char(p) === 'E')) {
			let q = p + 1;
			if (this.char(q) === '+' || this.char(q) === '-') q++;
			if (isDigit(this.char(q))) for (p = q; isDigit(this.char(p)); ) p++;
		}
		this.pos = p;
		this.push('number', this.text.slice(start, p), start, p);
	}

	/** Plain math: a maximal run of letters, digits and `_`; a function name before `_` splits off (`log_2`). */
	private readIdentifier(): void {
		const start = this.pos;
		let p = start;
		for (;;) {
			const letter = this.letterAt(p);
			if (letter) p += letter.length;
			else if (isDigit(this.char(p))) p++;
			else if (this.char(p) === '_' && (this.letterAt(p + 1) || isDigit(this.char(p + 1)))) p++;
			else break;
		}
		let run = this.text.slice(start, p);
		const underscore = run.indexOf('_');
		const head = underscore < 0 ? run : run.slice(0, underscore);
		if (underscore > 0 && (head === 'sum' || functionKey(head))) run = head;
		this.pos = start + run.length;
		if (run === 'sum') return this.push('special', 'sum', start, this.pos);
		const key = functionKey(run);
		if (key) return this.push('function', key, start, this.pos);
		if (underscore > 0) {
			const subscript = [run.slice(underscore + 1)];
			return this.push('name', run, start, this.pos, { base: head, subscript });
		}
		this.emitName(run, start);
	}

	/** LaTeX: one name per letter, unless the whole run spells a function (`sin`, `exp`). */
	private readLetters(): void {
		const letters: { letter: string; at: number }[] = [];
		let p = this.pos;
		for (let letter = this.letterAt(p); letter; letter = this.letterAt(p)) {
			letters.push({ letter, at: p });
			p += letter.length;
		}
		const run = this.text.slice(this.pos, p);
		const key = letters.length > 1 ? functionKey(run) : undefined;
		if (key) {
			this.push('function', key, this.pos, p);
			this.pos = p;
			return;
		}
		for (const { letter, at } of letters.slice(0, -1)) {
			this.push('name', letter, at, at + letter.length, { base: letter });
		}
		const last = letters[letters.length - 1]!;
		this.pos = p;
		this.emitName(last.letter, last.at);
	}

	/** A name whose base has been read; reads a following subscript (`_1`, `_{new}`, `_\theta`). */
	private emitName(base: string, start: number): void {
		if (this.char(this.pos) !== '_') return this.push('name', base, start, this.pos, { base });
		this.pos++;
		const subscript = this.readSubscript();
		if (!subscript) {
			return this.error(msg`the subscript of ${base} must be a name or a number, like ${`${base}_{1}`}`, start, this.pos);
		}
		this.push('name', `${base}_${subscript.join(',')}`, start, this.pos, { base, subscript });
	}

	private readSubscript(): string[] | undefined {
		const c = this.char(this.pos);
		if (c === '{') {
			const content = this.readGroup();
			const parts = content?.split(',').map(cleanName);
			return parts?.every((part) => part !== undefined) ? (parts as string[]) : undefined;
		}
		if (c === '\\') {
			let p = this.pos + 1;
			while (isAsciiLetter(this.char(p))) p++;
			const letter = greekLetter(this.text.slice(this.pos + 1, p));
			this.pos = p;
			return letter ? [letter] : undefined;
		}
		const letter = this.letterAt(this.pos);
		if (letter || isDigit(c)) {
			this.pos += letter?.length ?? 1;
			return [letter ?? c];
		}
		return undefined;
	}

	/** At `{`: the text up to the matching `}`, or undefined (and the rest of the range) when it is not closed. */
	private readGroup(): string | undefined {
		const open = this.pos;
		let depth = 0;
		for (let p = open; p < this.end; p++) {
			const c = this.text[p]!;
			if (c === '\\') p++;
			else if (c === '{') depth++;
			else if (c === '}' && --depth === 0) {
				this.pos = p + 1;
				return this.text.slice(open + 1, p);
			}
		}
		this.pos = this.end;
		return undefined;
	}

	/** The argument of `\hat`, `\mathrm` and friends: a `{...}` group or one letter. */
	private readArgumentText(): string | undefined {
		this.skipSpace();
		if (this.char(this.pos) === '{') return this.readGroup();
		const letter = this.letterAt(this.pos);
		if (letter) this.pos += letter.length;
		return letter;
	}

	private readCommand(): void {
		const start = this.pos++;
		if (!isAsciiLetter(this.char(this.pos))) return this.readControlSymbol(start);
		while (isAsciiLetter(this.char(this.pos))) this.pos++;
		const name = this.text.slice(start + 1, this.pos);
		const meaning = commandMeaning(name);
		if (!meaning) return this.error(unknownCommand(name), start, this.pos);
		this.applyCommand(name, meaning, start);
	}

	/** `\,`, `\{`, `\\` and the other one-character commands. */
	private readControlSymbol(start: number): void {
		const c = this.char(this.pos);
		if (c) this.pos++;
		if (',;:! >\n\t'.includes(c) && c !== '') return;
		if (c === '{') return this.push('open', '\\{', start, this.pos);
		if (c === '}') return this.push('close', '\\}', start, this.pos);
		if (c === '|') return this.error(normError('\\|'), start, this.pos);
		if (c === '\\') return this.error(msg`several lines (\\\\): write one equation per block`, start, this.pos);
		this.error(c ? msg`unknown command ${`\\${c}`}` : msg`a lone '\\'`, start, this.pos);
	}

	private applyCommand(name: string, meaning: CommandMeaning, start: number): void {
		switch (meaning.role) {
			case 'name':
				return this.emitName(meaning.name, start);
			case 'function':
				return this.push('function', functionKey(meaning.name)!, start, this.pos);
			case 'op':
				return this.push('op', meaning.op, start, this.pos);
			case 'open':
			case 'close':
				return this.push(meaning.role, meaning.delimiter, start, this.pos);
			case 'bar':
				return this.push('bar', '|', start, this.pos);
			case 'ignore':
				return this.skipSizing(meaning.sizing);
			case 'ignoreGroup':
				this.skipSpace();
				if (this.char(this.pos) === '{') this.readGroup();
				return;
			case 'environment':
				return this.readEnvironment(name, start);
			case 'wrapper':
				return this.readWrapper(name, start);
			case 'accent':
				return this.readAccent(name, meaning.mark, start);
			case 'special':
				return this.push('special', meaning.special satisfies Special, start, this.pos);
			case 'refused':
				return this.error(meaning.message, start, this.pos);
			default: {
				const never: never = meaning;
				return never;
			}
		}
	}

	private skipSizing(sizing: boolean): void {
		if (!sizing) return;
		this.skipSpace();
		if (this.char(this.pos) === '.') this.pos++;
	}

	private readEnvironment(command: string, start: number): void {
		this.skipSpace();
		const environment = this.char(this.pos) === '{' ? this.readGroup()?.trim() : undefined;
		if (environment !== undefined && mathEnvironments.has(environment)) return;
		const message = environment
			? msg`the ${environment} environment is not supported`
			: msg`${`\\${command}`} needs {...}`;
		this.error(message, start, this.pos);
	}

	private readWrapper(command: string, start: number): void {
		const raw = this.readArgumentText();
		const name = raw === undefined ? undefined : cleanName(raw);
		if (name === undefined) return this.error(msg`${`\\${command}`}{...} must hold a name`, start, this.pos);
		const key = functionKey(name);
		if (key) return this.push('function', key, start, this.pos);
		if (command === 'operatorname') return this.error(msg`unknown function ${name}`, start, this.pos);
		this.emitName(name, start);
	}

	private readAccent(command: string, mark: string, start: number): void {
		const raw = this.readArgumentText();
		const name = raw === undefined ? undefined : cleanName(raw);
		if (name === undefined) return this.error(msg`${`\\${command}`}{...} must hold a name`, start, this.pos);
		this.emitName(name + mark, start);
	}

	private readSymbol(): void {
		const start = this.pos;
		const ahead = this.text.slice(start, Math.min(start + 3, this.end));
		if (ahead === '...') {
			return this.error(ellipsisError('...'), start, (this.pos += 3));
		}
		if (ahead.startsWith('**')) return this.push('op', '^', start, (this.pos += 2));
		if (ahead.startsWith(':=')) return this.push('op', '=', start, (this.pos += 2));
		const point = String.fromCodePoint(this.text.codePointAt(start)!);
		this.pos += point.length;
		this.tokens.push(...symbolTokens(point, start, this.pos));
	}
}

/** "unknown function \\sinx", with a hint when a known command starts it: "(write \\sin x)". */
function unknownCommand(name: string): Message {
	for (let length = name.length - 1; length >= 2; length--) {
		const known = name.slice(0, length);
		if (commandMeaning(known)) return msg`unknown function ${`\\${name}`} (write ${`\\${known} ${name.slice(length)}`})`;
	}
	return msg`unknown function ${`\\${name}`}`;
}
