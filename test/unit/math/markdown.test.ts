// The Markdown front end on the study note the project grew from, and on the Markdown constructs around math.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FoundLoss } from '../../../src/engine/language/frontEnd';
import { markdownFrontEnd } from '../../../src/engine/language/math/markdownFrontEnd';
import { evaluateMath } from './evaluateMath';

const note = readFileSync(new URL('../fixtures/studyNote.md', import.meta.url), 'utf8');

function summary(found: FoundLoss): unknown {
	return found.kind === 'loss'
		? { loss: found.site.name, params: found.site.params, line: found.site.span.line }
		: { error: found.name, message: found.error.message, line: found.error.line, column: found.error.column };
}

describe('the study note', () => {
	const found = markdownFrontEnd.list(note);

	it('finds the loss y in x from \\(y = (x - 1)^2 + 1\\), with its spans', () => {
		const y = found.find((f) => f.kind === 'loss');
		expect(y?.kind).toBe('loss');
		if (y?.kind !== 'loss') return;
		expect(y.site).toMatchObject({ name: 'y', language: 'markdown', params: ['x'] });
		// Line 82 is "예: \(y = (x - 1)^2 + 1\)": the block starts at column 4, the name y at column 6.
		expect(y.site.span).toEqual({ line: 82, column: 4, endLine: 82, endColumn: 25 });
		expect(y.site.nameSpan).toEqual({ line: 82, column: 6, endLine: 82, endColumn: 7 });
	});

	it('lowers y: 17 at x = 5 with gradient 8', () => {
		for (const name of [undefined, 'y']) {
			const y = evaluateMath('markdown', note, [5], name);
			expect([y.name, y.params, y.value, y.gradient]).toEqual(['y', ['x'], 17, [8]]);
		}
	});

	it('reports the update rule and the undefined f as not losses, and skips the lone symbols', () => {
		expect(found.map(summary)).toEqual([
			{ error: 'w_new', message: 'uses \\nabla: an update rule, not a loss', line: 70, column: 26 },
			{ loss: 'y', params: ['x'], line: 82 },
			{ error: 'L', message: 'unknown function f: only built-in functions such as sin, exp and log can be called', line: 87, column: 10 },
		]);
		const rule = found[0]!;
		expect(rule.kind === 'error' && rule.span).toEqual({ line: 69, column: 1, endLine: 71, endColumn: 3 });
	});

	it('throws the block error when the update rule is asked for by name', () => {
		expect(() => markdownFrontEnd.lower(note, { name: 'w_new' })).toThrow('uses \\nabla: an update rule, not a loss');
		expect(() => markdownFrontEnd.lower(note, { name: 'nothing' })).toThrow("no loss named 'nothing' (found: y)");
	});
});

describe('Markdown math', () => {
	const list = (source: string) => markdownFrontEnd.list(source).map(summary);

	it('reads $$...$$ over several lines with file coordinates', () => {
		const source = 'Intro.\n\n$$\n  y = (x-1)^2 + 1\n$$\n';
		const [found] = markdownFrontEnd.list(source);
		expect(found?.kind === 'loss' && found.site.span).toEqual({ line: 3, column: 1, endLine: 5, endColumn: 3 });
		expect(found?.kind === 'loss' && found.site.nameSpan).toEqual({ line: 4, column: 3, endLine: 4, endColumn: 4 });
		expect(evaluateMath('markdown', source, [5]).value).toBe(17);
	});

	it('reads $...$, \\[...\\] and ```math blocks', () => {
		const source = 'Take $f(x) = x^2$ or\n\\[ g(x, y) = x y \\]\n\n```math\nh(t) = \\frac{t}{2}\n```\n';
		expect(list(source)).toEqual([
			{ loss: 'f', params: ['x'], line: 1 },
			{ loss: 'g', params: ['x', 'y'], line: 2 },
			{ loss: 'h', params: ['t'], line: 4 },
		]);
		expect(evaluateMath('markdown', source, [4], 'h').value).toBe(2);
	});

	it('skips code spans, other fenced code, escaped dollars, prices and front matter', () => {
		const source = [
			'---', 'title: $x = 1$', '---',
			'Code `$y = x^2$` and ``a ` $z = x$ ``; it costs \\$5 or $5 and $10.',
			'```python', 'loss = "$w = v^2$"', '```',
			'~~~', '$$ q = p^2 $$', '~~~',
			'<!-- $r = s^2$ -->',
			'Only $k = m^2$ counts.',
		].join('\n');
		expect(list(source)).toEqual([{ loss: 'k', params: ['m'], line: 12 }]);
	});

	it('lists a bare expression as f and skips settings and lone symbols', () => {
		expect(list('Minimize $x^2 + 1$ with $\\eta = 0.1$, from $w$ or $-w$ along $-\\nabla L$.')).toEqual([
			{ loss: 'f', params: ['x'], line: 1 },
		]);
	});

	it('picks the first computable block when several share a name', () => {
		const source = 'First $y = q(a, b)$, then $y = (x - 2)^2$, then $y = x^4$.';
		expect(list(source).map((s) => Object.keys(s as object)[0])).toEqual(['error', 'loss', 'loss']);
		expect(evaluateMath('markdown', source, [3], 'y').value).toBe(1);
	});

	it('keeps the other blocks working next to a broken one', () => {
		const source = '$f(x) = (x + 1$ and $g(x) = x^3$';
		expect(list(source)).toEqual([
			{ error: 'f', message: "'(' is never closed", line: 1, column: 15 },
			{ loss: 'g', params: ['x'], line: 1 },
		]);
		expect(evaluateMath('markdown', source, [2]).value).toBe(8);
	});
});
