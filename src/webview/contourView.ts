/**
 * The 2-D view: a filled contour map of the loss over two parameters (both of a 2-parameter loss, or a slice
 * through the current point of an n-parameter one), the trajectory, the −∇L arrow and the next step. Wheel zooms
 * about the cursor, drag pans, a click restarts from the clicked point; each settled view asks the host for a new
 * grid (`landscapeRequests.ts`). Fit, zoom in and zoom out buttons make the same moves from the keyboard.
 */
import type { Landscape, SlicePlaneInfo, ViewRange } from '../shared/messages';
import { CanvasSurface } from './canvasSurface';
import { colorMapNamed } from './colorMaps';
import { drawColorBar } from './colorBar';
import { ContourLayer, type ContourTimings } from './contourLayer';
import { el, needsAxes, setAttr, setText } from './dom';
import { Throttle } from './frameScheduler';
import { LandscapeRequests } from './landscapeRequests';
import { blowUpStep, mapFitBox, mapLabel } from './mapFit';
import { attachMapGestures } from './mapInteraction';
import { BasinOverlay } from './basinOverlay';
import { BatchNoiseOverlay } from './batchNoiseOverlay';
import { drawContourRun } from './contourRunPainter';
import { drawAxes, drawPlotMessage } from './plotPainter';
import { formatNumber } from './formatNumber';
import { axesProjector, planeProjector, type SliceProjector } from './sliceProjector';
import { planeAxisNames, planeFitBox } from './principalSlice';
import { TrajectoryPainter } from './trajectoryPainter';
import type { ViewContext } from './viewContext';
import { axisMaps, fitRange, fromPixelX, fromPixelY, isUsableRange, panByPixels, resizeRange, toPixelX, toPixelY, zoomAbout, type PlotRect } from './viewTransform';


const margin = { left: 56, right: 70, top: 30, bottom: 40 };
/** Grid cells along the longer side of a requested grid. */
const gridCells = 140;

export class ContourView {
	readonly element: HTMLElement;
	private readonly surface: CanvasSurface;
	private readonly layer = new ContourLayer();
	private readonly requests: LandscapeRequests;
	private readonly trajectory = new TrajectoryPainter();
	private readonly legend = el('p', { className: 'plot-legend' });
	private readonly basins: BasinOverlay;
	/** Mini-batch noise arrows, for losses over data. */
	private readonly noise: BatchNoiseOverlay | undefined;
	private readonly labelThrottle = new Throttle(500);
	private readonly sliceThrottle = new Throttle(300);
	private range: ViewRange | undefined;
	private rect: PlotRect = { left: 0, top: 0, width: 1, height: 1 };
	private axesValue: [number, number] = [0, 1];
	/** Refit when the run leaves the view, until the user moves the view. */
	private follow = true;
	private sliceKey = '';
	/** Slicing along the path's principal directions (n-D): the plane of the newest grid, once one has come. */
	private principal = false;
	private plane: { info: SlicePlaneInfo; projector: SliceProjector } | undefined;
	lastTimings: ContourTimings | undefined;
	/** The loss's cost per evaluation when the host found it too slow to draw a map (the last answer said so). */
	private tooSlowMs: number | undefined;

	constructor(private readonly ctx: ViewContext, extraTools: readonly HTMLElement[] = []) {
		const s = ctx.strings();
		this.basins = new BasinOverlay(ctx, () => this.range);
		this.noise = (ctx.model.loss?.sampleCount ?? 0) > 1 ? new BatchNoiseOverlay(ctx) : undefined;
		const box = el('div', { className: 'plot-canvas' });
		const button = (text: string, title: string, action: () => void) => {
			const b = el('button', { className: 'secondary', text, attrs: { type: 'button', title } });
			b.addEventListener('click', action);
			return b;
		};
		const tools = el('div', { className: 'plot-tools' }, [
			...extraTools,
			...(ctx.model.dimension === 2 ? [this.basins.button] : []),
			...(this.noise ? [this.noise.button] : []),
			button(s.get('control.fit'), s.get('control.fit.title'), () => this.fit()),
			button('+', s.get('control.zoomIn'), () => this.zoomCentre(0.8)),
			button('−', s.get('control.zoomOut'), () => this.zoomCentre(1.25)),
		]);
		tools.querySelectorAll('button').forEach((b) => b.textContent!.length === 1 && b.setAttribute('aria-label', b.title));
		this.noise?.button.setAttribute(needsAxes, '');
		this.element = el('section', { className: 'plot', attrs: { 'aria-label': s.get('plot.hint') } }, [tools, box, this.legend, this.basins.legend, ...(this.noise ? [this.noise.legend] : []), el('p', { className: 'plot-hint', text: s.get('plot.hint') })]);
		this.surface = new CanvasSurface(box, () => this.resized());
		this.surface.canvas.classList.add('map');
		this.requests = new LandscapeRequests((body, onReply) => ctx.request(body, onReply), (landscape) => this.onLandscape(landscape));
		attachMapGestures(this.surface.canvas, {
			zoom: (px, py, factor) => this.zoomAt(px, py, factor),
			pan: (dx, dy) => this.moveTo(panByPixels(this.range!, this.rect, dx, dy), false),
			panEnd: () => this.requestGrid(),
			click: (px, py) => this.pick(px, py),
		});
	}

