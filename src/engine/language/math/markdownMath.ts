/**
 * Finds the math in a Markdown file: `$...$`, `$$...$$`, `\(...\)`, `\[...\]` and fenced ```` ```math ```` blocks.
 * Code spans, other fenced code, HTML comments and YAML front matter are skipped, and `\$` is a dollar sign. Inline
 * math follows pandoc's rule (`$` followed by a non-space opens, a `$` after a non-space and not before a digit
 * closes, so "$5 and $10" is not math), and no block runs past a blank line. Offsets are the file's.
 */
import type { BlockRange } from './mathBlock';

export interface MathBlock extends BlockRange {
	/** True for `$$`, `\[` and fenced blocks. */
	readonly display: boolean;
}

/** Every math block of `source`, in order. */
export function findMathBlocks(source: string): MathBlock[] {
	const blocks: MathBlock[] = [];
	const breaks = paragraphBreaks(source);
	let prose = frontMatterEnd(source);
	for (const fence of fences(source, prose)) {
		scanProse(source, prose, fence.start, breaks, blocks);
		if (fence.math) blocks.push(fence.block);
		prose = fence.end;
	}
	scanProse(source, prose, source.length, breaks, blocks);
	return blocks;
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

function scanProse(source: string, from: number, to: number, breaks: readonly number[], blocks: MathBlock[]): void {
	let i = from;
	while (i < to) {
		const c = source[i];
		if (c === '`') {
			i = skipCodeSpan(source, i, paragraphEnd(breaks, i, to));
		} else if (c === '<' && source.startsWith('<!--', i)) {
			const close = source.indexOf('-->', i + 4);
			i = close < 0 || close >= to ? to : close + 3;
		} else if (c === '\\' || c === '$') {
			const limit = paragraphEnd(breaks, i, to);
			const block = c === '\\' ? backslashMath(source, i, limit) : dollarMath(source, i, limit);
			if (block) blocks.push(block);
			i = block ? block.end : i + (c === '\\' || source[i + 1] === '$' ? 2 : 1);
		} else {
			i++;
		}
	}
}

function skipCodeSpan(source: string, at: number, limit: number): number {
	let n = 0;
	while (source[at + n] === '`') n++;
	for (let k = source.indexOf('`', at + n); k >= 0 && k < limit; k = source.indexOf('`', k)) {
		let run = 0;
		while (source[k + run] === '`') run++;
		if (run === n) return k + n;
		k += run;
	}
	return at + n;
}

/** `\(...\)` or `\[...\]` at `at`, closed before `limit`. */
function backslashMath(source: string, at: number, limit: number): MathBlock | undefined {
	const kind = source[at + 1];
	if (kind !== '(' && kind !== '[') return undefined;
	const close = source.indexOf(kind === '(' ? '\\)' : '\\]', at + 2);
	if (close < 0 || close + 2 > limit) return undefined;
	return { start: at, end: close + 2, contentStart: at + 2, contentEnd: close, display: kind === '[' };
}

/** `$$...$$` or `$...$` at `at`, closed before `limit`. */
function dollarMath(source: string, at: number, limit: number): MathBlock | undefined {
	if (source[at + 1] === '$') {
		for (let k = source.indexOf('$$', at + 2); k >= 0 && k + 2 <= limit; k = source.indexOf('$$', k + 1)) {
			if (source[k - 1] === '\\') continue;
			return { start: at, end: k + 2, contentStart: at + 2, contentEnd: k, display: true };
		}
		return undefined;
	}
	if (at + 1 >= limit || /\s/.test(source[at + 1]!)) return undefined;
	for (let k = source.indexOf('$', at + 1); k >= 0 && k < limit; k = source.indexOf('$', k + 1)) {
		const before = source[k - 1]!;
		if (before !== '\\' && !/\s/.test(before) && !/[0-9]/.test(source[k + 1] ?? '')) {
			return { start: at, end: k + 1, contentStart: at + 1, contentEnd: k, display: false };
		}
	}
	return undefined;
}
