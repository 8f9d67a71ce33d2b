/**
 * Finds the math in a Markdown file: `$...$`, `$$...$$`, `\(...\)`, `\[...\]` and fenced ```` ```math ```` blocks.
 * Code spans, other fenced code, HTML comments and YAML front matter are skipped, and `\$` is a dollar sign. Inline
 * math follows pandoc's rule (`$` followed by a non-space opens, a `$` after a non-space and not before a digit
 * closes, so "$5 and $10" is not math), and no block runs past a blank line. Offsets are the file's.
 *
 * Linear time: whether a position can close math does not depend on the opener, so each kind of closer is found with
 * a `NextMatch` that remembers the last answer; openers come in file order, so every closer search covers any part of
 * the file once, however many unclosed openers a paragraph holds (a price table of `$5 | $10`, a run of `\[`).
 */
import type { BlockRange } from './mathBlock';

export interface MathBlock extends BlockRange {
	/** True for `$$`, `\[` and fenced blocks. */
	readonly display: boolean;
}

/** Every math block of `source`, in order. */
export function findMathBlocks(source: string): MathBlock[] {
	const blocks: MathBlock[] = [];
	const scan: Scan = { source, breaks: paragraphBreaks(source), closers: closers(source), blocks };
	let prose = frontMatterEnd(source);
	for (const fence of fences(source, prose)) {
		scanProse(scan, prose, fence.start);
		if (fence.math) blocks.push(fence.block);
		prose = fence.end;
	}
	scanProse(scan, prose, source.length);
	return blocks;
}

/**
 * The first match at or after a position, remembered: asked in increasing order, each stretch of the text is
 * searched once. `search(from)` returns the first match at or after `from`, or -1.
 */
export class NextMatch {
	private from = Infinity;
	private found = -1;

	constructor(private readonly search: (from: number) => number) {}

	at(from: number): number {
		if (from < this.from || (this.found >= 0 && from > this.found)) {
			this.from = from;
			this.found = this.search(from);
		}
		return this.found;
	}
}

interface Closers {
	readonly paren: NextMatch;
	readonly bracket: NextMatch;
	readonly display: NextMatch;
	readonly inline: NextMatch;
	/** Code span closers by their number of backticks. */
	readonly ticks: Map<number, NextMatch>;
}

interface Scan {
	readonly source: string;
	readonly breaks: readonly number[];
	readonly closers: Closers;
	readonly blocks: MathBlock[];
}

function closers(source: string): Closers {
	const firstOf = (text: string, accept: (k: number) => boolean) => (from: number) => {
		let k = source.indexOf(text, from);
		while (k >= 0 && !accept(k)) k = source.indexOf(text, k + 1);
		return k;
	};
	const any = () => true;
	return {
		paren: new NextMatch(firstOf('\\)', any)),
		bracket: new NextMatch(firstOf('\\]', any)),
		display: new NextMatch(firstOf('$$', (k) => source[k - 1] !== '\\')),
		inline: new NextMatch(firstOf('$', (k) => isInlineCloser(source, k))),
		ticks: new Map(),
	};
}

/** A `$` that can close inline math: not escaped, after a non-space, and not before a digit. */
function isInlineCloser(source: string, k: number): boolean {
	const before = source[k - 1];
	return before !== undefined && before !== '\\' && !/\s/.test(before) && !/[0-9]/.test(source[k + 1] ?? '');
}

function frontMatterEnd(source: string): number {
	const open = /^---[ \t]*\r?\n/.exec(source);
	if (!open) return 0;
	const close = /^(?:---|\.\.\.)[ \t]*$/m;
	const rest = source.slice(open[0].length);
	const match = close.exec(rest);
	return match ? open[0].length + match.index + match[0].length : 0;
}

/** Offsets of blank lines (the `\n` that starts one), ascending. */
function paragraphBreaks(source: string): number[] {
	const breaks: number[] = [];
	const blank = /\n[ \t]*(?=\r?\n)/g;
	for (let m = blank.exec(source); m; m = blank.exec(source)) breaks.push(m.index);
	return breaks;
}

/** The end of the paragraph holding `at`: the next blank line, or `to`. */
function paragraphEnd(breaks: readonly number[], at: number, to: number): number {
	let low = 0;
	let high = breaks.length;
	while (low < high) {
		const mid = (low + high) >> 1;
		if (breaks[mid]! < at) low = mid + 1;
		else high = mid;
	}
	return Math.min(breaks[low] ?? to, to);
}

