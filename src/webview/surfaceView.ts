/**
 * The 3-D surface view (issue #7): the loss over the contour map's two axes as a mountain, with the path on it, for
 * a 2-parameter loss or the slice an n-parameter loss shows (through two parameters or the plane of the path's
 * principal directions, whose projection of the path `sliceProjector.ts` gives). It has no data of its own: it draws the map's
 * current grid (`ContourView.landscape`) cropped to the map's view, and the recorded trajectory; the webview never
 * computes the loss. Drag turns it (azimuth and elevation, elevation clamped), the arrow keys turn it while it has
 * focus, and the angles are kept in the webview state.
 *
 * Drawn on a 2-D canvas with the painter's algorithm (`surfaceProjection.ts`), not with a 3-D library: three.js would
 * add about 600 KB to a bundle that is a tenth of that, needs WebGL (absent in some remote and software-rendered
 * setups) and would not share the canvas code that themes, exports and tests the rest of the panel. A height field
 * of a few thousand quads is well within what a 2-D canvas fills per frame.
 */
import type { Landscape, SlicePlaneInfo, ViewRange } from '../shared/messages';
import { CanvasSurface } from './canvasSurface';
import { colorMapNamed } from './colorMaps';
import { el, setAttr, setText } from './dom';
import { formatNumber } from './formatNumber';
import { Throttle } from './frameScheduler';
import { fontOf } from './plotPainter';
import { planeAxisNames } from './principalSlice';
import { axesProjector, planeProjector, type SliceProjector } from './sliceProjector';
import { buildMesh, quadBands, type SurfaceMesh } from './surfaceMesh';
import { bandStyles, drawFloor, drawMesh, drawSurfaceAxes, surfaceScene } from './surfacePainter';
import { SurfacePath } from './surfacePath';
import { clampCamera, defaultCamera, type SurfaceCamera } from './surfaceProjection';
import type { ViewContext } from './viewContext';

/** What the surface shows: the map's grid and the part of it the map's view covers. */
export interface SurfaceSource {
	readonly landscape: Landscape | undefined;
	readonly range: ViewRange | undefined;
	readonly axes: readonly [number, number];
}

const margin = { left: 64, right: 40, top: 30, bottom: 30 };
/** Degrees per pixel of drag, and per arrow key press (three times that with Shift). */
const dragDegrees = 0.45;
const keyDegrees = 5;

export class SurfaceView {
	readonly canvas: HTMLCanvasElement;
	/** What the height and colour mean, shown under the plot while the surface is. */
	readonly legend = el('p', { className: 'plot-legend surface-only' });
	private readonly surface: CanvasSurface;
	private readonly labelThrottle = new Throttle(500);
	private camera: SurfaceCamera;
	private cached: { landscape: Landscape; key: string; mesh: SurfaceMesh; bands: Uint16Array } | undefined;
	private plane: { info: SlicePlaneInfo; projector: SliceProjector } | undefined;
	/** The axis names last drawn, for the label. */
	private names = { x: '', y: '' };

	constructor(private readonly ctx: ViewContext, box: HTMLElement, private readonly source: () => SurfaceSource) {
		this.camera = clampCamera(ctx.viewState().surfaceCamera ?? defaultCamera);
		this.surface = new CanvasSurface(box, () => ctx.requestDraw());
		this.canvas = this.surface.canvas;
		this.canvas.classList.add('surface');
		setAttr(this.canvas, 'tabindex', '0');
		setAttr(this.canvas, 'aria-keyshortcuts', 'ArrowLeft ArrowRight ArrowUp ArrowDown Home');
		this.attachInput();
	}

	/** The camera angles now (for tests and the state). */
	get angles(): SurfaceCamera {
		return this.camera;
	}

	/** Back to the default angles. */
	resetCamera(): void {
		this.turnTo(defaultCamera);
	}

	dispose(): void {
		this.surface.dispose();
	}

	/** Draws the surface (called at most once per frame while it is shown). */
	draw(): void {
		const ctx = this.surface.begin();
		const theme = this.ctx.theme();
		ctx.fillStyle = theme.background;
		ctx.fillRect(0, 0, this.surface.width, this.surface.height);
		const model = this.ctx.model;
		const found = this.meshFor(this.source());
		if (!found || !model.loss || !model.store || !model.current) return this.drawWaiting(ctx);
		const area = { left: margin.left, top: margin.top, width: Math.max(10, this.surface.width - margin.left - margin.right), height: Math.max(10, this.surface.height - margin.top - margin.bottom) };
		const scene = surfaceScene(found.mesh, this.camera, area);
		const { landscape, axes } = this.source();
		const store = model.store;
		const projector = this.projectorFor(landscape!, axes);
		const current = model.current;
		const next = current.nextLoss === undefined ? undefined : { place: projector.point(current.next, 0), loss: current.nextLoss, label: this.ctx.strings().get('plot.next'), font: fontOf(theme, 1, 'bold') };
		const path = new SurfacePath(scene, { store, place: (k) => projector.point(store.points, k * store.dimension), step: current.step, ...(next ? { next } : {}) });
		drawFloor(ctx, scene, theme);
		drawMesh(ctx, scene, found.bands, bandStyles(colorMapNamed(model.settings?.colorMap), found.mesh.levels.levels.length + 1), (key) => path.drawUntil(ctx, key));
		path.drawUntil(ctx, -Infinity);
		path.drawOnTop(ctx);
		const s = this.ctx.strings();
		const names = landscape?.plane ? planeAxisNames(landscape.plane, s) : { x: model.loss.params[axes[0]]!, y: model.loss.params[axes[1]]! };
		drawSurfaceAxes(ctx, scene, theme, { ...names, loss: s.get('surface.axis.loss') });
		this.names = names;
		const scale = found.mesh.scale;
		const legend = s.get(scale.kind === 'log' ? 'surface.legend.log' : 'surface.legend.linear', { min: formatNumber(scale.min), max: formatNumber(scale.max) });
		setText(this.legend, legend);
		setAttr(this.canvas, 'title', legend);
		this.labelThrottle.run(() => this.updateLabel());
	}

