/**
 * Mini-batch noise on the map (losses over data): a "Mini-batch noise" toggle asks the host for the full-batch
 * gradient and 30 mini-batch gradients at the current point (`requestBatchNoise`), again whenever the point moves,
 * and draws −∇L of each mini-batch as a thin arrow around the thick full-batch arrow, all on one scale, so the
 * spread SGD steps with is visible.
 */
import { LatestRequest } from '../shared/latestRequest';
import type { BatchNoiseInfo } from '../shared/messages';
import { el, setAttr, setText } from './dom';
import { Throttle } from './frameScheduler';
import { drawArrow, halo } from './plotPainter';
import type { ViewContext } from './viewContext';
import type { AxisMaps } from './decimate';

export const noiseBatches = 30;
const longestArrow = 120;

export class BatchNoiseOverlay {
	readonly button: HTMLButtonElement;
	readonly legend = el('p', { className: 'plot-legend' });
	private readonly throttle = new Throttle(200);
	private enabled = false;
	private readonly latest = new LatestRequest<BatchNoiseInfo>();
	private info: BatchNoiseInfo | undefined;
	private step = -1;

	constructor(private readonly ctx: ViewContext) {
		const s = ctx.strings();
		this.button = el('button', { className: 'secondary', text: s.get('noise.toggle'), attrs: { type: 'button', title: s.get('noise.toggle.title'), 'aria-pressed': 'false' } });
		this.button.addEventListener('click', () => this.toggle());
	}

	toggle(): void {
		this.enabled = !this.enabled;
		setAttr(this.button, 'aria-pressed', String(this.enabled));
		this.info = undefined;
		this.step = -1;
		setText(this.legend, '');
		if (this.enabled) this.pointMoved();
		this.ctx.requestDraw();
	}

	/** The current point may have moved: ask again (throttled). */
	pointMoved(): void {
		const step = this.ctx.model.current?.step ?? -1;
		if (!this.enabled || step === this.step) return;
		this.step = step;
		this.throttle.run(() => this.latest.replace(this.ctx.request({ type: 'requestBatchNoise', count: noiseBatches }, (info) => this.onBatchNoise(info))));
	}

	private onBatchNoise(info: BatchNoiseInfo): void {
		if (!this.enabled) return;
		this.info = info;
		const { step, batchSize, sampleCount } = info;
		setText(this.legend, this.ctx.strings().get('noise.legend', { step, count: info.batches.length / Math.max(1, info.full.length), batchSize, sampleCount }));
		this.ctx.requestDraw();
	}

	/** Arrows from the current point (pixels x, y) along the map's axes. */
	draw(ctx: CanvasRenderingContext2D, x: number, y: number, axes: readonly [number, number], maps: AxisMaps): void {
		const info = this.info;
		if (!info || info.step !== this.ctx.model.current?.step) return;
		const d = info.full.length;
		const [ax, ay] = axes;
		const vector = (g: ArrayLike<number>, k: number): [number, number] => [-g[k * d + ax]! * maps.sx, -g[k * d + ay]! * maps.sy];
		const arrows = Array.from({ length: info.batches.length / d }, (_, k) => vector(info.batches, k));
		const full = vector(info.full, 0);
		const scale = longestArrow / Math.max(1e-300, ...[full, ...arrows].map(([u, v]) => Math.hypot(u, v)));
		ctx.save();
		ctx.globalAlpha = 0.8;
		for (const [u, v] of arrows) drawArrow(ctx, x, y, x + u * scale, y + v * scale, { color: '#ffd23f', width: 1, head: 6, halo: halo.dark });
		ctx.globalAlpha = 1;
		drawArrow(ctx, x, y, x + full[0] * scale, y + full[1] * scale, { color: '#ff6ec7', width: 3, head: 12, halo: halo.dark });
		ctx.restore();
	}
}
