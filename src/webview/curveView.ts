/**
 * The 1-D view: the loss curve over the one parameter (sampled by the host for the visible range), the trajectory
 * points on it, the current point with its tangent (slope = the gradient), and the next step as a ghost point with
 * an arrow, drawn before it is taken. Wheel zooms x about the cursor, drag pans, a click restarts from that x; the
 * y range follows the curve in view.
 */
import type { Landscape, ViewRange } from '../shared/messages';
import { CanvasSurface } from './canvasSurface';
import { el, setAttr } from './dom';
import { formatNumber } from './formatNumber';
import { Throttle } from './frameScheduler';
import { LandscapeRequests } from './landscapeRequests';
import { attachMapGestures } from './mapInteraction';
import { clampLabel, clampPixel, drawArrow, drawAxes, drawLabel, drawPlotMessage, drawPoint, fontOf, line } from './plotPainter';
import { drawBruteForceBest } from './bruteForceView';
import { blowUpLoss } from './mapFit';
import { runPainter } from './contourRunPainter';
import { drawRestarts, restartsBounds } from './restartsPainter';
import { TrajectoryPainter } from './trajectoryPainter';
import type { ViewContext } from './viewContext';
import { axisMaps, fitRange, fromPixelX, isUsableRange, panByPixels, resizeRange, toPixelX, toPixelY, zoomAbout, type PlotRect } from './viewTransform';

const margin = { left: 60, right: 20, top: 30, bottom: 40 };

export class CurveView {
	readonly element: HTMLElement;
	private readonly surface: CanvasSurface;
	private readonly requests: LandscapeRequests;
	private readonly trajectory = new TrajectoryPainter();
	private readonly labelThrottle = new Throttle(500);
	private curve: Landscape | undefined;
	private range: ViewRange | undefined;
	private rect: PlotRect = { left: 0, top: 0, width: 1, height: 1 };

	constructor(private readonly ctx: ViewContext, extraTools: readonly HTMLElement[] = []) {
		const s = ctx.strings();
		const box = el('div', { className: 'plot-canvas' });
		const fit = el('button', { className: 'secondary', text: s.get('control.fit'), attrs: { type: 'button', title: s.get('control.fit.title') } });
		fit.addEventListener('click', () => this.fit(true));
		this.element = el('section', { className: 'plot', attrs: { 'aria-label': s.get('plot.hint') } }, [
			el('div', { className: 'plot-tools' }, [...extraTools, fit]),
			box,
			el('p', { className: 'plot-hint', text: s.get('plot.hint') }),
		]);
		this.surface = new CanvasSurface(box, () => this.resized());
		this.surface.canvas.classList.add('map');
		this.requests = new LandscapeRequests((body, onReply) => ctx.request(body, onReply), (landscape) => this.onLandscape(landscape));
		attachMapGestures(this.surface.canvas, {
			zoom: (px, _py, factor) => this.range && this.moveTo(zoomAbout(this.range, fromPixelX(this.range, this.rect, px), 0, factor, false)),
			pan: (dx) => this.range && this.moveTo(panByPixels(this.range, this.rect, dx, 0), false),
			panEnd: () => this.requestCurve(),
			click: (px) => this.range && px >= this.rect.left && this.ctx.post({ type: 'setStart', x: [fromPixelX(this.range, this.rect, px)] }),
		});
	}

	reset(sameLoss: boolean): void {
		const saved = this.ctx.viewState().range;
		if (!sameLoss || !this.range) {
			this.range = !this.range && isUsableRange(saved) ? saved : undefined;
			if (!this.range) this.fit(false);
		}
		this.requestCurve(true);
	}

	/** Fits x to the trajectory and the next step. */
	fit(save: boolean): void {
		const m = this.ctx.model;
		if (!m.store || !m.current || this.rect.width < 2) return;
		const limit = blowUpLoss(m.store);
		const b = m.store.bounds(0, 0, limit);
		let [lo, hi] = b ? [b.xMin, b.xMax] : [m.current.next[0]!, m.current.next[0]!];
		if (m.current.loss <= limit) [lo, hi] = [Math.min(lo, m.current.next[0]!), Math.max(hi, m.current.next[0]!)];
		if (m.restarts) {
			const r = restartsBounds(m.restarts, 0, -1);
			[lo, hi] = [Math.min(lo, r.xMin), Math.max(hi, r.xMax)];
		}
		const minSpan = Math.max(2, Math.abs(lo), Math.abs(hi));
		const fitted = fitRange({ xMin: lo, xMax: hi, yMin: 0, yMax: 1 }, this.rect, { pad: 0.5, minSpan, equalAspect: false });
		this.range = { ...fitted, yMin: 0, yMax: 1 };
		if (save) this.moveTo(this.range);
	}

