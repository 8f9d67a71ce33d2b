// The host's one check of what the panel posts: every message kind accepted when well formed, and the bounds
// (size, depth, sparse arrays, prototype keys, long strings, non-finite numbers, inverted ranges) rejected. Then a
// seeded fuzz: random values, random envelopes around valid bodies, and valid messages with one thing broken.
import { describe, expect, it } from 'vitest';
import { maxImageUrlLength, panelBounds, readPanelEnvelope, validateFromWebview } from '../../../src/shared/validatePanelMessage';

const range = { xMin: -2, xMax: 2, yMin: -1, yMax: 3 };
const png = `data:image/png;base64,${'iVBORw0KGgo'.padEnd(64, 'A')}=`;

/** One well-formed body of every kind the panel sends. */
const valid = [
	{ type: 'ready' },
	{ type: 'command', command: 'continue' },
	{ type: 'setLearningRate', learningRate: 0.1 },
	{ type: 'tryLearningRate', learningRate: 0.5 },
	{ type: 'setOptimizer', optimizer: 'adam', options: { lr: 0.01, betas: [0.9, 0.999], amsgrad: false } },
	{ type: 'addRun', optimizer: 'sgd', options: { lr: 0.1, momentum: 0.9 } },
	{ type: 'setStart', x: [1, -2.5] },
	{ type: 'setSpeed', stepsPerSecond: 30 },
	{ type: 'goTo', step: 12 },
	{ type: 'runRestarts', count: 20 },
	{ type: 'changeRun', id: 2, change: 'hide' },
	{ type: 'requestLandscape', range, axes: [0, 1], nx: 120, ny: 80 },
	{ type: 'requestLandscape', range, axes: [0, -1], nx: 400, ny: 1 },
	{ type: 'requestLandscape', range, axes: [0, 1], nx: 60, ny: 60, plane: { kind: 'pathPrincipal' } },
	{ type: 'requestLandscape', range, axes: [0, 1], nx: 60, ny: 60, plane: { kind: 'vectors', origin: [0, 0, 0], u: [1, 0, 0], v: [0, 1, 0] } },
	{ type: 'requestBasins', range, nx: 48, ny: 48 },
	{ type: 'requestBruteForce', range, axes: [0, 1], k: 100 },
	{ type: 'requestBatchNoise', count: 24 },
	{ type: 'requestSweep' },
	{ type: 'requestLineSearch' },
	{ type: 'requestGraph' },
	{ type: 'revealLine', line: 13 },
] as const;

const requestTypes = new Set(['requestLandscape', 'requestBasins', 'requestBruteForce', 'requestBatchNoise', 'requestSweep', 'requestLineSearch', 'requestGraph']);
const envelopeOf = (body: object) =>
	requestTypes.has((body as { type: string }).type) ? { kind: 'request', messageId: 7, body } : { kind: 'notice', body };

