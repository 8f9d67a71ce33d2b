// The n-D views' messages: `requestLandscape` with a plane (the path's principal plane or explicit vectors) and
// `requestLineSearch` as the host validates them.
import { describe, expect, it } from 'vitest';
import { validateFromWebview } from '../../../src/shared/validatePanelMessage';

const base = { type: 'requestLandscape', range: { xMin: -1, xMax: 1, yMin: -1, yMax: 1 }, axes: [0, 1], nx: 10, ny: 10 };

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
	it('needs nothing but its type', () => {
		expect(validateFromWebview({ type: 'requestLineSearch' })).toEqual({ type: 'requestLineSearch' });
		expect(validateFromWebview({ type: 'requestLineSearch', requestId: 4 })).toEqual({ type: 'requestLineSearch' });
	});
});
