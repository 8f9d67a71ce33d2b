/**
 * The basin map on the 2-D view (2-parameter losses): a "Basins" toggle asks the host for a 48 × 48 map of the view
 * (`requestBasins`), the host answers with the map so far after each slice until it is complete, and each cell is
 * drawn in its minimum's colour, translucent, between the contour bands and the isolines, with a legend of the
 * minima. Moving the view asks again (debounced; the new request cancels the old one, and the host drops its map). Colours: Okabe & Ito's colour-blind-safe palette.
 */
import { LatestRequest } from '../shared/latestRequest';
import type { BasinsInfo, ViewRange } from '../shared/messages';
import { drawImageOver } from './contourLayer';
import { el, setAttr, setText } from './dom';
import { formatNumber } from './formatNumber';
import type { PlotRect } from './viewTransform';
import type { ViewContext } from './viewContext';

/** Okabe & Ito (2008), "Color Universal Design": distinguishable with every common colour-vision deficiency. */
export const basinPalette = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#999999'] as const;
const divergedColor = '#000000';
export const basinCells = 48;
const debounceMs = 300;

/** The colour of minimum `label` (-1: diverged). */
export function basinColor(label: number): string {
	return label < 0 ? divergedColor : basinPalette[label % basinPalette.length]!;
}

export class BasinOverlay {
	readonly button: HTMLButtonElement;
	readonly legend = el('div', { className: 'basin-legend' });
	private readonly image = document.createElement('canvas');
	private basins: BasinsInfo | undefined;
	private enabled = false;
	private readonly latest = new LatestRequest<BasinsInfo>();
	private timer: ReturnType<typeof setTimeout> | undefined;

	constructor(private readonly ctx: ViewContext, private readonly view: () => ViewRange | undefined) {
		const s = ctx.strings();
		this.button = el('button', { className: 'secondary', text: s.get('basins.toggle'), attrs: { type: 'button', title: s.get('basins.toggle.title'), 'aria-pressed': 'false' } });
		this.button.addEventListener('click', () => this.toggle());
		this.legend.hidden = true;
	}

	toggle(): void {
		this.enabled = !this.enabled;
		setAttr(this.button, 'aria-pressed', String(this.enabled));
		if (this.enabled) return this.request();
		clearTimeout(this.timer);
		this.latest.cancel();
		this.basins = undefined;
		this.legend.hidden = true;
		this.ctx.requestDraw();
	}

	/** The view moved: ask for the map of the new view once it settles. */
	viewChanged(): void {
		if (!this.enabled) return;
		clearTimeout(this.timer);
		this.timer = setTimeout(() => this.request(), debounceMs);
	}

	private onBasins(basins: BasinsInfo): void {
		if (!this.enabled) return;
		this.basins = basins;
		this.paint(basins);
		this.renderLegend(basins);
		this.ctx.requestDraw();
	}

	/** Between the contour bands and the isolines. */
	draw(ctx: CanvasRenderingContext2D, range: ViewRange, rect: PlotRect): void {
		const b = this.basins;
		if (!b) return;
		const dx = (b.range.xMax - b.range.xMin) / Math.max(1, b.nx - 1) / 2;
		const dy = (b.range.yMax - b.range.yMin) / Math.max(1, b.ny - 1) / 2;
		// Cell centres span the range end to end, so the image reaches half a cell beyond it.
		const area = { xMin: b.range.xMin - dx, xMax: b.range.xMax + dx, yMin: b.range.yMin - dy, yMax: b.range.yMax + dy };
		ctx.save();
		ctx.globalAlpha = 0.55;
		drawImageOver(ctx, this.image, area, range, rect, false);
		ctx.restore();
	}

	dispose(): void {
		clearTimeout(this.timer);
		this.latest.cancel();
	}

	private request(): void {
		const range = this.view();
		if (!range) return;
		this.latest.replace(this.ctx.request({ type: 'requestBasins', range: { ...range }, nx: basinCells, ny: basinCells }, (basins) => this.onBasins(basins)));
	}

	private paint(b: BasinsInfo): void {
		this.image.width = b.nx;
		this.image.height = b.ny;
		const g = this.image.getContext('2d')!;
		g.clearRect(0, 0, b.nx, b.ny);
		for (let r = 0; r < b.ny; r++) {
			for (let c = 0; c < b.nx; c++) {
				const label = b.labels[r * b.nx + c]!;
				if (label < -1) continue;
				g.fillStyle = basinColor(label);
				g.fillRect(c, b.ny - 1 - r, 1, 1);
			}
		}
	}

	private renderLegend(b: BasinsInfo): void {
		const s = this.ctx.strings();
		const title = b.progress < 1 ? s.get('basins.progress', { percent: Math.round(b.progress * 100) }) : s.get('basins.legend');
		const items = b.minima.slice(0, basinPalette.length).map((m, i) => {
			const text = s.get('basins.minimum', { kind: s.get(m.kind === 'global' ? 'basins.global' : 'basins.local'), x: formatNumber(m.x[0]!), y: formatNumber(m.x[1]!), loss: formatNumber(m.loss) });
			return legendItem(basinColor(i), text);
		});
		if (b.labels.includes(-1)) items.push(legendItem(divergedColor, s.get('basins.diverged')));
		const heading = el('span', { className: 'legend-title', text: title });
		this.legend.replaceChildren(heading, el('ul', {}, items));
		this.legend.hidden = false;
		setText(heading, title);
	}
}

function legendItem(color: string, text: string): HTMLElement {
	const swatch = el('span', { className: 'swatch', attrs: { 'aria-hidden': 'true' } });
	swatch.style.backgroundColor = color;
	return el('li', {}, [swatch, document.createTextNode(text)]);
}
