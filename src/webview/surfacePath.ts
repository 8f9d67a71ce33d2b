/**
 * The trajectory on the 3-D surface: each record at its two parameters and its recorded loss (the height the host
 * sent, through the surface's height scale, never recomputed here), lifted a hair above the surface so it is not
 * buried in it. The path is cut into pieces about one mesh cell long and each piece is painted between the quads
 * (`drawMesh`'s `before` hook) at its place in the painter's order, so a ridge in front hides it; a faint dashed copy
 * on top keeps the hidden parts traceable. The start (a square) and the current point (a dot with a dashed drop line
 * to the floor) are always on top. The line breaks where the run leaves the surface's region.
 */
import { mapColors } from './mapMarkers';
import { drawArrow, drawLabel, drawPoint, halo } from './plotPainter';
import { inRange, type SurfaceScene } from './surfacePainter';
import type { TrajectoryStore } from './trajectoryStore';

/** Records drawn at most (evenly strided beyond that). */
const maxPoints = 2000;
/** Pieces at most, whatever the steps' lengths (a diverging run jumps across many cells per step). */
const maxPieces = 8000;
/** Height added to every point of the path, as a fraction of the box height. */
const lift = 0.012;

export interface PathInput {
	readonly store: TrajectoryStore;
	/** Record `k` on the map's two axes (two of its parameters, or its projection on a slice plane). */
	place(k: number): readonly [number, number];
	/** The record shown as the current point (after a step back, later records are the future and are not drawn). */
	readonly step: number;
	/** Where the next update goes on the map's axes and the loss there, drawn as a ghost before it is taken. */
	readonly next?: { readonly place: readonly [number, number]; readonly loss: number; readonly label: string; readonly font: string };
}

type World = readonly [number, number, number];

/** A piece of the path in canvas pixels with its painter's key; `dot` marks a recorded point at its start. */
interface Piece {
	readonly x0: number;
	readonly y0: number;
	readonly x1: number;
	readonly y1: number;
	readonly key: number;
	readonly dot: boolean;
}

/** The path cut into pieces, sorted for the painter (largest key first), with a cursor for `drawUntil`. */
export class SurfacePath {
	private readonly pieces: Piece[] = [];
	private readonly points: (World | undefined)[] = [];
	private next = 0;

	constructor(private readonly scene: SurfaceScene, private readonly input: PathInput) {
		const { store } = input;
		const last = Math.min(store.count - 1, Math.max(0, input.step));
		const stride = Math.max(1, Math.ceil((last + 1) / maxPoints));
		for (let k = 0; k <= last; k = k === last ? last + 1 : Math.min(last, k + stride)) this.points.push(this.world(k));
		const m = scene.mesh;
		const cell = Math.hypot(scene.wx(m.xs[1]!) - scene.wx(m.xs[0]!), scene.wy(m.ys[1]!) - scene.wy(m.ys[0]!));
		const few = this.points.length <= 80;
		const perStep = Math.max(1, Math.min(64, Math.floor(maxPieces / Math.max(1, this.points.length - 1))));
		for (let i = 0; i + 1 < this.points.length; i++) this.cut(this.points[i], this.points[i + 1], cell, { dots: few, most: perStep });
		this.pieces.sort((a, b) => b.key - a.key);
	}

	/** Paints the pieces whose key is at least `key` (all that are left when `key` is −∞). */
	drawUntil(ctx: CanvasRenderingContext2D, key: number): void {
		const start = this.next;
		while (this.next < this.pieces.length && this.pieces[this.next]!.key >= key) this.next++;
		if (this.next === start) return;
		ctx.save();
		for (let i = start; i < this.next; i++) {
			const p = this.pieces[i]!;
			// Butt-ended halos, so the halo of one piece does not cut into the line of the piece before it.
			ctx.lineCap = 'butt';
			stroke(ctx, [[p.x0, p.y0], [p.x1, p.y1]], halo.dark, 4);
			ctx.lineCap = 'round';
			stroke(ctx, [[p.x0, p.y0], [p.x1, p.y1]], mapColors.trajectory, 1.8);
			if (p.dot) dot(ctx, p.x0, p.y0, 2.4);
		}
		ctx.restore();
	}

	/** The dashed copy of the whole path, the start and the current point, over everything. */
	drawOnTop(ctx: CanvasRenderingContext2D): void {
		const screen = this.points.map((w) => (w ? this.screen(w) : undefined));
		ctx.save();
		ctx.setLineDash([4, 4]);
		stroke(ctx, screen, 'rgba(0, 0, 0, 0.35)', 3);
		stroke(ctx, screen, 'rgba(255, 255, 255, 0.85)', 1.2);
		ctx.setLineDash([]);
		const start = screen[0];
		if (start) {
			ctx.fillStyle = mapColors.current;
			ctx.strokeStyle = halo.dark;
			ctx.lineWidth = 2;
			ctx.strokeRect(start[0] - 4, start[1] - 4, 8, 8);
			ctx.fillRect(start[0] - 3, start[1] - 3, 6, 6);
		}
		const current = this.points[this.points.length - 1];
		if (current) this.drawNext(ctx, current);
		if (current) this.drawCurrent(ctx, current);
		ctx.restore();
	}

