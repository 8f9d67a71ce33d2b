/**
 * The learning-rate explorer's chart (Chart.js scatter, log x and log y): final loss against learning rate, one
 * point per rate, coloured and shaped by outcome (converged ●, not converged ▲, oscillating ◆, diverged ✕, so colour
 * is not the only cue), a dashed line where divergence begins, a dotted one at 2/λ_max of the Hessian at the start
 * (where plain gradient descent stops being stable) and a solid one at the session's learning rate. Diverged runs
 * have no finite loss: they sit at the top of the axis. A click on a point reports its learning rate.
 */
import { Chart, Legend, LinearScale, LogarithmicScale, PointElement, ScatterController, Tooltip, type Plugin } from 'chart.js';
import type { SweepInfo, SweepPointInfo } from '../shared/messages';
import { applyScatterTheme, drawVerticalLine } from './chartDecor';
import { formatNumber } from './formatNumber';
import type { Strings } from './strings';
import type { Theme } from './theme';

Chart.register(ScatterController, PointElement, LinearScale, LogarithmicScale, Tooltip, Legend);

type Point = { x: number; y: number };
const outcomes: readonly SweepPointInfo['outcome'][] = ['converged', 'slow', 'oscillating', 'diverged'];
const shapes = { converged: 'circle', slow: 'triangle', oscillating: 'rectRot', diverged: 'crossRot' } as const;

/** Where a point goes on the log axis: diverged (or non-finite) runs at `ceiling`. */
export function sweepY(point: SweepPointInfo, ceiling: number): number {
	return point.outcome === 'diverged' || !Number.isFinite(point.finalLoss) ? ceiling : Math.max(point.finalLoss, 1e-300);
}

/** A decade above the largest finite final loss (or 10 when there is none). */
export function sweepCeiling(points: readonly SweepPointInfo[]): number {
	const finite = points.filter((p) => p.outcome !== 'diverged' && Number.isFinite(p.finalLoss) && p.finalLoss > 0).map((p) => p.finalLoss);
	return finite.length > 0 ? 10 ** Math.ceil(Math.log10(Math.max(...finite)) + 1) : 10;
}

export class SweepChart {
	private readonly chart: Chart<'scatter', Point[]>;
	private sweep: SweepInfo | undefined;
	private currentRate = NaN;

	constructor(canvas: HTMLCanvasElement, private readonly strings: Strings, private readonly theme: () => Theme, onPick: (learningRate: number) => void) {
		this.chart = new Chart(canvas, this.config());
		canvas.addEventListener('click', (event) => {
			const hit = this.chart.getElementsAtEventForMode(event, 'nearest', { intersect: true }, false)[0];
			const point = hit && (this.chart.data.datasets[hit.datasetIndex]?.data[hit.index] as Point | undefined);
			if (point) onPick(point.x);
		});
	}

	show(sweep: SweepInfo, currentRate: number): void {
		this.sweep = sweep;
		this.currentRate = currentRate;
		const t = this.theme();
		const colors = { converged: t.green, slow: t.yellow, oscillating: t.orange, diverged: t.red };
		const ceiling = sweepCeiling(sweep.points);
		this.chart.data.datasets = outcomes.map((outcome) => ({
			label: this.strings.get(`sweep.${outcome}`),
			data: sweep.points.filter((p) => p.outcome === outcome).map((p) => ({ x: p.learningRate, y: sweepY(p, ceiling) })),
			backgroundColor: colors[outcome],
			borderColor: colors[outcome],
			pointStyle: shapes[outcome],
			pointRadius: 5,
			pointHoverRadius: 7,
			borderWidth: outcome === 'diverged' ? 2 : 1,
		}));
		const x = this.chart.options.scales!.x!;
		// Half a step of the log grid beyond the ends, so the end points are drawn whole.
		x.min = sweep.rates[0]! / 1.4;
		x.max = sweep.rates[sweep.rates.length - 1]! * 1.4;
		this.applyTheme(t);
	}

	applyTheme(theme: Theme): void {
		applyScatterTheme(this.chart, theme, [this.strings.get('sweep.axisX'), this.strings.get('sweep.axisY')]);
	}

	destroy(): void {
		this.chart.destroy();
	}

	private config(): ConstructorParameters<typeof Chart<'scatter', Point[]>>[1] {
		const lines: Plugin<'scatter'> = {
			id: 'downhillSweepLines',
			afterDatasetsDraw: (chart) => {
				const t = this.theme();
				if (this.sweep?.divergesFrom !== undefined) drawVerticalLine(chart, this.sweep.divergesFrom, t.red, [5, 4], { text: this.strings.get('sweep.divergesFrom', { lr: formatNumber(this.sweep.divergesFrom) }), side: 'right' });
				const stable = this.sweep?.stabilityAtStart;
				if (stable !== undefined) drawVerticalLine(chart, stable, t.yellow, [2, 3], { text: this.strings.get('sweep.stability', { lr: formatNumber(stable, 3) }), side: 'left' });
				const atMinimum = this.sweep?.stabilityAtMinimum;
				if (atMinimum !== undefined) drawVerticalLine(chart, atMinimum, t.green, [2, 3], { text: this.strings.get('sweep.stabilityAtMinimum', { lr: formatNumber(atMinimum, 3) }), side: 'right', row: 1 });
				if (this.currentRate > 0) drawVerticalLine(chart, this.currentRate, t.focus, [], { text: this.strings.get('sweep.current', { lr: formatNumber(this.currentRate) }), side: 'left' });
			},
		};
		const label = (value: number | string) => {
			const v = Number(value);
			return Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9 ? formatNumber(v, 1) : '';
		};
		return {
			type: 'scatter',
			data: { datasets: [] },
			plugins: [lines],
			options: {
				animation: false,
				responsive: true,
				maintainAspectRatio: false,
				scales: { x: { type: 'logarithmic', ticks: { callback: label, maxRotation: 0 } }, y: { type: 'logarithmic', ticks: { callback: label, maxTicksLimit: 8 } } },
				plugins: {
					legend: { display: true, position: 'bottom' },
					tooltip: { callbacks: { label: (item) => this.tooltip(item.raw as Point) } },
				},
			},
		};
	}

	private tooltip(raw: Point): string {
		const p = this.sweep?.points.find((q) => q.learningRate === raw.x);
		if (!p) return '';
		return `η = ${formatNumber(p.learningRate)}: ${this.strings.get(`sweep.${p.outcome}`)}, L = ${formatNumber(p.finalLoss)} (${p.steps})`;
	}
}
