// The worker's document cache: a closed untitled document's URI and version come back with other text.
import { describe, expect, it } from 'vitest';
import { DocumentCache } from '../../../src/worker/documentCache';

const untitled = (text: string) => ({ uri: 'untitled:Untitled-1', version: 1, language: 'typescript' as const, text });

describe('the worker document cache', () => {
	it('analyses new text under a reused URI and version, not the text it remembered', () => {
		const cache = new DocumentCache();
		const first = cache.list(untitled('export function loss(w: number[] = [1, 2]) { return w[0] * w[1]; }'));
		expect(first.map((f) => (f.kind === 'loss' ? f.site.name : f.name))).toEqual(['loss']);
		const second = untitled('export function loss(w = 0.5) {\n\tlet s = 0;\n\twhile (s < 3) s++;\n\treturn w + s;\n}\n');
		expect(() => cache.compile(second, 'loss')).toThrow(/while loops are not supported/);
		expect(cache.compile(untitled('export function loss(x = 3) { return x * x; }'), 'loss').value([3])).toBe(9);
	});

	it('compiles a document once per version', () => {
		const cache = new DocumentCache();
		const doc = untitled('export function loss(x = 3) { return (x - 1) ** 2; }');
		expect(cache.compile(doc, 'loss')).toBe(cache.compile({ ...doc }, 'loss'));
	});

	it('reads a notebook cell with the cells above it, and renews it when one of them changes', () => {
		const cache = new DocumentCache();
		const loss = 'def loss(w=0.0):\n    return (w - a) ** 2';
		const cell = (a: string) => ({
			uri: 'vscode-notebook-cell:/n.ipynb#W2',
			version: 1,
			language: 'python' as const,
			text: loss,
			cells: { index: 1, above: [{ index: 0, text: a }], below: [] },
		});
		// (0 - 3)^2 = 9, then (0 - 5)^2 = 25 for the same cell text and version.
		expect(cache.compile(cell('a = 3.0'), 'loss').value([0])).toBe(9);
		expect(cache.compile(cell('a = 5.0'), 'loss').value([0])).toBe(25);
		expect(cache.list(cell('a = 5.0')).map((f) => (f.kind === 'loss' ? f.site.nameSpan.line : 0))).toEqual([1]);
	});
});