	get axes(): readonly [number, number] {
		return this.axesValue;
	}

	/** The grid on show (the surface view draws the same one). */
	get landscape(): Landscape | undefined {
		return this.layer.landscape;
	}

	/** A new snapshot: keep the view for the same loss, otherwise restore the persisted one or fit. */
	reset(sameLoss: boolean, axes: [number, number]): void {
		const axesChanged = axes[0] !== this.axesValue[0] || axes[1] !== this.axesValue[1];
		this.axesValue = axes;
		if (!sameLoss) this.plane = undefined;
		const saved = this.ctx.viewState().range;
		if (!sameLoss || axesChanged || !this.range) {
			this.range = !this.range && isUsableRange(saved) ? saved : undefined;
			this.follow = this.range === undefined;
			if (!this.range) this.fit(false);
		}
		this.requestGrid(true);
	}

	setAxes(axes: [number, number]): void {
		this.reset(false, axes);
	}

	/** Slices through the plane of the path's principal directions (true) or through two parameters. */
	setPrincipal(on: boolean): void {
		if (on === this.principal) return;
		this.principal = on;
		// Tools that work on two parameters leave the toolbar while the slice is a plane.
		this.element.querySelectorAll<HTMLElement>(`[${needsAxes}]`).forEach((tool) => (tool.hidden = on));
		this.plane = undefined;
		this.range = undefined;
		this.fit(false);
		this.requestGrid(true);
		this.ctx.requestDraw();
	}

	/** How points reach the map: the plane's projection, or the two parameters. */
	private get projector(): SliceProjector {
		return this.principal && this.plane ? this.plane.projector : axesProjector(this.axesValue);
	}

	/** Fits the view to the trajectory and the next step. */
	fit(save = true): void {
		const { store, current } = this.ctx.model;
		if (!store || !current || this.rect.width < 2) return;
		if (this.principal) {
			this.range = fitRange(planeFitBox(store, current, this.plane?.projector), this.rect, { pad: 0.1 });
			this.follow = true;
			if (save) this.afterMove(true);
			return;
		}
		const box = mapFitBox(this.ctx.model, this.axesValue);
		if (!box) return;
		// Never tighter than 2 units or the distance from the origin, so a fresh run shows its surroundings.
		const minSpan = Math.max(2, ...Object.values(box).map(Math.abs));
		this.range = fitRange(box, this.rect, { pad: 0.15, minSpan });
		this.follow = true;
		if (save) this.afterMove(true);
	}

	/** The host's answer to a grid request. */
	private onLandscape(landscape: Landscape): void {
		if (landscape.kind !== 'grid') return;
		if (this.principal !== (landscape.plane !== undefined)) return;
		if (!landscape.plane && (landscape.axes[0] !== this.axesValue[0] || landscape.axes[1] !== this.axesValue[1])) return;
		if (landscape.plane) {
			const first = !this.plane;
			this.plane = { info: landscape.plane, projector: planeProjector(landscape.plane) };
			// The first plane replaces a guess from distances alone: fit the projected path tightly.
			if (first && this.follow) {
				this.fit(false);
				this.requestGrid(true);
			}
		}
		this.tooSlowMs = landscape.tooSlow?.msPerEvaluation;
		if (this.tooSlowMs !== undefined) return this.ctx.requestDraw();
		this.lastTimings = this.layer.set(landscape, colorMapNamed(this.ctx.model.settings?.colorMap), this.pixelsPerUnit());
		this.ctx.requestDraw();
	}

