/**
 * A Chart.js line chart of per-step series from the trajectory store (loss, gradient norm, parameter traces).
 * Chart.js draws what it is given, so it is given little: while a run fits in the chart's width the new records
 * are appended to the datasets as they arrive; beyond that each redraw hands Chart.js a min-max decimated view
 * (about 2 points per pixel column, `decimate.ts`) of the full typed arrays, which stay untouched. A vertical line
 * marks the current step (it moves back on step back). Optional log-scale y axis, persisted in the view state.
 */
import { Chart, LinearScale, LineController, LineElement, LogarithmicScale, PointElement, Tooltip, Legend, type Plugin } from 'chart.js';
import { decimateSeries, type Strided } from './decimate';
import { el, setAttr, uniqueId } from './dom';
import { formatNumber } from './formatNumber';
import type { StringKey } from './strings';
import type { Theme } from './theme';
import type { TrajectoryStore } from './trajectoryStore';
import type { ViewContext } from './viewContext';

Chart.register(LineController, LineElement, PointElement, LinearScale, LogarithmicScale, Tooltip, Legend);

export interface SeriesSpec {
	readonly label: string;
	readonly color: string;
	readonly dash?: readonly number[];
	/** `'lr'`: drawn against the learning-rate axis on the right instead of the chart's own. */
	readonly axis?: 'lr';
	/** Where the series' values are in the store. */
	source(store: TrajectoryStore): Strided;
}

type Point = { x: number; y: number };

export class SeriesChart {
	readonly element: HTMLElement;
	private readonly canvas = el('canvas', { attrs: { role: 'img' } });
	private readonly chart: Chart<'line', Point[]>;
	private specs: readonly SeriesSpec[] = [];
	private synced = { store: undefined as TrajectoryStore | undefined, rewrites: -1, count: 0, direct: false };
	private currentStep = 0;
	private logScale = false;

	/**
	 * `scale: 'toggle'` adds the log-scale checkbox (state persisted); 'log' is always logarithmic (gradient norms
	 * span decades: the first steps would flatten the rest on a linear axis).
	 */
	constructor(private readonly ctx: ViewContext, private readonly titleKey: StringKey, options: { scale?: 'linear' | 'log' | 'toggle'; legend?: boolean | 'bottom' } = {}) {
		const s = ctx.strings();
		const headingId = uniqueId('chart');
		const heading = el('h2', { text: s.get(titleKey), attrs: { id: headingId } });
		const top = el('div', { className: 'chart-head' }, [heading]);
		if (options.scale === 'toggle') top.append(this.logToggle());
		else this.logScale = options.scale === 'log';
		this.element = el('section', { className: 'chart', attrs: { 'aria-labelledby': headingId } }, [top, el('div', { className: 'chart-box' }, [this.canvas])]);
		this.chart = new Chart(this.canvas, this.config(options.legend ?? false));
	}

	setSeries(specs: readonly SeriesSpec[]): void {
		this.specs = specs;
		this.chart.data.datasets = specs.map((spec) => ({
			label: spec.label,
			data: [],
			borderColor: spec.color,
			backgroundColor: spec.color,
			borderWidth: 1.5,
			borderDash: spec.dash ? [...spec.dash] : [],
			pointRadius: 0,
			pointHitRadius: 4,
			spanGaps: false,
			yAxisID: spec.axis === 'lr' ? 'lr' : 'y',
		}));
		this.chart.options.scales!['lr']!.display = specs.some((spec) => spec.axis === 'lr');
		this.synced.store = undefined;
	}

	/** Brings the datasets up to date with `store` and redraws. */
	update(store: TrajectoryStore, currentStep: number): void {
		this.currentStep = currentStep;
		const budget = Math.max(200, 2 * Math.round(this.chart.chartArea?.width ?? this.canvas.clientWidth));
		const s = this.synced;
		const canAppend = s.store === store && s.rewrites === store.rewrites && s.direct && store.count <= budget && store.count >= s.count;
		this.chart.data.datasets.forEach((dataset, i) => {
			const series = this.specs[i]!.source(store);
			const log = this.logScale && this.specs[i]!.axis !== 'lr';
			if (canAppend) for (let k = s.count; k < store.count; k++) dataset.data.push({ x: k, y: this.y(series, k, log) });
			else dataset.data = Array.from(decimateSeries(series, store.count, budget), (k) => ({ x: k, y: this.y(series, k, log) }));
		});
		this.synced = { store, rewrites: store.rewrites, count: store.count, direct: store.count <= budget };
		const x = this.chart.options.scales!.x!;
		x.max = Math.max(1, store.count - 1);
		this.chart.update('none');
		const last = store.count > 0 && this.specs.length > 0 ? formatNumber(this.y(this.specs[0]!.source(store), store.count - 1)) : '';
		setAttr(this.canvas, 'aria-label', this.ctx.strings().get('chart.label', { title: this.ctx.strings().get(this.titleKey), count: store.count, last }));
	}