	/** The mesh for the source, rebuilt only when the grid or the view changed. */
	private meshFor(source: SurfaceSource): { mesh: SurfaceMesh; bands: Uint16Array } | undefined {
		const { landscape, range, axes } = source;
		if (!landscape || landscape.kind !== 'grid' || (!landscape.plane && (landscape.axes[0] !== axes[0] || landscape.axes[1] !== axes[1]))) return undefined;
		const key = range ? `${range.xMin},${range.xMax},${range.yMin},${range.yMax}` : '';
		if (this.cached?.landscape !== landscape || this.cached.key !== key) {
			const mesh = buildMesh(landscape, range);
			this.cached = mesh ? { landscape, key, mesh, bands: quadBands(mesh) } : undefined;
		}
		return this.cached;
	}

	/** How records reach the grid's axes: two parameters, or the grid's slice plane (cached per plane). */
	private projectorFor(landscape: Landscape, axes: readonly [number, number]): SliceProjector {
		if (!landscape.plane) return axesProjector(axes);
		if (this.plane?.info !== landscape.plane) this.plane = { info: landscape.plane, projector: planeProjector(landscape.plane) };
		return this.plane.projector;
	}

	private drawWaiting(ctx: CanvasRenderingContext2D): void {
		const theme = this.ctx.theme();
		ctx.font = fontOf(theme);
		ctx.fillStyle = theme.muted;
		ctx.textAlign = 'center';
		ctx.fillText(this.ctx.strings().get('plot.loading'), this.surface.width / 2, this.surface.height / 2);
	}

	private updateLabel(): void {
		const m = this.ctx.model;
		const current = m.current;
		if (!current || !m.loss || !m.store) return;
		const landscape = this.source().landscape;
		const projector = landscape ? this.projectorFor(landscape, this.source().axes) : undefined;
		const [x, y] = projector?.point(current.x) ?? [NaN, NaN];
		setAttr(this.canvas, 'aria-label', this.ctx.strings().get('surface.label', {
			px: this.names.x, py: this.names.y, azimuth: Math.round(this.camera.azimuth), elevation: Math.round(this.camera.elevation),
			x: formatNumber(x), y: formatNumber(y), loss: formatNumber(current.loss), count: m.store.count,
		}));
	}

	private turnTo(camera: SurfaceCamera, save = true): void {
		this.camera = clampCamera(camera);
		if (save) this.ctx.saveViewState({ surfaceCamera: this.camera });
		this.labelThrottle.run(() => this.updateLabel());
		this.ctx.requestDraw();
	}

	private attachInput(): void {
		const canvas = this.canvas;
		let drag: { id: number; x: number; y: number } | undefined;
		canvas.addEventListener('pointerdown', (event) => {
			if (event.button !== 0) return;
			drag = { id: event.pointerId, x: event.clientX, y: event.clientY };
			canvas.setPointerCapture(event.pointerId);
			canvas.classList.add('dragging');
		});
		canvas.addEventListener('pointermove', (event) => {
			if (!drag || event.pointerId !== drag.id) return;
			const { azimuth, elevation } = this.camera;
			this.turnTo({ azimuth: azimuth + (event.clientX - drag.x) * dragDegrees, elevation: elevation + (event.clientY - drag.y) * dragDegrees }, false);
			drag = { id: drag.id, x: event.clientX, y: event.clientY };
		});
		const finish = (event: PointerEvent) => {
			if (!drag || event.pointerId !== drag.id) return;
			drag = undefined;
			canvas.classList.remove('dragging');
			this.turnTo(this.camera);
		};
		canvas.addEventListener('pointerup', finish);
		canvas.addEventListener('pointercancel', finish);
		canvas.addEventListener('keydown', (event) => this.onKey(event));
	}

	/** Arrow keys turn the surface (and are not the panel's step keys while it has focus); Home resets. */
	private onKey(event: KeyboardEvent): void {
		if (event.altKey || event.ctrlKey || event.metaKey) return;
		const step = event.shiftKey ? 3 * keyDegrees : keyDegrees;
		const { azimuth, elevation } = this.camera;
		const turns: Record<string, SurfaceCamera> = {
			ArrowLeft: { azimuth: azimuth - step, elevation },
			ArrowRight: { azimuth: azimuth + step, elevation },
			ArrowUp: { azimuth, elevation: elevation + step },
			ArrowDown: { azimuth, elevation: elevation - step },
			Home: defaultCamera,
		};
		const next = turns[event.key];
		if (!next) return;
		event.preventDefault();
		this.turnTo(next);
	}
}
