/**
 * What the contour map draws over the landscape: random restarts (if any), the racing runs in their colours, the
 * trajectory, and the markers of the current point (−∇L, the next step, the start), all projected through the map's
 * two axes. Split from `contourView.ts`, which owns the view and its interaction.
 */
import { drawBruteForceBest } from './bruteForceView';
import { downhillScale, drawMapMarkers, mapColors } from './mapMarkers';
import { drawPoint, halo } from './plotPainter';
import { drawRestarts } from './restartsPainter';
import { TrajectoryPainter } from './trajectoryPainter';
import type { TrajectoryStore } from './trajectoryStore';
import type { ViewContext } from './viewContext';
import { axisMaps, type PlotRect } from './viewTransform';
import type { ViewRange } from '../protocol/messages';

export function drawContourRun(ctx: CanvasRenderingContext2D, view: ViewContext, trajectory: TrajectoryPainter, axes: readonly [number, number], range: ViewRange, rect: PlotRect): void {
	const model = view.model;
	const store = model.store!;
	const current = model.current!;
	const [ax, ay] = axes;
	const maps = axisMaps(range, rect);
	const px = (v: number) => v * maps.sx + maps.ox;
	const py = (v: number) => v * maps.sy + maps.oy;
	const s = view.strings();
	ctx.save();
	ctx.beginPath();
	ctx.rect(rect.left, rect.top, rect.width, rect.height);
	ctx.clip();
	if (model.restarts) drawRestarts(ctx, model.restarts, (x) => [px(x[ax]!), py(x[ay]!)], rect, view.theme(), { line: 'rgba(255, 255, 255, 0.85)' }, s);
	for (const run of model.runs.visible) {
		const r = run.store;
		if (r.count === 0) continue;
		const rx = { data: r.points, offset: ax, stride: r.dimension };
		const ry = { data: r.points, offset: ay, stride: r.dimension };
		const painter = runPainter(r);
		const last = r.count - 1;
		painter.draw(ctx, rx, ry, painter.select(rx, ry, r.count, r.version, maps, Math.max(rect.width, rect.height)), maps, last, { line: run.color, halo: halo.dark, width: 1.5, dotRadius: 2 });
		drawPoint(ctx, px(r.coordinate(last, ax)), py(r.coordinate(last, ay)), 5, run.color, halo.dark);
	}
	const brute = model.bruteForce;
	if (brute && brute.axes[0] === ax && brute.axes[1] === ay) drawBruteForceBest(ctx, px(brute.best[ax]!), py(brute.best[ay]!), s.get('brute.best'), view.theme());
	const xs = { data: store.points, offset: ax, stride: store.dimension };
	const ys = { data: store.points, offset: ay, stride: store.dimension };
	const indices = trajectory.select(xs, ys, store.count, store.version, maps, Math.max(rect.width, rect.height));
	trajectory.draw(ctx, xs, ys, indices, maps, current.step, { line: mapColors.trajectory, halo: halo.dark, width: 1.5, dotRadius: 2 });
	drawMapMarkers(ctx, rect, {
		x: px(current.x[ax]!),
		y: py(current.x[ay]!),
		nextX: px(current.next[ax]!),
		nextY: py(current.next[ay]!),
		startX: px(store.coordinate(0, ax)),
		startY: py(store.coordinate(0, ay)),
		downhillX: -current.gradient[ax]! * maps.sx,
		downhillY: -current.gradient[ay]! * maps.sy,
		downhillScale: downhillScale(current.gradientNorm, Math.max(store.largestGradientNorm(), current.gradientNorm)),
		labels: { downhill: s.get('plot.downhill'), next: s.get('plot.next') },
	}, view.theme());
	ctx.restore();
}

const painters = new WeakMap<TrajectoryStore, TrajectoryPainter>();

/** One painter per run's store (a painter caches its decimated selection). */
export function runPainter(store: TrajectoryStore): TrajectoryPainter {
	let painter = painters.get(store);
	if (!painter) painters.set(store, (painter = new TrajectoryPainter()));
	return painter;
}
