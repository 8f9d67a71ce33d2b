/**
 * The line-search view's chart (Chart.js, linear axes): the loss along −∇L against α, the current point at α = 0,
 * where the step lands on the line (a vertical line and a diamond) and the lowest point on the line (a dashed
 * vertical line and a star), so shape, not colour alone, tells the markers apart.
 */
import { Chart, Legend, LinearScale, LineController, LineElement, PointElement, ScatterController, Tooltip, type Plugin } from 'chart.js';
import type { LineSearchInfo } from '../shared/messages';
import { applyScatterTheme, drawVerticalLine } from './chartDecor';
import { formatNumber } from './formatNumber';
import type { Strings } from './strings';
import type { Theme } from './theme';

Chart.register(ScatterController, LineController, LineElement, PointElement, LinearScale, Tooltip, Legend);

type Point = { x: number; y: number };

/** The chart's points: (α, L) for each sample. */
export function lineSearchPoints(info: LineSearchInfo): Point[] {
	const n = info.values.length;
	return Array.from(info.values, (y, i) => ({ x: (i * info.alphaMax) / Math.max(1, n - 1), y })).filter((p) => Number.isFinite(p.y));
}

export class LineSearchChart {
	private readonly chart: Chart<'scatter', Point[]>;
	private info: LineSearchInfo | undefined;

	constructor(canvas: HTMLCanvasElement, private readonly strings: Strings, private readonly theme: () => Theme) {
		this.chart = new Chart(canvas, this.config());
	}

	show(info: LineSearchInfo): void {
		this.info = info;
		const t = this.theme();
		const s = this.strings;
		const marker = (label: string, point: Point, color: string, style: 'circle' | 'rectRot' | 'star', radius: number) => ({
			label, data: [point], backgroundColor: color, borderColor: color, pointStyle: style, pointRadius: radius, pointHoverRadius: radius + 2, borderWidth: 2, showLine: false, clip: false as const,
		});
		const points = lineSearchPoints(info);
		const datasets = [
			{ label: s.get('line.curve'), data: points, showLine: true, borderColor: t.blue, backgroundColor: t.blue, borderWidth: 2, pointRadius: 0, pointHoverRadius: 3 },
			marker(s.get('line.current'), { x: 0, y: info.loss }, t.foreground, 'circle', 4),
			marker(s.get('line.step', { alpha: formatNumber(info.stepAlpha) }), { x: info.stepAlpha, y: info.stepLineLoss }, t.orange, 'rectRot', 7),
			...(info.minimum ? [marker(s.get('line.minimum', { alpha: formatNumber(info.minimum.alpha) }), { x: info.minimum.alpha, y: info.minimum.loss }, t.green, 'star', 9)] : []),
		];
		this.chart.data.datasets = datasets;
		// Let Chart.js choose round ticks around the data (the markers may lie outside the sampled curve's range).
		const x = this.chart.options.scales!.x!;
		x.min = Math.min(0, info.stepAlpha);
		this.applyTheme(t);
	}

	applyTheme(theme: Theme): void {
		applyScatterTheme(this.chart, theme, [this.strings.get('line.axisX'), this.strings.get('line.axisY')]);
	}

	destroy(): void {
		this.chart.destroy();
	}

	private config(): ConstructorParameters<typeof Chart<'scatter', Point[]>>[1] {
		const lines: Plugin<'scatter'> = {
			id: 'downhillLineSearchLines',
			beforeDatasetsDraw: (chart) => {
				const info = this.info;
				if (!info) return;
				const t = this.theme();
				drawVerticalLine(chart, info.stepAlpha, t.orange, []);
				if (info.minimum) drawVerticalLine(chart, info.minimum.alpha, t.green, [5, 4]);
			},
		};
		return {
			type: 'scatter',
			data: { datasets: [] },
			plugins: [lines],
			options: {
				animation: false,
				responsive: true,
				maintainAspectRatio: false,
				scales: { x: { type: 'linear', ticks: { callback: (v) => formatNumber(Number(v), 3), maxRotation: 0 } }, y: { type: 'linear', ticks: { callback: (v) => formatNumber(Number(v), 3), maxTicksLimit: 6 } } },
				plugins: {
					legend: { display: true, position: 'bottom' },
					tooltip: { callbacks: { label: (item) => `α = ${formatNumber((item.raw as Point).x)}, L = ${formatNumber((item.raw as Point).y)}` } },
				},
			},
		};
	}
}
