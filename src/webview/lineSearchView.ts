/**
 * The line-search section, opened by the plot's "Line search" button (any number of parameters): asks the host for
 * the loss along −∇L at the current point (`requestLineSearch`) and again whenever the point moves (throttled, so
 * a fast continue does not flood the host), draws it (`lineSearchChart.ts`) and says in one sentence whether the
 * step is too long, too short or about right (`lineSearchText.ts`).
 */
import { LatestRequest } from '../shared/latestRequest';
import type { LineSearchInfo } from '../shared/messages';
import { el, setAttr, setText, uniqueId } from './dom';
import { formatNumber } from './formatNumber';
import { Throttle } from './frameScheduler';
import { LineSearchChart } from './lineSearchChart';
import { lineSearchDirection, lineSearchVerdict } from './lineSearchText';
import type { ViewContext } from './viewContext';

export class LineSearchView {
	readonly element: HTMLElement;
	readonly button: HTMLButtonElement;
	private readonly verdict = el('p', { className: 'line-verdict', attrs: { role: 'status' } });
	private readonly direction = el('p', { className: 'note' });
	private readonly canvas: HTMLCanvasElement;
	private readonly chart: LineSearchChart;
	private readonly throttle = new Throttle(250);
	private readonly latest = new LatestRequest<LineSearchInfo>();
	/** The point and next step last asked about. */
	private asked = '';
	private info: LineSearchInfo | undefined;

	constructor(private readonly ctx: ViewContext) {
		const s = ctx.strings();
		const id = uniqueId('line');
		this.button = el('button', { className: 'secondary', text: s.get('line.toggle'), attrs: { type: 'button', title: s.get('line.toggle.title'), 'aria-pressed': 'false' } });
		this.button.addEventListener('click', () => (this.element.hidden ? this.open() : this.close()));
		const close = el('button', { className: 'secondary', text: s.get('line.close'), attrs: { type: 'button' } });
		close.addEventListener('click', () => this.close());
		this.canvas = el('canvas', { attrs: { role: 'img', 'aria-label': s.get('line.title') } });
		const head = el('div', { className: 'chart-head' }, [el('h2', { text: s.get('line.title'), attrs: { id } }), close]);
		this.element = el('section', { className: 'line-search', attrs: { 'aria-labelledby': id } }, [head, this.verdict, el('div', { className: 'line-search-box' }, [this.canvas]), this.direction]);
		this.element.hidden = true;
		this.chart = new LineSearchChart(this.canvas, s, ctx.theme);
	}

	open(): void {
		this.element.hidden = false;
		setAttr(this.button, 'aria-pressed', 'true');
		this.ctx.saveViewState({ lineSearch: true });
		this.asked = '';
		this.pointMoved(true);
		this.element.scrollIntoView?.({ block: 'nearest' });
	}

	close(): void {
		this.element.hidden = true;
		setAttr(this.button, 'aria-pressed', 'false');
		this.ctx.saveViewState({ lineSearch: false });
	}

	/** The current point or the settings may have changed: ask again (throttled while a run streams in). */
	pointMoved(force = false): void {
		const current = this.ctx.model.current;
		if (this.element.hidden || !current) return;
		const key = `${current.step}|${current.next.join(',')}`;
		if (key === this.asked && !force) return;
		this.asked = key;
		const ask = () => this.latest.replace(this.ctx.request({ type: 'requestLineSearch' }, (info) => this.onLineSearch(info)));
		if (force) ask();
		else this.throttle.run(ask);
	}

	private onLineSearch(info: LineSearchInfo): void {
		if (this.element.hidden) return;
		this.info = info;
		this.refresh();
	}

	/** Redraws with the theme and strings of the moment. */
	refresh(): void {
		const info = this.info;
		if (!info || this.element.hidden) return;
		const s = this.ctx.strings();
		setText(this.verdict, lineSearchVerdict(info, s));
		this.verdict.dataset.verdict = info.verdict;
		setText(this.direction, lineSearchDirection(info, s));
		const f = (v: number | undefined) => formatNumber(v ?? NaN, 3);
		setAttr(this.canvas, 'aria-label', s.get('line.label', { alphaMax: f(info.alphaMax), alpha: f(info.stepAlpha), minimum: f(info.minimum?.alpha) }));
		this.chart.show(info);
	}

	dispose(): void {
		this.chart.destroy();
	}
}
