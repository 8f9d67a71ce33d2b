/**
 * The contour map's slice along the path's principal directions: the axis names (PC1 and PC2 with the share of the
 * path's variance each explains, or what stood in for a direction the path lacks) and the box to fit the view to,
 * before and after the host has sent the plane.
 */
import type { PointState, SlicePlaneInfo, ViewRange } from '../shared/messages';
import { formatNumber } from './formatNumber';
import type { SliceProjector } from './sliceProjector';
import type { Strings } from './strings';
import type { TrajectoryStore } from './trajectoryStore';

/** Axis titles for the plane: "PC1 · 87% of the path's variance", "−∇L direction", ... */
export function planeAxisNames(plane: SlicePlaneInfo | undefined, strings: Strings): { x: string; y: string } {
	const name = (k: 0 | 1): string => {
		const kind = plane?.kinds[k] ?? 'principal';
		if (kind === 'gradient') return strings.get('slice.gradientAxis');
		if (kind === 'coordinate') return strings.get('slice.coordinateAxis');
		const percent = plane ? formatNumber(plane.explained[k] * 100, 3) : '…';
		return strings.get('slice.pcAxis', { n: k + 1, percent });
	};
	return { x: name(0), y: name(1) };
}

/**
 * The box to fit: the projected path up to the current step and the next step when the plane is known; before it
 * is, a square about the current point as wide as the path is far from it (every projection lies inside).
 */
export function planeFitBox(store: TrajectoryStore, current: PointState, projector: SliceProjector | undefined): ViewRange {
	const stepLength = Math.hypot(...current.next.map((n, i) => n - current.x[i]!));
	if (projector) {
		const { xs, ys } = projector.series(store);
		const [na, nb] = projector.point(current.next);
		let box = { xMin: Math.min(0, na), xMax: Math.max(0, na), yMin: Math.min(0, nb), yMax: Math.max(0, nb) };
		for (let k = 0; k <= Math.min(current.step, store.count - 1); k++) {
			const a = xs.data[xs.offset + k * xs.stride]!;
			const b = ys.data[ys.offset + k * ys.stride]!;
			if (Number.isFinite(a) && Number.isFinite(b)) box = { xMin: Math.min(box.xMin, a), xMax: Math.max(box.xMax, a), yMin: Math.min(box.yMin, b), yMax: Math.max(box.yMax, b) };
		}
		return padSmall(box, stepLength);
	}
	let radius = stepLength;
	const d = store.dimension;
	for (let k = 0; k < store.count; k++) {
		const r = Math.hypot(...current.x.map((x, i) => store.points[k * d + i]! - x));
		if (Number.isFinite(r)) radius = Math.max(radius, r);
	}
	const half = radius > 0 ? radius : 1;
	return { xMin: -half, xMax: half, yMin: -half, yMax: half };
}

/** Widens each side of a box thinner than a fifth of the larger side (or of the step) about its middle. */
function padSmall(box: ViewRange, stepLength: number): ViewRange {
	const span = Math.max(box.xMax - box.xMin, box.yMax - box.yMin, stepLength, 1e-9);
	const widen = (lo: number, hi: number): [number, number] => (hi - lo >= span / 5 ? [lo, hi] : [(lo + hi) / 2 - span / 10, (lo + hi) / 2 + span / 10]);
	const [xMin, xMax] = widen(box.xMin, box.xMax);
	const [yMin, yMax] = widen(box.yMin, box.yMax);
	return { xMin, xMax, yMin, yMax };
}
