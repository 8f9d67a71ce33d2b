/**
 * "Brute force vs. gradient descent" (the study note's section 2): the "Brute force" button asks the host to try
 * every point of a 100 × 100 grid over the view (`requestBruteForce`); the answer is written out beside what descent
 * spent to reach its current step, with kⁿ for all parameters and the note's 1000^500000 as powers of ten. The best
 * grid point is drawn on the plot (`drawBruteForceBest`).
 */
import { LatestRequest } from '../shared/latestRequest';
import type { BruteForceInfo, ViewRange } from '../shared/messages';
import { el, needsAxes, uniqueId } from './dom';
import { formatNumber } from './formatNumber';
import { drawLabel, drawPoint, fontOf, halo } from './plotPainter';
import type { Theme } from './theme';
import type { ViewContext } from './viewContext';

export const bruteForceK = 100;
const bestColor = '#ffffff';

export class BruteForceView {
	readonly button: HTMLButtonElement;
	readonly element: HTMLElement;
	private readonly lines = el('div', { className: 'brute-lines' });
	private readonly latest = new LatestRequest<BruteForceInfo>();

	constructor(private readonly ctx: ViewContext, private readonly view: () => { range: ViewRange; axes: readonly [number, number] } | undefined) {
		const s = ctx.strings();
		this.button = el('button', { className: 'secondary', text: s.get('brute.button'), attrs: { type: 'button', title: s.get('brute.button.title') } });
		this.button.addEventListener('click', () => this.request());
		this.button.setAttribute(needsAxes, '');
		const id = uniqueId('brute');
		this.element = el('section', { className: 'brute', attrs: { 'aria-labelledby': id } }, [el('h2', { text: s.get('brute.title'), attrs: { id } }), this.lines]);
		this.element.hidden = true;
	}

	private onBruteForce(info: BruteForceInfo): void {
		const s = this.ctx.strings();
		const params = this.ctx.model.loss?.params ?? [];
		const at = info.axes[1] < 0 ? formatNumber(info.best[info.axes[0]]!) : `(${formatNumber(info.best[info.axes[0]]!)}, ${formatNumber(info.best[info.axes[1]]!)})`;
		const grid = { k: info.k, evaluations: info.evaluations.toLocaleString('en'), loss: formatNumber(info.bestLoss), at };
		const text = [
			s.get(info.axes[1] < 0 ? 'brute.grid1' : 'brute.grid2', grid),
			s.get('brute.descent', { evaluations: info.descentEvaluations.toLocaleString('en'), step: info.descentEvaluations - 1, loss: formatNumber(info.descentLoss) }),
			s.get('brute.all', { n: params.length, k: info.k, exponent: formatNumber(info.log10AllParameters, 6) }),
			s.get('brute.note', { exponent: Math.round(info.log10NoteExample).toLocaleString('en') }),
		];
		this.lines.replaceChildren(...text.map((line) => el('p', { text: line })));
		this.element.hidden = false;
		this.ctx.model.setBruteForce(info);
		this.ctx.requestDraw();
	}

	private request(): void {
		const view = this.view();
		if (!view) return;
		const body = { type: 'requestBruteForce', range: { ...view.range }, axes: [view.axes[0], view.axes[1]], k: bruteForceK } as const;
		this.latest.replace(this.ctx.request(body, (info) => this.onBruteForce(info)));
	}
}

/** The best grid point as a hollow square with a label, at pixel (x, y). */
export function drawBruteForceBest(ctx: CanvasRenderingContext2D, x: number, y: number, label: string, theme: Theme): void {
	if (!Number.isFinite(x) || !Number.isFinite(y)) return;
	ctx.save();
	ctx.strokeStyle = halo.dark;
	ctx.lineWidth = 4;
	ctx.strokeRect(x - 6, y - 6, 12, 12);
	ctx.strokeStyle = bestColor;
	ctx.lineWidth = 2;
	ctx.strokeRect(x - 6, y - 6, 12, 12);
	drawPoint(ctx, x, y, 1.5, bestColor, bestColor);
	drawLabel(ctx, label, x + 10, y + 14, bestColor, halo.dark, fontOf(theme, 0.95, 'bold'));
	ctx.restore();
}
