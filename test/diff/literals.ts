// Number literals in the many spellings Python and JavaScript accept (`1.`, `.5`, `1e-3`, `2.E1`, `1_000`, `0x1F`,
// `True`), each noted under its construct name for the coverage table.
import type { Expr } from './programAst';
import type { Random } from './random';

export type Note = (construct: string) => void;

function num(text: string, note: Note, construct: string): Expr {
	note(construct);
	const value = text === 'True' ? 1 : text === 'False' ? 0 : Number(text.replace(/_/g, ''));
	return { k: 'num', text, value };
}

function integer(r: Random, language: 'python' | 'javascript', note: Note): Expr {
	const n = r.int(0, 12);
	switch (r.int(0, 5)) {
		case 0: return num(`${n}.`, note, 'literal 1.');
		case 1: return num(`${n}.0`, note, 'literal 1.0');
		case 2: return num(`0${r.pick(['x', 'X'])}${r.chance(0.5) ? n.toString(16).toUpperCase() : n.toString(16)}`, note, 'literal 0x1F');
		case 3:
			if (language === 'python' && n <= 1) return num(n ? 'True' : 'False', note, 'literal True');
			return num(r.chance(0.5) ? `0b${n.toString(2)}` : `0o${n.toString(8)}`, note, 'literal 0b101 / 0o17');
		default: return num(String(n), note, 'literal int');
	}
}

function decimal(r: Random, note: Note): Expr {
	const digits = String(r.int(1, 99));
	const tenths = digits.length === 1 ? `0.${digits}` : `${digits[0]}.${digits[1]}`;
	switch (r.int(0, 6)) {
		case 0: return num(`.${digits}`, note, 'literal .5');
		case 1: return num(`${digits}${r.pick(['e', 'E'])}-${r.int(1, 3)}`, note, 'literal 1e-3');
		case 2: return num(`${digits[0]}.${r.pick(['E', 'e'])}${r.pick(['', '+', '-'])}${r.int(0, 1)}`, note, 'literal 2.E1');
		case 3: return num(`${r.int(1, 9)}_${String(r.int(0, 999)).padStart(3, '0')}`, note, 'literal 1_000');
		default: return num(tenths, note, 'literal 1.5');
	}
}

/** A non-negative number literal in a random spelling of `language`. */
export function numberLiteral(r: Random, language: 'python' | 'javascript', note: Note): Expr {
	return r.chance(0.45) ? integer(r, language, note) : decimal(r, note);
}

/** A small literal that reads the same everywhere (for loop bounds, indices and exponents). */
export function plain(value: number): Expr {
	return value < 0 ? { k: 'unary', op: '-', a: plain(-value) } : { k: 'num', text: String(value), value };
}

/** The literal spelled `text` (which every front end reads as `Number(text)`). */
export function literalText(text: string): Expr {
	return { k: 'num', text, value: Number(text) };
}