	destroy(): void {
		this.chart.destroy();
	}

	applyTheme(theme: Theme): void {
		const scales = this.chart.options.scales!;
		for (const axis of [scales.x!, scales.y!, scales['lr']!]) {
			axis.ticks = { ...axis.ticks, color: theme.foreground, font: { family: theme.font, size: Math.round(theme.fontSize * 0.85) } };
			axis.grid = { ...axis.grid, color: theme.gridLine };
			axis.border = { ...axis.border, color: theme.gridLine };
		}
		const legend = this.chart.options.plugins!.legend!;
		legend.labels = { ...legend.labels, color: theme.foreground, font: { family: theme.font, size: Math.round(theme.fontSize * 0.85) } };
		this.chart.update('none');
	}

	/**
	 * Round labels. Chart.js puts log ticks at every m·10ⁿ; label the powers of ten, and also 2·10ⁿ and 5·10ⁿ when the
	 * axis spans two decades or less (otherwise a short axis would show a single label).
	 */
	private tickLabel(value: number, ticks: readonly { value: number }[]): string {
		if (!this.logScale) return formatNumber(value, 3);
		const values = ticks.map((t) => t.value).filter((v) => v > 0);
		const decades = Math.log10(Math.max(...values) / Math.min(...values));
		const mantissa = value / 10 ** Math.floor(Math.log10(value) + 1e-9);
		const shown = [1, ...(decades <= 2 ? [2, 5] : [])];
		return shown.some((m) => Math.abs(mantissa - m) < 1e-6) ? formatNumber(value, 1) : '';
	}

	private y(series: Strided, k: number, log = this.logScale): number {
		const v = series.data[series.offset + k * series.stride]!;
		// Chart.js cannot place ±∞, and a log axis nothing at or below zero: both become gaps.
		return Number.isFinite(v) && (!log || v > 0) ? v : NaN;
	}

	private logToggle(): HTMLElement {
		const id = uniqueId('log');
		const box = el('input', { attrs: { type: 'checkbox', id } });
		this.logScale = this.ctx.viewState().logScale ?? false;
		box.checked = this.logScale;
		box.addEventListener('change', () => {
			this.logScale = box.checked;
			this.ctx.saveViewState({ logScale: this.logScale });
			this.chart.options.scales!.y!.type = this.logScale ? 'logarithmic' : 'linear';
			this.synced.store = undefined;
			this.ctx.requestDraw();
		});
		return el('label', { className: 'check' }, [box, document.createTextNode(this.ctx.strings().get('control.logScale'))]);
	}

	private config(legend: boolean | 'bottom'): ConstructorParameters<typeof Chart<'line', Point[]>>[1] {
		const marker: Plugin<'line'> = {
			id: 'downhillCurrentStep',
			afterDatasetsDraw: (chart) => {
				const x = chart.scales.x!.getPixelForValue(this.currentStep);
				const area = chart.chartArea;
				if (!(x >= area.left && x <= area.right)) return;
				const c = chart.ctx;
				c.save();
				c.strokeStyle = this.ctx.theme().focus;
				c.lineWidth = 1.5;
				c.beginPath();
				c.moveTo(x, area.top);
				c.lineTo(x, area.bottom);
				c.stroke();
				c.restore();
			},
		};
		return {
			type: 'line',
			data: { datasets: [] },
			plugins: [marker],
			options: {
				animation: false,
				parsing: false,
				normalized: true,
				responsive: true,
				maintainAspectRatio: false,
				interaction: { mode: 'nearest', axis: 'x', intersect: false },
				scales: {
					x: { type: 'linear', min: 0, title: { display: false }, ticks: { maxTicksLimit: 8, precision: 0 } },
					y: { type: this.logScale ? 'logarithmic' : 'linear', ticks: { maxTicksLimit: 6, callback: (value, _index, ticks) => this.tickLabel(Number(value), ticks) } },
					// The learning rate of each update, for a schedule: its own axis on the right.
					lr: { type: 'linear', position: 'right', display: false, grid: { drawOnChartArea: false }, ticks: { maxTicksLimit: 5, callback: (value) => formatNumber(Number(value), 3) } },
				},
				plugins: { legend: { display: legend !== false, position: legend === 'bottom' ? 'bottom' : 'right', labels: { boxWidth: 12 } }, tooltip: { enabled: true } },
			},
		};
	}
}
