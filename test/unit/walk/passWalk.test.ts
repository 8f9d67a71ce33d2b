/**
 * The step-into walk on the 2-2-1 XOR network (test/unit/debug/fixtures/xor.ts and xor.py): the hidden units'
 * values at n = 2 against the closed form, the order of the stops (into the loop and the helper, then back in
 * reverse), and the accumulated adjoints against the compiled gradient.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileLoss, type Loss } from '../../../src/engine/compileLoss';
import { PassWalk } from '../../../src/engine/session/walk/passWalk';

const fixtures = path.resolve(__dirname, '../debug/fixtures');
const sigma = (z: number) => 1 / (1 + Math.exp(-z));
const start = [0.5, -0.4, 0.3, 0.8, 0.1, -0.2, 0.7, -0.6, 0.05];

function xor(file: string): Loss {
	const language = file.endsWith('.py') ? 'python' : 'typescript';
	return compileLoss(readFileSync(path.join(fixtures, file), 'utf8'), { language });
}

/** Where the walk stands: the loop iterations and helper calls it is inside, and the statement. */
function where(walk: PassWalk): string {
	const frames = walk.levels.slice(1).map((l) => (l.frame.kind === 'loop' ? `#${l.frame.k}` : l.frame.kind === 'call' ? l.frame.step.name : ''));
	return `${walk.phase[0]}${frames.join('/')}:${walk.statement.name}`;
}

describe.each(['xor.ts', 'xor.py'])('the walk through %s', (file) => {
	it('shows h0, h1 and out at n = 2 as computed by hand', () => {
		const loss = xor(file);
		const walk = PassWalk.enter(loss.graph, loss.start)!;
		const seen = new Map<string, number>();
		while (walk.phase === 'forward') {
			const frame = walk.levels[1]?.frame;
			if (walk.depth === 2 && frame?.kind === 'loop' && frame.k === 2) seen.set(walk.statement.name, walk.valueAt());
			walk.next();
		}
		const [w00, , w10, , b0, b1, v0, v1, c] = start as [number, number, number, number, number, number, number, number, number];
		const h0 = sigma(w00 + b0);
		const h1 = sigma(w10 + b1);
		const out = sigma(v0 * h0 + v1 * h1 + c);
		expect(seen.get('h0')).toBeCloseTo(h0, 14);
		expect(seen.get('h1')).toBeCloseTo(h1, 14);
		expect(seen.get('out')).toBeCloseTo(out, 14);
	});

	it('enters the loop and the helper, then walks back in reverse, iterations last to first', () => {
		const loss = xor(file);
		const walk = PassWalk.enter(loss.graph, loss.start)!;
		const stops = [where(walk)];
		while (walk.next()) stops.push(where(walk));
		const body = (k: number) => [`#${k}/sigmoid:return`, `#${k}:h0`, `#${k}/sigmoid:return`, `#${k}:h1`, `#${k}/sigmoid:return`, `#${k}:out`, `#${k}:total`];
		const forward = [':total', ...[0, 1, 2, 3].flatMap(body), ':return'].map((s) => `f${s}`);
		const backward = [':return', ...[3, 2, 1, 0].flatMap((k) => body(k).reverse()), ':total'].map((s) => `b${s}`);
		expect(stops).toEqual([...forward, ...backward]);
	});

	it('accumulates adjoints equal to the compiled gradient', () => {
		const loss = xor(file);
		const walk = PassWalk.enter(loss.graph, loss.start)!;
		while (walk.next());
		const gradient = new Float64Array(start.length);
		loss.valueAndGradient(loss.start, gradient);
		for (let i = 0; i < start.length; i++) expect(Math.abs(walk.gradient[i]! - gradient[i]!)).toBeLessThanOrEqual(1e-12);
	});
});