	/** The optimizer or its settings changed: a basin map on show is out of date. */
	settingsChanged(): void {
		this.restyle();
		this.basins.viewChanged();
	}

	/** The view rectangle and the parameters on its axes. */
	currentView(): { range: ViewRange; axes: readonly [number, number] } | undefined {
		// A plane slice has no parameter axes to brute-force or export along.
		return this.range && !this.principal ? { range: this.range, axes: this.axesValue } : undefined;
	}

	/** New records or a new current point: follow the run, and for a slice, ask for the slice through it. */
	onUpdate(): void {
		const current = this.ctx.model.current;
		if (this.follow && current && this.range && !this.inView(current.x) && this.ctx.model.dimension > 0) this.fit(false);
		this.noise?.pointMoved();
		// A slice goes through the current point: when it moves, the slice changes.
		const key = current && this.ctx.model.dimension > 2 ? current.x.join(',') : '';
		if (key !== this.sliceKey) {
			this.sliceKey = key;
			this.sliceThrottle.run(() => this.requestGrid(true));
		}
	}

	/** Repaints the map with the current colour map (after a settings or theme change). */
	restyle(): void {
		this.layer.repaint(colorMapNamed(this.ctx.model.settings?.colorMap), this.pixelsPerUnit());
	}

	/** Draws the whole view (called at most once per frame). */
	dispose(): void {
		this.basins.dispose();
		this.surface.dispose();
	}

	draw(): void {
		const ctx = this.surface.begin();
		const theme = this.ctx.theme();
		const model = this.ctx.model;
		const range = this.range;
		if (!range || !model.store || !model.current || !model.loss) return;
		ctx.fillStyle = theme.background;
		ctx.fillRect(0, 0, this.surface.width, this.surface.height);
		const waiting = !this.layer.landscape || (this.principal && !this.plane) || this.tooSlowMs !== undefined;
		if (!waiting) {
			this.layer.draw(ctx, range, this.rect);
			this.basins.draw(ctx, range, this.rect);
			this.layer.drawLines(ctx, range, this.rect);
		} else this.drawWaiting(ctx);
		if (!this.principal || this.plane) drawContourRun(ctx, this.ctx, this.trajectory, this.projector, range, this.rect);
		const maps = axisMaps(range, this.rect);
		const [ax, ay] = this.axesValue;
		if (!this.principal) this.noise?.draw(ctx, model.current.x[ax]! * maps.sx + maps.ox, model.current.x[ay]! * maps.sy + maps.oy, this.axesValue, maps);
		const names = model.loss.params;
		const axisNames = this.principal ? planeAxisNames(this.plane?.info, this.ctx.strings()) : { x: names[ax]!, y: names[ay]! };
		drawAxes(ctx, this.rect, range, theme, axisNames, false);
		const levels = this.layer.levels;
		if (levels) drawColorBar(ctx, this.rect, levels.levels, (b) => this.layer.bandColor(b), theme);
		const s = this.ctx.strings();
		const leaves = blowUpStep(model.store);
		const note = leaves === undefined ? '' : ` · ${s.get('plot.pathLeaves', { step: leaves })}`;
		setText(this.legend, levels ? `${s.get(levels.scale === 'log' ? 'plot.legend.log' : 'plot.legend.linear')} (${levels.levels.length})${note}` : '');
		this.labelThrottle.run(() => this.updateLabel());
	}

	/** What the map says instead of contours: still computing, or the loss's cost when it is too slow to draw. */
	private drawWaiting(ctx: CanvasRenderingContext2D): void {
		const s = this.ctx.strings();
		const text = this.tooSlowMs === undefined ? s.get('plot.loading') : s.get('plot.tooSlow', { ms: formatNumber(this.tooSlowMs, 3) });
		drawPlotMessage(ctx, this.rect, this.ctx.theme(), text, this.tooSlowMs !== undefined);
	}