describe('validateFromWebview', () => {
	it('accepts every kind of message when well formed, copying it exactly', () => {
		for (const body of valid) expect(validateFromWebview(JSON.parse(JSON.stringify(body))), body.type).toEqual(body);
	});

	it('takes a Graph view node’s line only as a whole number from 1', () => {
		for (const line of [0, -1, 2.5, Number.NaN, '3', 1e12]) expect(validateFromWebview({ type: 'revealLine', line }), String(line)).toBeUndefined();
	});

	it('drops fields it does not know', () => {
		expect(validateFromWebview({ type: 'goTo', step: 3, extra: 'x' })).toEqual({ type: 'goTo', step: 3 });
	});

	it('rejects inverted or empty ranges in landscape, basin and brute-force requests', () => {
		for (const bad of [{ ...range, yMax: range.yMin }, { ...range, yMax: -5 }, { ...range, xMax: range.xMin }, { ...range, xMin: 9 }]) {
			expect(validateFromWebview({ type: 'requestLandscape', range: bad, axes: [0, 1], nx: 10, ny: 10 })).toBeUndefined();
			expect(validateFromWebview({ type: 'requestBasins', range: bad, nx: 10, ny: 10 })).toBeUndefined();
			expect(validateFromWebview({ type: 'requestBruteForce', range: bad, axes: [0, 1], k: 10 })).toBeUndefined();
		}
	});

	it('rejects non-finite numbers where numbers must be finite', () => {
		for (const v of [NaN, Infinity, -Infinity, null, '1']) {
			expect(validateFromWebview({ type: 'setLearningRate', learningRate: v })).toBeUndefined();
			expect(validateFromWebview({ type: 'setStart', x: [1, v] })).toBeUndefined();
			expect(validateFromWebview({ type: 'requestLandscape', range: { ...range, xMin: v }, axes: [0, 1], nx: 10, ny: 10 })).toBeUndefined();
			expect(validateFromWebview({ type: 'setOptimizer', optimizer: 'adam', options: { lr: v } })).toBeUndefined();
		}
	});

	it('rejects sparse arrays, prototype keys, over-long strings and too many options', () => {
		const sparse = [1, 2];
		sparse.length = 3;
		expect(validateFromWebview({ type: 'setStart', x: sparse })).toBeUndefined();
		expect(validateFromWebview({ type: 'setStart', x: [1, , 3] })).toBeUndefined();
		for (const key of ['__proto__', 'constructor', 'prototype']) {
			expect(validateFromWebview(JSON.parse(`{"type":"setOptimizer","optimizer":"adam","options":{"${key}":{"lr":1}}}`))).toBeUndefined();
			expect(validateFromWebview(JSON.parse(`{"type":"ready","${key}":{"polluted":true}}`))).toBeUndefined();
		}
		expect(validateFromWebview({ type: 'setOptimizer', optimizer: 'a'.repeat(65), options: {} })).toBeUndefined();
		expect(validateFromWebview({ type: 'setOptimizer', optimizer: 'adam', options: { ['k'.repeat(65)]: 1 } })).toBeUndefined();
		expect(validateFromWebview({ type: 'setOptimizer', optimizer: 'adam', options: Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`o${i}`, 1])) })).toBeUndefined();
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('rejects values that are not plain data, and bounds size and depth', () => {
		expect(validateFromWebview({ type: 'setStart', x: new Float64Array([1, 2]) })).toBeUndefined();
		expect(validateFromWebview(Object.assign(Object.create({ inherited: 1 }), { type: 'ready' }))).toBeUndefined();
		const getter = { type: 'goTo', get step() { throw new Error('boom'); } };
		expect(validateFromWebview(getter)).toBeUndefined();
		expect(validateFromWebview({ type: 'setStart', x: new Array(panelBounds.maxNodes + 1).fill(1) })).toBeUndefined();
		let deep: unknown = 1;
		for (let i = 0; i < 10_000; i++) deep = [deep];
		expect(validateFromWebview({ type: 'ready', deep })).toBeUndefined();
		expect(validateFromWebview({ type: 'ready', text: 'x'.repeat(panelBounds.maxTextLength + 1) })).toBeUndefined();
	});
});

describe('readPanelEnvelope', () => {
	it('accepts notices, requests, the image reply, errors and cancellations', () => {
		for (const body of valid) expect(readPanelEnvelope(envelopeOf(body))).toEqual(envelopeOf(body));
		expect(readPanelEnvelope({ kind: 'reply', inReplyTo: 3, final: true, body: { dataUrl: png } })).toEqual({ kind: 'reply', inReplyTo: 3, final: true, body: { dataUrl: png } });
		expect(readPanelEnvelope({ kind: 'error', inReplyTo: 3, error: { message: 'no plot yet' } })?.kind).toBe('error');
		expect(readPanelEnvelope({ kind: 'cancel', inReplyTo: 3 })).toEqual({ kind: 'cancel', inReplyTo: 3 });
	});

	it('rejects a notice sent as a request and the reverse, bad images and long error texts', () => {
		expect(readPanelEnvelope({ kind: 'request', messageId: 1, body: { type: 'ready' } })).toBeUndefined();
		expect(readPanelEnvelope({ kind: 'notice', body: { type: 'requestSweep' } })).toBeUndefined();
		for (const dataUrl of ['data:image/png;base64,', 'data:image/jpeg;base64,AAAA', `${png}<script>`, `data:image/png;base64,${'A'.repeat(maxImageUrlLength)}`]) {
			expect(readPanelEnvelope({ kind: 'reply', inReplyTo: 1, final: true, body: { dataUrl } })).toBeUndefined();
		}
		expect(readPanelEnvelope({ kind: 'error', inReplyTo: 1, error: { message: 'x'.repeat(2001) } })).toBeUndefined();
	});
});

