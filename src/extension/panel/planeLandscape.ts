/**
 * The plane of a `requestLandscape` that asks for one instead of two parameter axes (n-parameter losses): the plane
 * of the path's two principal directions through the current point (PCA of at most 128 records spread evenly over
 * the history up to the current step, `pathPlane.ts`), or a plane the panel names. The host resolves it from the
 * session's history; the engine's worker samples the loss over it (`worker/explore/landscapeRequest.ts`).
 */
import { evenlySpacedIndices, pathPlane } from '../../engine/index';
import type { RequestLandscapeMessage, SlicePlaneInfo } from '../../shared/messages';
import type { SessionController } from '../session/sessionController';

/** Records of the path the principal directions are computed from, at most. */
export const maxPathRecords = 128;

/** The plane through the current point: the path's principal plane, or the one given (if it fits the loss). */
export function planeFor(controller: SessionController, request: NonNullable<RequestLandscapeMessage['plane']>): SlicePlaneInfo | undefined {
	const session = controller.session;
	const snapshot = session.snapshot();
	const d = snapshot.x.length;
	if (request.kind === 'vectors') {
		if (request.origin.length !== d || request.u.length !== d || request.v.length !== d) return undefined;
		return { origin: [...request.origin], u: [...request.u], v: [...request.v], explained: [0, 0], kinds: ['coordinate', 'coordinate'], step: snapshot.step };
	}
	if (d < 2) return undefined;
	const indices = evenlySpacedIndices(snapshot.step + 1, maxPathRecords);
	const points = new Float64Array(indices.length * d);
	indices.forEach((k, row) => session.history.readPoint(k, points.subarray(row * d, (row + 1) * d)));
	const plane = pathPlane({ points, count: indices.length, d }, snapshot.gradient);
	return { origin: Array.from(snapshot.x), u: Array.from(plane.u), v: Array.from(plane.v), explained: plane.explained, kinds: plane.kinds, step: snapshot.step };
}
