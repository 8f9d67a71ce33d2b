/**
 * What the contour map draws over the landscape: random restarts (if any), the racing runs in their colours, the
 * trajectory, and the markers of the current point (−∇L, the next step, the start), all projected onto the map
 * by a `SliceProjector` (two parameters, or the plane of the path's principal directions). Split from
 * `contourView.ts`, which owns the view and its interaction.
 */
import { drawBruteForceBest } from './bruteForceView';
import { downhillScale, drawMapMarkers, mapColors } from './mapMarkers';
import { drawPoint, halo } from './plotPainter';
import { drawProbes } from './probePainter';
import { drawRestarts } from './restartsPainter';
import type { RunState } from './runsModel';
import { axesProjector, type SliceProjector } from './sliceProjector';
import { TrajectoryPainter } from './trajectoryPainter';
import type { TrajectoryStore } from './trajectoryStore';
import type { ViewContext } from './viewContext';
import type { AxisMaps } from './decimate';
import { axisMaps, type PlotRect } from './viewTransform';
import type { ViewRange } from '../shared/messages';

/** Draws the runs and markers; `slice` is two parameter axes or a projector onto a plane. */
export function drawContourRun(ctx: CanvasRenderingContext2D, view: ViewContext, trajectory: TrajectoryPainter, slice: readonly [number, number] | SliceProjector, range: ViewRange, rect: PlotRect): void {
	const model = view.model;
	const store = model.store!;
	const current = model.current!;
	const projector = 'point' in slice ? slice : axesProjector(slice);
	const maps = axisMaps(range, rect);
	const at = (x: ArrayLike<number>, offset = 0): [number, number] => {
		const [a, b] = projector.point(x, offset);
		return [a * maps.sx + maps.ox, b * maps.sy + maps.oy];
	};
	const s = view.strings();
	ctx.save();
	ctx.beginPath();
	ctx.rect(rect.left, rect.top, rect.width, rect.height);
	ctx.clip();
	if (model.restarts) drawRestarts(ctx, model.restarts, (x) => at(x), rect, view.theme(), { line: 'rgba(255, 255, 255, 0.85)' }, s);
	for (const run of model.runs.visible) drawRacingRun(ctx, run, projector, maps, rect, at);
	const brute = model.bruteForce;
	if (brute && !('point' in slice) && brute.axes[0] === slice[0] && brute.axes[1] === slice[1]) {
		const [bx, by] = at(brute.best);
		drawBruteForceBest(ctx, bx, by, s.get('brute.best'), view.theme());
	}
	const { xs, ys, version } = projector.series(store);
	const indices = trajectory.select(xs, ys, store.count, version, maps, Math.max(rect.width, rect.height));
	trajectory.draw(ctx, xs, ys, indices, maps, current.step, { line: mapColors.trajectory, halo: halo.dark, width: 1.5, dotRadius: 2 });
	if (current.probes && current.step > 0 && current.step < store.count) {
		drawProbes(ctx, current.probes, store.dimension, at(store.points, (current.step - 1) * store.dimension), at);
	}
	const [x, y] = at(current.x);
	const [nextX, nextY] = at(current.next);
	const [startX, startY] = at(store.points, 0);
	const [gx, gy] = projector.direction(current.gradient);
	drawMapMarkers(ctx, rect, {
		x, y, nextX, nextY, startX, startY,
		downhillX: -gx * maps.sx,
		downhillY: -gy * maps.sy,
		downhillScale: downhillScale(current.gradientNorm, Math.max(store.largestGradientNorm(), current.gradientNorm)),
		labels: { downhill: s.get('plot.downhill'), next: s.get('plot.next') },
	}, view.theme());
	ctx.restore();
}

/** One racing run (compare optimizers): its path in its colour and a dot where it is. */
function drawRacingRun(ctx: CanvasRenderingContext2D, run: RunState, projector: SliceProjector, maps: AxisMaps, rect: PlotRect, at: (x: ArrayLike<number>, offset?: number) => [number, number]): void {
	const r = run.store;
	if (r.count === 0) return;
	const { xs, ys, version } = projector.series(r);
	const painter = runPainter(r);
	const last = r.count - 1;
	painter.draw(ctx, xs, ys, painter.select(xs, ys, r.count, version, maps, Math.max(rect.width, rect.height)), maps, last, { line: run.color, halo: halo.dark, width: 1.5, dotRadius: 2 });
	const [lx, ly] = at(r.points, last * r.dimension);
	drawPoint(ctx, lx, ly, 5, run.color, halo.dark);
}

const painters = new WeakMap<TrajectoryStore, TrajectoryPainter>();

/** One painter per run's store (a painter caches its decimated selection). */
export function runPainter(store: TrajectoryStore): TrajectoryPainter {
	let painter = painters.get(store);
	if (!painter) painters.set(store, (painter = new TrajectoryPainter()));
	return painter;
}