/** Park & Miller's minimal standard generator, so a failure can be replayed from its seed. */
function random(seed: number): () => number {
	let s = seed;
	return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

function randomValue(r: () => number, depth: number): unknown {
	const pick = Math.floor(r() * 12);
	const keys = ['type', 'kind', 'body', 'range', 'x', 'xMin', 'xMax', 'yMin', 'yMax', 'axes', 'nx', 'ny', 'k', 'count', 'options', 'lr', '__proto__', 'constructor', 'plane', 'u', 'v', 'origin', 'messageId', 'inReplyTo', 'final', 'dataUrl'];
	const strings = ['ready', 'command', 'step', 'setStart', 'requestLandscape', 'requestBasins', 'notice', 'request', 'reply', 'cancel', 'vectors', 'pathPrincipal', png, ''];
	switch (pick) {
		case 0: return r() * 20 - 10;
		case 1: return [NaN, Infinity, -Infinity, -0, 1e308, -1, 0, 2, 1000, 128][Math.floor(r() * 10)];
		case 2: return strings[Math.floor(r() * strings.length)];
		case 3: return r() < 0.5;
		case 4: return null;
		case 5: return undefined;
		case 6: {
			const a: unknown[] = [];
			a.length = Math.floor(r() * 5);
			for (let i = 0; i < a.length; i++) if (r() < 0.9) a[i] = randomValue(r, depth + 1);
			return depth > 6 ? a.length : a;
		}
		default: {
			if (depth > 6) return {};
			const o: Record<string, unknown> = {};
			const n = Math.floor(r() * 6);
			for (let i = 0; i < n; i++) Object.defineProperty(o, keys[Math.floor(r() * keys.length)]!, { value: randomValue(r, depth + 1), enumerable: true, configurable: true, writable: true });
			return o;
		}
	}
}

/** Breaks one thing of a valid message so that it must be rejected; the name says what. */
const breakers: readonly [string, (m: Record<string, unknown>) => unknown][] = [
	['unknown type', (m) => ({ ...m, type: `${m.type as string}X` })],
	['prototype key', (m) => JSON.parse(JSON.stringify(m).replace('{', '{"__proto__":{"x":1},'))],
	['constructor key', (m) => JSON.parse(JSON.stringify(m).replace('{', '{"constructor":1,'))],
	['nested too deep', (m) => ({ ...m, extra: JSON.parse('['.repeat(20) + ']'.repeat(20)) })],
	['a sparse array', (m) => ({ ...m, extra: [1, , 2] })],
	['too much text', (m) => ({ ...m, extra: 'x'.repeat(panelBounds.maxTextLength + 1) })],
	['a function', (m) => ({ ...m, extra: () => 1 })],
];

/** Invariants any accepted body must meet, checked independently of the validator's code. */
function checkAccepted(body: Record<string, unknown>): void {
	const walk = (v: unknown): void => {
		if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
		if (typeof v === 'string') expect(v.length).toBeLessThanOrEqual(maxImageUrlLength);
		if (Array.isArray(v)) {
			for (let i = 0; i < v.length; i++) {
				expect(i in v).toBe(true);
				walk(v[i]);
			}
		} else if (typeof v === 'object' && v !== null) {
			expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
			for (const key of Object.keys(v)) {
				expect(['__proto__', 'constructor', 'prototype']).not.toContain(key);
				walk((v as Record<string, unknown>)[key]);
			}
		}
	};
	walk(body);
	const r = body.range as { xMin: number; xMax: number; yMin: number; yMax: number } | undefined;
	if (r) expect(r.xMax > r.xMin && r.yMax > r.yMin).toBe(true);
}

describe('fuzzing the panel validator', () => {
	it('never throws on random values and accepts only well-formed ones', () => {
		const r = random(20261207);
		let accepted = 0;
		for (let i = 0; i < 20_000; i++) {
			const value = randomValue(r, 0);
			const envelope = readPanelEnvelope(value);
			const body = validateFromWebview(value);
			if (envelope && 'body' in envelope && typeof envelope.body === 'object') checkAccepted(envelope.body as Record<string, unknown>);
			if (body) {
				accepted++;
				checkAccepted(body as unknown as Record<string, unknown>);
			}
		}
		expect(accepted).toBeGreaterThan(0);
	});

	it('rejects every valid message with one thing broken, in either envelope', () => {
		for (const body of valid) {
			for (const [what, breakIt] of breakers) {
				const broken = breakIt(body as unknown as Record<string, unknown>);
				expect(validateFromWebview(broken), `${body.type}: ${what}`).toBeUndefined();
				expect(readPanelEnvelope(envelopeOf(broken as object)), `${body.type}: ${what}`).toBeUndefined();
			}
		}
	});

	it('rejects random numbers, strings and arrays put in place of each field, unless they fit', () => {
		const r = random(42);
		for (let i = 0; i < 5_000; i++) {
			const body = { ...valid[Math.floor(r() * valid.length)] } as Record<string, unknown>;
			const fields = Object.keys(body).filter((k) => k !== 'type');
			if (fields.length === 0) continue;
			body[fields[Math.floor(r() * fields.length)]!] = randomValue(r, 3);
			const accepted = validateFromWebview(body);
			if (accepted) checkAccepted(accepted as unknown as Record<string, unknown>);
		}
	});
});
