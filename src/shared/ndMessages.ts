/**
 * The n-parameter views' part of the protocol (put in the unions by `messages.ts`): a slice through the plane of
 * the path's principal directions (or any plane) instead of two parameter axes, and the line-search view along
 * −∇L. Types only.
 */

/** A slice plane a `requestLandscape` may ask for instead of two parameter axes. */
export type SlicePlaneRequest =
	/** The plane of the path's two principal directions through the current point (the host computes it). */
	| { readonly kind: 'pathPrincipal' }
	/** The plane `origin + a·u + b·v` as given (u and v orthonormal, each `params.length` long). */
	| { readonly kind: 'vectors'; readonly origin: readonly number[]; readonly u: readonly number[]; readonly v: readonly number[] };

/** Where a slice direction came from: a principal direction of the path, −∇L, or a coordinate axis (made orthogonal). */
export type SliceDirectionKind = 'principal' | 'gradient' | 'coordinate';

/** The plane a `landscape` grid was sampled on: the grid's x is `a`, its y is `b` in `origin + a·u + b·v`. */
export interface SlicePlaneInfo {
	readonly origin: readonly number[];
	readonly u: readonly number[];
	readonly v: readonly number[];
	/** Fraction of the path's variance along u and along v. */
	readonly explained: readonly [number, number];
	readonly kinds: readonly [SliceDirectionKind, SliceDirectionKind];
	/** The session step whose point is the origin. */
	readonly step: number;
}

/** The verdict on the step's length along −∇L (see `src/engine/landscape/lineSlice.ts`). */
export type LineSearchVerdict = 'tooLong' | 'tooShort' | 'aboutRight' | 'backward' | 'flat';

/** The loss along x − α·∇L from the current point, where the next step lands on that line, and the line minimum. */
export interface LineSearchInfo {
	/** The session step it was computed at. */
	readonly step: number;
	readonly optimizer: string;
	readonly learningRate: number;
	/** `values[i]` is the loss at α = i·alphaMax/(values.length − 1). */
	readonly alphaMax: number;
	readonly values: Float64Array;
	readonly loss: number;
	/** The step's projection onto the line, the loss there, and the loss where the step really lands. */
	readonly stepAlpha: number;
	readonly stepLineLoss: number;
	readonly stepLoss: number;
	/** Degrees between the step and −∇L. */
	readonly stepAngle: number;
	readonly minimum?: { readonly alpha: number; readonly loss: number };
	/** stepAlpha over the line minimum's α. */
	readonly ratio: number;
	readonly verdict: LineSearchVerdict;
}

// ---- webview → host ----

/** The loss along −∇L at the current point (about 150 evaluations); answered by `LineSearchInfo`. */
export interface RequestLineSearchMessage {
	readonly type: 'requestLineSearch';
}