	/** The x range shown (one axis). */
	currentView(): { range: ViewRange; axes: readonly [number, number] } | undefined {
		return this.range ? { range: this.range, axes: [0, -1] } : undefined;
	}

	private onLandscape(landscape: Landscape): void {
		if (landscape.kind !== 'curve') return;
		this.curve = landscape;
		this.ctx.requestDraw();
	}

	onUpdate(): void {
		const c = this.ctx.model.current;
		const r = this.range;
		if (c && r && (c.x[0]! < r.xMin || c.x[0]! > r.xMax)) this.fit(true);
	}

	dispose(): void {
		this.surface.dispose();
	}

	draw(): void {
		const ctx = this.surface.begin();
		const theme = this.ctx.theme();
		const m = this.ctx.model;
		if (!this.range || !m.current || !m.store || !m.loss) return;
		const range = { ...this.range, ...this.yRange() };
		ctx.fillStyle = theme.background;
		ctx.fillRect(0, 0, this.surface.width, this.surface.height);
		drawAxes(ctx, this.rect, range, theme, { x: m.loss.params[0]!, y: m.loss.name }, true);
		ctx.save();
		ctx.beginPath();
		ctx.rect(this.rect.left, this.rect.top, this.rect.width, this.rect.height);
		ctx.clip();
		this.drawCurve(ctx, range, theme.blue);
		const slow = this.curve?.tooSlow;
		if (slow) drawPlotMessage(ctx, this.rect, theme, this.ctx.strings().get('plot.tooSlow', { ms: formatNumber(slow.msPerEvaluation, 3) }), true);
		const maps = axisMaps(range, this.rect);
		const xs = { data: m.store.points, offset: 0, stride: 1 };
		const ys = { data: m.store.losses, offset: 0, stride: 1 };
		const indices = this.trajectory.select(xs, ys, m.store.count, m.store.version, maps, this.rect.width);
		this.trajectory.draw(ctx, xs, ys, indices, maps, m.current.step, { line: theme.orange, halo: theme.background, width: 1, dotRadius: 3 });
		for (const run of m.runs.visible) {
			const r = run.store;
			if (r.count === 0) continue;
			const [rx, ry] = [{ data: r.points, offset: 0, stride: 1 }, { data: r.losses, offset: 0, stride: 1 }];
			const painter = runPainter(r);
			painter.draw(ctx, rx, ry, painter.select(rx, ry, r.count, r.version, maps, this.rect.width), maps, r.count - 1, { line: run.color, halo: theme.background, width: 1.5, dotRadius: 3 });
			const k = r.count - 1;
			drawPoint(ctx, r.points[k]! * maps.sx + maps.ox, clampPixel(r.losses[k]! * maps.sy + maps.oy), 5, run.color, theme.foreground);
		}
		const brute = m.bruteForce;
		if (brute) drawBruteForceBest(ctx, toPixelX(range, this.rect, brute.best[0]!), clampPixel(toPixelY(range, this.rect, brute.bestLoss)), this.ctx.strings().get('brute.best'), theme);
		const restarts = m.restarts;
		if (restarts) drawRestarts(ctx, restarts, (x, loss) => this.project(range, x[0]!, loss), this.rect, theme, { line: theme.foreground }, this.ctx.strings());
		this.drawStep(ctx, range);
		ctx.restore();
		this.labelThrottle.run(() => this.updateLabel());
	}

	private drawCurve(ctx: CanvasRenderingContext2D, range: ViewRange, color: string): void {
		const c = this.curve;
		if (!c) return;
		ctx.beginPath();
		let pen = false;
		for (let i = 0; i < c.nx; i++) {
			const v = c.values[i]!;
			if (!Number.isFinite(v)) {
				pen = false;
				continue;
			}
			const px = toPixelX(range, this.rect, c.range.xMin + (i * (c.range.xMax - c.range.xMin)) / (c.nx - 1));
			const py = clampPixel(toPixelY(range, this.rect, v));
			if (pen) ctx.lineTo(px, py);
			else ctx.moveTo(px, py);
			pen = true;
		}
		ctx.strokeStyle = color;
		ctx.lineWidth = 2;
		ctx.stroke();
	}

	/** A point on the curve (at `loss`, or where the sampled curve is at `x`) in pixels. */
	private project(range: ViewRange, x: number, loss?: number): [number, number] | undefined {
		const y = loss ?? this.curveAt(x);
		return y === undefined || !Number.isFinite(y) ? undefined : [toPixelX(range, this.rect, x), clampPixel(toPixelY(range, this.rect, y))];
	}

