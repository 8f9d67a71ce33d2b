// The n-D views' messages: `requestLandscape` with a plane (the path's principal plane or explicit vectors) and
// `requestLineSearch` as the host validates them, and the panel's checks on the `landscape` plane and `lineSearch`.
import { describe, expect, it } from 'vitest';
import { validateFromWebview } from '../../../src/shared/validateMessage';
import { parseHostMessage } from '../../../src/webview/hostMessages';

const base = { type: 'requestLandscape', requestId: 1, range: { xMin: -1, xMax: 1, yMin: -1, yMax: 1 }, axes: [0, 1], nx: 10, ny: 10 };

describe('requestLandscape with a plane', () => {
	it('accepts the path-principal plane and an explicit plane', () => {
		expect(validateFromWebview({ ...base, plane: { kind: 'pathPrincipal' } })).toEqual({ ...base, plane: { kind: 'pathPrincipal' } });
		const vectors = { kind: 'vectors', origin: [1, 2, 3], u: [1, 0, 0], v: [0, 0.6, 0.8] };
		expect(validateFromWebview({ ...base, plane: vectors })).toEqual({ ...base, plane: vectors });
		expect(validateFromWebview(base)).toEqual(base);
	});

	it('rejects unknown kinds, mismatched or non-finite vectors and zero directions', () => {
		const bad = [
			{ kind: 'pca' },
			'pathPrincipal',
			{ kind: 'vectors', origin: [1, 2, 3], u: [1, 0], v: [0, 1, 0] },
			{ kind: 'vectors', origin: [1, 2, 3], u: [1, 0, Number.NaN], v: [0, 1, 0] },
			{ kind: 'vectors', origin: [1, 2, 3], u: [0, 0, 0], v: [0, 1, 0] },
			{ kind: 'vectors', origin: [1], u: [1], v: [1] },
			{ kind: 'vectors', origin: [1, 2], u: [1, 0], v: 'y' },
		];
		for (const plane of bad) expect(validateFromWebview({ ...base, plane }), JSON.stringify(plane)).toBeUndefined();
	});
});

describe('requestLineSearch', () => {
	it('needs a numeric request id', () => {
		expect(validateFromWebview({ type: 'requestLineSearch', requestId: 4 })).toEqual({ type: 'requestLineSearch', requestId: 4 });
		expect(validateFromWebview({ type: 'requestLineSearch' })).toBeUndefined();
		expect(validateFromWebview({ type: 'requestLineSearch', requestId: '4' })).toBeUndefined();
	});
});

describe('the panel’s checks', () => {
	const plane = { origin: [0, 0, 0], u: [1, 0, 0], v: [0, 1, 0], explained: [0.9, 0.1], kinds: ['principal', 'gradient'], step: 3 };
	const landscape = { requestId: 2, kind: 'grid', range: { xMin: 0, xMax: 1, yMin: 0, yMax: 1 }, axes: [-1, -1], nx: 2, ny: 2, values: [1, 2, 3, 4] };

	it('reads the plane a grid was sampled on, and rejects a malformed one', () => {
		const parsed = parseHostMessage({ type: 'landscape', landscape: { ...landscape, plane } });
		expect(parsed?.type === 'landscape' && parsed.landscape.plane).toEqual(plane);
		expect(parseHostMessage({ type: 'landscape', landscape: { ...landscape, plane: { ...plane, kinds: ['pc1', 'pc2'] } } })).toBeUndefined();
		expect(parseHostMessage({ type: 'landscape', landscape: { ...landscape, plane: { ...plane, u: [1, 0] } } })).toBeUndefined();
	});

	it('reads a line search, with or without a line minimum', () => {
		const info = { requestId: 5, step: 3, optimizer: 'sgd', learningRate: 0.1, alphaMax: 0.3, values: [3, 2, 1.5, 2], loss: 3, stepAlpha: 0.1, stepLineLoss: 2, stepLoss: 2, stepAngle: 0, minimum: { alpha: 0.2, loss: 1.5 }, ratio: 0.5, verdict: 'aboutRight' };
		const parsed = parseHostMessage({ type: 'lineSearch', lineSearch: info });
		expect(parsed?.type === 'lineSearch' && parsed.lineSearch.minimum).toEqual({ alpha: 0.2, loss: 1.5 });
		const { minimum: _minimum, ...without } = info;
		const noMinimum = parseHostMessage({ type: 'lineSearch', lineSearch: { ...without, verdict: 'tooShort' } });
		expect(noMinimum?.type === 'lineSearch' && noMinimum.lineSearch.minimum).toBeUndefined();
		expect(parseHostMessage({ type: 'lineSearch', lineSearch: { ...info, verdict: 'maybe' } })).toBeUndefined();
		expect(parseHostMessage({ type: 'lineSearch', lineSearch: { ...info, values: [1] } })).toBeUndefined();
	});
});
