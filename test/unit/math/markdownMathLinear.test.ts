// Markdown math is found in linear time (closers remembered by NextMatch, markdownMath.ts) and exactly where the
// earlier scan, which searched for each opener's closer afresh, found it: that scan, kept below as the reference,
// against the linear one on random Markdown made of the characters that matter. How the time grows (40 KB against
// 160 KB) is measured by `npm run bench`, not here.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findMathBlocks, NextMatch } from '../../../src/engine/language/math/markdownMath';

/** The earlier prose scan (before the linear rewrite), for blocks outside fences and front matter. */
function referenceBlocks(source: string): { start: number; end: number; display: boolean }[] {
	const breaks: number[] = [];
	const blank = /\n[ \t]*(?=\r?\n)/g;
	for (let m = blank.exec(source); m; m = blank.exec(source)) breaks.push(m.index);
	const paragraphEnd = (at: number) => Math.min(breaks.find((b) => b >= at) ?? source.length, source.length);
	const blocks: { start: number; end: number; display: boolean }[] = [];
	let i = 0;
	while (i < source.length) {
		const c = source[i];
		if (c === '`') {
			let n = 0;
			while (source[i + n] === '`') n++;
			let next = i + n;
			for (let k = source.indexOf('`', i + n); k >= 0 && k < paragraphEnd(i); k = source.indexOf('`', k)) {
				let run = 0;
				while (source[k + run] === '`') run++;
				if (run === n) {
					next = k + n;
					break;
				}
				k += run;
			}
			i = next;
		} else if (c === '\\' || c === '$') {
			const block = c === '\\' ? backslash(source, i, paragraphEnd(i)) : dollar(source, i, paragraphEnd(i));
			if (block) blocks.push(block);
			i = block ? block.end : i + (c === '\\' || source[i + 1] === '$' ? 2 : 1);
		} else {
			i++;
		}
	}
	return blocks;
}

function backslash(source: string, at: number, limit: number) {
	const kind = source[at + 1];
	if (kind !== '(' && kind !== '[') return undefined;
	const close = source.indexOf(kind === '(' ? '\\)' : '\\]', at + 2);
	if (close < 0 || close + 2 > limit) return undefined;
	return { start: at, end: close + 2, display: kind === '[' };
}

function dollar(source: string, at: number, limit: number) {
	if (source[at + 1] === '$') {
		for (let k = source.indexOf('$$', at + 2); k >= 0 && k + 2 <= limit; k = source.indexOf('$$', k + 1)) {
			if (source[k - 1] === '\\') continue;
			return { start: at, end: k + 2, display: true };
		}
		return undefined;
	}
	if (at + 1 >= limit || /\s/.test(source[at + 1]!)) return undefined;
	for (let k = source.indexOf('$', at + 1); k >= 0 && k < limit; k = source.indexOf('$', k + 1)) {
		const before = source[k - 1]!;
		if (before !== '\\' && !/\s/.test(before) && !/[0-9]/.test(source[k + 1] ?? '')) return { start: at, end: k + 1, display: false };
	}
	return undefined;
}

const pieces = ['$', '$$', '\\(', '\\)', '\\[', '\\]', '\\$', '`', '``', 'x', '5', ' ', '\n', '\n\n', '|'];
// No fences (three backticks) and no front matter: the reference scans prose only.
const markdown = fc
	.array(fc.constantFrom(...pieces), { maxLength: 80 })
	.map((parts) => parts.join(''))
	.filter((source) => !source.includes('```'));

describe('Markdown math in linear time', () => {
	it('finds the same blocks as the scan that searched each closer afresh', () => {
		fc.assert(
			fc.property(markdown, (source) => {
				const found = findMathBlocks(source).map(({ start, end, display }) => ({ start, end, display }));
				expect(found).toEqual(referenceBlocks(source));
			}),
			{ numRuns: 3000 },
		);
	});

	it('NextMatch answers from memory while the position stays before the last match', () => {
		const searches: number[] = [];
		const next = new NextMatch((from) => (searches.push(from), 'ab..ab....ab'.indexOf('ab', from)));
		expect([next.at(0), next.at(0), next.at(1), next.at(4), next.at(5), next.at(11), next.at(11)]).toEqual([0, 0, 4, 4, 10, -1, -1]);
		expect(searches).toEqual([0, 1, 5, 11]);
	});
});