	/** The next step: a dashed arrow from the current point to a hollow ghost at the next point's loss, as on the map. */
	private drawNext(ctx: CanvasRenderingContext2D, from: World): void {
		const next = this.input.next;
		if (!next) return;
		const to = this.placeWorld(next.place, next.loss);
		if (!to) return;
		const [x0, y0] = this.screen(from);
		const [x1, y1] = this.screen(to);
		if (Math.hypot(x1 - x0, y1 - y0) <= 3) return;
		drawArrow(ctx, x0, y0, x1, y1, { color: mapColors.next, dashed: true, width: 1.5, head: 8, halo: halo.dark });
		drawPoint(ctx, x1, y1, 5, undefined, mapColors.next, true);
		if (Math.hypot(x1 - x0, y1 - y0) > 12) drawLabel(ctx, next.label, x1 + 8, y1 + 12, mapColors.next, halo.dark, next.font);
	}

	/** The current point with a dashed line down to the floor, so its place on the floor grid can be read. */
	private drawCurrent(ctx: CanvasRenderingContext2D, w: World): void {
		const top = this.screen(w);
		const floor = this.screen([w[0], w[1], this.scene.wz(0)]);
		ctx.setLineDash([4, 3]);
		stroke(ctx, [top, floor], halo.dark, 3);
		stroke(ctx, [top, floor], mapColors.current, 1.2);
		ctx.setLineDash([]);
		ctx.beginPath();
		ctx.arc(top[0], top[1], 5.5, 0, 2 * Math.PI);
		ctx.fillStyle = mapColors.current;
		ctx.fill();
		ctx.strokeStyle = halo.dark;
		ctx.lineWidth = 2;
		ctx.stroke();
	}

	/** Pieces of the chord from `a` to `b`, each about one cell long (at most `most` of them). */
	private cut(a: World | undefined, b: World | undefined, cell: number, options: { dots: boolean; most: number }): void {
		if (!a || !b) return;
		const n = Math.max(1, Math.min(options.most, Math.ceil(Math.hypot(b[0] - a[0], b[1] - a[1]) / cell)));
		const at = (t: number): World => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
		// Half a cell towards the viewer: a piece is painted after the quad it lies on, before the quads in front.
		const bias = cell / 2;
		for (let i = 0; i < n; i++) {
			const [p, q] = [at(i / n), at((i + 1) / n)];
			const [x0, y0] = this.screen(p);
			const [x1, y1] = this.screen(q);
			const key = this.scene.projector.away((p[0] + q[0]) / 2, (p[1] + q[1]) / 2) - bias;
			this.pieces.push({ x0, y0, x1, y1, key, dot: options.dots && i === 0 });
		}
	}

	/** Record `k` in world coordinates, or undefined outside the surface's region or without a loss. */
	private world(k: number): World | undefined {
		return this.placeWorld(this.input.place(k), this.input.store.losses[k]!);
	}

	/** A point of the map's axes at height `loss`, or undefined outside the surface's region or without a loss. */
	private placeWorld([px, py]: readonly [number, number], loss: number): World | undefined {
		if (!inRange(this.scene.mesh.range, px, py) || Number.isNaN(loss)) return undefined;
		return [this.scene.wx(px), this.scene.wy(py), this.scene.wz(this.scene.mesh.scale.height(loss) + lift)];
	}

	private screen(w: World): [number, number] {
		const p = this.scene.projector;
		return [p.screenX(w[0], w[1]), p.screenY(w[0], w[1], w[2])];
	}
}

/** A polyline through the defined points, broken at undefined ones. */
function stroke(ctx: CanvasRenderingContext2D, points: readonly (readonly [number, number] | undefined)[], color: string, width: number): void {
	ctx.strokeStyle = color;
	ctx.lineWidth = width;
	ctx.beginPath();
	let pen = false;
	for (const p of points) {
		if (p && pen) ctx.lineTo(p[0], p[1]);
		else if (p) ctx.moveTo(p[0], p[1]);
		pen = p !== undefined;
	}
	ctx.stroke();
}

function dot(ctx: CanvasRenderingContext2D, x: number, y: number, radius: number): void {
	ctx.beginPath();
	ctx.arc(x, y, radius, 0, 2 * Math.PI);
	ctx.fillStyle = mapColors.trajectory;
	ctx.fill();
}