	private updateLabel(): void {
		const label = mapLabel(this.ctx.model, this.axesValue, this.principal, this.ctx.strings());
		if (label !== undefined) setAttr(this.surface.canvas, 'aria-label', label);
	}

	private resized(): void {
		const previous = this.rect;
		const w = this.surface.width;
		const h = this.surface.height;
		this.rect = { left: margin.left, top: margin.top, width: Math.max(10, w - margin.left - margin.right), height: Math.max(10, h - margin.top - margin.bottom) };
		if (this.range) {
			this.range = resizeRange(this.range, previous, this.rect);
			this.requestGrid();
		} else if (this.ctx.model.ready) {
			this.fit(false);
			this.requestGrid(true);
		}
		this.ctx.requestDraw();
	}

	private zoomAt(px: number, py: number, factor: number): void {
		if (!this.range) return;
		this.moveTo(zoomAbout(this.range, fromPixelX(this.range, this.rect, px), fromPixelY(this.range, this.rect, py), factor), true);
	}

	private zoomCentre(factor: number): void {
		this.zoomAt(this.rect.left + this.rect.width / 2, this.rect.top + this.rect.height / 2, factor);
	}

	private moveTo(range: ViewRange, requestGrid: boolean): void {
		if (!isUsableRange(range) || range.xMax - range.xMin < 1e-12 * Math.max(1, Math.abs(range.xMin))) return;
		this.range = range;
		this.follow = false;
		this.afterMove(requestGrid);
	}

	private afterMove(requestGrid: boolean): void {
		this.ctx.saveViewState({ range: this.range });
		if (requestGrid) this.requestGrid();
		this.ctx.requestDraw();
	}

	private pick(px: number, py: number): void {
		const current = this.ctx.model.current;
		const range = this.range;
		if (!current || !range || px < this.rect.left || py < this.rect.top || px > this.rect.left + this.rect.width || py > this.rect.top + this.rect.height) return;
		if (this.principal && !this.plane) return;
		const x = this.projector.unproject(fromPixelX(range, this.rect, px), fromPixelY(range, this.rect, py), current.x);
		this.ctx.post({ type: 'setStart', x });
	}

	private requestGrid(immediate = false): void {
		const r = this.range;
		if (!r || !this.ctx.model.ready) return;
		this.basins.viewChanged();
		// A margin around the view, so a small pan shows map, not background, while the new grid is computed.
		const padX = (r.xMax - r.xMin) * 0.1;
		const padY = (r.yMax - r.yMin) * 0.1;
		const aspect = (r.xMax - r.xMin) / this.rect.width / ((r.yMax - r.yMin) / this.rect.height);
		const wide = this.rect.width * aspect >= this.rect.height;
		const nx = wide ? gridCells : Math.max(40, Math.round((gridCells * this.rect.width) / this.rect.height));
		const ny = wide ? Math.max(40, Math.round((gridCells * this.rect.height) / this.rect.width)) : gridCells;
		const plane = this.principal ? { plane: { kind: 'pathPrincipal' as const } } : {};
		this.requests.request({ range: { xMin: r.xMin - padX, xMax: r.xMax + padX, yMin: r.yMin - padY, yMax: r.yMax + padY }, axes: this.axesValue, nx, ny, ...plane }, immediate);
	}

	private pixelsPerUnit(): { x: number; y: number } {
		const r = this.range;
		const ratio = this.surface.pixelRatio;
		if (!r) return { x: 1, y: 1 };
		return { x: (this.rect.width / (r.xMax - r.xMin)) * ratio, y: (this.rect.height / (r.yMax - r.yMin)) * ratio };
	}

	private inView(x: readonly number[]): boolean {
		const r = this.range!;
		if (this.principal && !this.plane) return true;
		const [a, b] = this.projector.point(x);
		const px = toPixelX(r, this.rect, a);
		const py = toPixelY(r, this.rect, b);
		return px >= this.rect.left && px <= this.rect.left + this.rect.width && py >= this.rect.top && py <= this.rect.top + this.rect.height;
	}

	/** Bench hook: recomputes and repaints the current grid, returning the time taken. */
	benchContour(): ContourTimings | undefined {
		const l = this.layer.landscape;
		return l ? this.layer.set(l, colorMapNamed(this.ctx.model.settings?.colorMap), this.pixelsPerUnit()) : undefined;
	}
}
