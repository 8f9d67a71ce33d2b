/**
 * The "Map | Surface" switch of the 2-D view: a segmented pair of toggle buttons (aria-pressed) in the plot's tool
 * row, and a "Reset view" button in the surface's corner. The surface's canvas lies over the map's in the same box, so the
 * map keeps its size, its view and its grid requests (its zoom buttons change the surface's region too) and the PNG
 * export takes whichever is on top. The mode is kept in the webview state, so a reload shows the same one.
 */
import type { PlotMode } from '../shared/messages';
import type { ContourView } from './contourView';
import { el, setAttr, uniqueId } from './dom';
import { SurfaceView } from './surfaceView';
import type { ViewContext } from './viewContext';

export class PlotModeToggle {
	/** The switch, for the plot's tool row. */
	readonly element: HTMLElement;
	private readonly buttons: Record<PlotMode, HTMLButtonElement>;
	private readonly reset: HTMLButtonElement;
	private mode: PlotMode;
	private contour: ContourView | undefined;
	private surfaceView: SurfaceView | undefined;

	constructor(private readonly ctx: ViewContext) {
		const s = ctx.strings();
		const button = (text: string, title: string, action: () => void) => {
			const b = el('button', { className: 'secondary', text, attrs: { type: 'button', title } });
			b.addEventListener('click', action);
			return b;
		};
		this.buttons = {
			map: button(s.get('plot.mode.map'), s.get('plot.mode.map.title'), () => this.show('map')),
			surface: button(s.get('plot.mode.surface'), s.get('plot.mode.surface.title'), () => this.show('surface')),
		};
		this.reset = button(s.get('surface.reset'), s.get('surface.reset.title'), () => this.surfaceView?.resetCamera());
		this.reset.classList.add('surface-reset', 'surface-only');
		this.mode = ctx.viewState().plotMode === 'surface' ? 'surface' : 'map';
		const group = el('div', { className: 'plot-mode', attrs: { role: 'group', 'aria-label': s.get('plot.mode') } }, [this.buttons.map, this.buttons.surface]);
		this.element = el('div', { className: 'plot-mode-tools' }, [group]);
	}

	/** True while the surface is shown (the panel then draws it instead of the map). */
	get surfaceShown(): boolean {
		return this.mode === 'surface' && this.surfaceView !== undefined;
	}

	/** Puts the surface's canvas over `contour`'s and shows the saved mode. */
	attach(contour: ContourView): void {
		this.contour = contour;
		const box = contour.element.querySelector<HTMLElement>('.plot-canvas')!;
		this.surfaceView = new SurfaceView(this.ctx, box, () => ({ landscape: contour.landscape, range: contour.currentView()?.range, axes: contour.axes }));
		box.append(this.reset);
		box.after(this.surfaceView.legend);
		const hint = el('p', { className: 'plot-hint surface-only', text: this.ctx.strings().get('surface.hint'), attrs: { id: uniqueId('surface-hint') } });
		this.surfaceView.legend.after(hint);
		setAttr(this.surfaceView.canvas, 'aria-describedby', hint.id);
		this.apply();
	}

	/** Switches to `mode` and remembers it. */
	show(mode: PlotMode): void {
		if (mode === this.mode) return;
		this.mode = mode;
		this.ctx.saveViewState({ plotMode: mode });
		this.apply();
	}

	/** Draws the surface; call only while `surfaceShown`. */
	draw(): void {
		this.surfaceView?.draw();
	}

	dispose(): void {
		this.surfaceView?.dispose();
	}

	private apply(): void {
		const surface = this.mode === 'surface';
		setAttr(this.buttons.map, 'aria-pressed', String(!surface));
		setAttr(this.buttons.surface, 'aria-pressed', String(surface));
		this.contour?.element.classList.toggle('surface-mode', surface);
		if (this.surfaceView) this.surfaceView.canvas.hidden = !surface;
		this.ctx.requestDraw();
	}
}