	/** Tangent at the current point, and the ghost of the next point with an arrow to it. */
	private drawStep(ctx: CanvasRenderingContext2D, range: ViewRange): void {
		const theme = this.ctx.theme();
		const c = this.ctx.model.current!;
		const s = this.ctx.strings();
		const [x0, y0, slope] = [c.x[0]!, c.loss, c.gradient[0]!];
		const px = toPixelX(range, this.rect, x0);
		const py = toPixelY(range, this.rect, y0);
		const half = (range.xMax - range.xMin) * 0.18;
		ctx.strokeStyle = theme.purple;
		ctx.lineWidth = 1.5;
		line(ctx, toPixelX(range, this.rect, x0 - half), clampPixel(toPixelY(range, this.rect, y0 - slope * half)), toPixelX(range, this.rect, x0 + half), clampPixel(toPixelY(range, this.rect, y0 + slope * half)));
		const font = fontOf(theme, 1, 'bold');
		const tx = toPixelX(range, this.rect, x0 + half);
		drawLabel(ctx, s.get('plot.tangent'), ...clampLabel(this.rect, tx + 4, clampPixel(toPixelY(range, this.rect, y0 + slope * half)), 60), theme.purple, theme.background, font);
		const nx = c.next[0]!;
		const ny = this.curveAt(nx) ?? y0;
		const gx = toPixelX(range, this.rect, nx);
		const gy = clampPixel(toPixelY(range, this.rect, ny));
		drawArrow(ctx, px, py, gx, gy, { color: theme.green, dashed: true, width: 1.5, head: 9, halo: theme.background });
		drawPoint(ctx, gx, gy, 5, undefined, theme.green, true);
		if (Math.hypot(gx - px, gy - py) > 12) drawLabel(ctx, s.get('plot.next'), ...clampLabel(this.rect, gx + 8, gy - 12, 70), theme.green, theme.background, font);
		drawPoint(ctx, px, py, 6, theme.foreground, theme.background);
	}

	/** The host's curve, interpolated linearly at x (undefined outside it). */
	private curveAt(x: number): number | undefined {
		const c = this.curve;
		if (!c || !(x >= c.range.xMin && x <= c.range.xMax)) return undefined;
		const t = ((x - c.range.xMin) / (c.range.xMax - c.range.xMin)) * (c.nx - 1);
		const i = Math.min(c.nx - 2, Math.floor(t));
		const v = c.values[i]! + (c.values[i + 1]! - c.values[i]!) * (t - i);
		return Number.isFinite(v) ? v : undefined;
	}

	/** The y range: the curve in view and the current point, padded. */
	private yRange(): { yMin: number; yMax: number } {
		const c = this.curve;
		const r = this.range!;
		const current = this.ctx.model.current!;
		let lo = Number.isFinite(current.loss) ? current.loss : 0;
		let hi = lo;
		if (c) {
			for (let i = 0; i < c.nx; i++) {
				const x = c.range.xMin + (i * (c.range.xMax - c.range.xMin)) / (c.nx - 1);
				const v = c.values[i]!;
				if (x >= r.xMin && x <= r.xMax && Number.isFinite(v)) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
			}
		}
		const pad = Math.max((hi - lo) * 0.08, 1e-9, Math.abs(hi) * 1e-9);
		return { yMin: lo - pad, yMax: hi + pad };
	}

	private updateLabel(): void {
		const m = this.ctx.model;
		const c = m.current;
		if (!c || !this.range || !m.loss) return;
		const f = formatNumber;
		setAttr(this.surface.canvas, 'aria-label', this.ctx.strings().get('plot.curve.label', {
			param: m.loss.params[0]!, xMin: f(this.range.xMin), xMax: f(this.range.xMax), x: f(c.x[0]!), loss: f(c.loss), slope: f(c.gradient[0]!), next: f(c.next[0]!),
		}));
	}

	private resized(): void {
		const previous = this.rect;
		this.rect = { left: margin.left, top: margin.top, width: Math.max(10, this.surface.width - margin.left - margin.right), height: Math.max(10, this.surface.height - margin.top - margin.bottom) };
		if (this.range) this.range = { ...resizeRange(this.range, previous, this.rect), yMin: 0, yMax: 1 };
		else if (this.ctx.model.ready) this.fit(false);
		this.requestCurve(!this.curve);
		this.ctx.requestDraw();
	}

	private moveTo(range: ViewRange, requestCurve = true): void {
		if (!isUsableRange(range)) return;
		this.range = range;
		this.ctx.saveViewState({ range });
		if (requestCurve) this.requestCurve();
		this.ctx.requestDraw();
	}

	private requestCurve(immediate = false): void {
		const r = this.range;
		if (!r || !this.ctx.model.ready) return;
		const pad = (r.xMax - r.xMin) * 0.1;
		const nx = Math.min(1000, Math.max(2, Math.round(this.rect.width * 1.2)));
		this.requests.request({ range: { xMin: r.xMin - pad, xMax: r.xMax + pad, yMin: 0, yMax: 1 }, axes: [0, -1], nx, ny: 1 }, immediate);
	}
}