interface Fence {
	readonly start: number;
	readonly end: number;
	readonly math: boolean;
	readonly block: MathBlock;
}

function* fences(source: string, from: number): Generator<Fence> {
	const line = /^([ \t]*)(`{3,}|~{3,})[ \t]*([^\s`]*)[^\n]*$/gm;
	line.lastIndex = from;
	for (let open = line.exec(source); open; open = line.exec(source)) {
		const marker = open[2]!;
		const closing = new RegExp(`^[ \\t]*${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`, 'gm');
		closing.lastIndex = open.index + open[0].length;
		const close = closing.exec(source);
		const contentStart = Math.min(source.length, open.index + open[0].length + 1);
		const contentEnd = close ? close.index : source.length;
		const end = close ? close.index + close[0].length : source.length;
		const start = open.index + open[1]!.length;
		const math = ['math', 'latex', 'tex', 'katex'].includes(open[3]!.toLowerCase());
		const block = { start, end, contentStart, contentEnd: Math.max(contentStart, contentEnd), display: true };
		yield { start, end, math, block };
		line.lastIndex = Math.max(end, line.lastIndex);
	}
}

function scanProse(scan: Scan, from: number, to: number): void {
	const { source, breaks, blocks } = scan;
	let i = from;
	while (i < to) {
		const c = source[i];
		if (c === '`') {
			i = skipCodeSpan(scan, i, paragraphEnd(breaks, i, to));
		} else if (c === '<' && source.startsWith('<!--', i)) {
			const close = source.indexOf('-->', i + 4);
			i = close < 0 || close >= to ? to : close + 3;
		} else if (c === '\\' || c === '$') {
			const limit = paragraphEnd(breaks, i, to);
			const block = c === '\\' ? backslashMath(scan, i, limit) : dollarMath(scan, i, limit);
			if (block) blocks.push(block);
			i = block ? block.end : i + (c === '\\' || source[i + 1] === '$' ? 2 : 1);
		} else {
			i++;
		}
	}
}

/** Past the code span opened by the backticks at `at` (or just past those backticks when it is not closed). */
function skipCodeSpan(scan: Scan, at: number, limit: number): number {
	const { source, closers } = scan;
	let n = 0;
	while (source[at + n] === '`') n++;
	let next = closers.ticks.get(n);
	if (!next) {
		next = new NextMatch((from) => runOfTicks(source, from, n));
		closers.ticks.set(n, next);
	}
	const close = next.at(at + n);
	return close >= 0 && close < limit ? close + n : at + n;
}

/** The first run of exactly `n` backticks (a whole run, not part of a longer one) at or after `from`, or -1. */
function runOfTicks(source: string, from: number, n: number): number {
	for (let k = source.indexOf('`', from); k >= 0; k = source.indexOf('`', k)) {
		let run = 0;
		while (source[k + run] === '`') run++;
		if (run === n && source[k - 1] !== '`') return k;
		k += run;
	}
	return -1;
}

/** `\(...\)` or `\[...\]` at `at`, closed before `limit`. */
function backslashMath(scan: Scan, at: number, limit: number): MathBlock | undefined {
	const kind = scan.source[at + 1];
	if (kind !== '(' && kind !== '[') return undefined;
	const close = (kind === '(' ? scan.closers.paren : scan.closers.bracket).at(at + 2);
	if (close < 0 || close + 2 > limit) return undefined;
	return { start: at, end: close + 2, contentStart: at + 2, contentEnd: close, display: kind === '[' };
}

/** `$$...$$` or `$...$` at `at`, closed before `limit`. */
function dollarMath(scan: Scan, at: number, limit: number): MathBlock | undefined {
	const { source, closers } = scan;
	if (source[at + 1] === '$') {
		const close = closers.display.at(at + 2);
		if (close < 0 || close + 2 > limit) return undefined;
		return { start: at, end: close + 2, contentStart: at + 2, contentEnd: close, display: true };
	}
	if (at + 1 >= limit || /\s/.test(source[at + 1]!)) return undefined;
	const close = closers.inline.at(at + 1);
	if (close < 0 || close >= limit) return undefined;
	return { start: at, end: close + 1, contentStart: at + 1, contentEnd: close, display: false };
}
