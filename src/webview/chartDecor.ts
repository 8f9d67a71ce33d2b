/**
 * What the panel's small scatter charts (the learning-rate explorer, the line search) share: the theme applied to
 * their axes, titles and legend, and vertical marker lines drawn by a Chart.js plugin.
 */
import type { Chart } from 'chart.js';
import type { Theme } from './theme';

/** Axis ticks, grid, titles (`titles`: x then y) and legend in the theme's colours and a slightly smaller font. */
export function applyScatterTheme(chart: Chart<'scatter', { x: number; y: number }[]>, theme: Theme, titles: readonly [string, string]): void {
	const font = { family: theme.font, size: Math.round(theme.fontSize * 0.85) };
	const scales = chart.options.scales!;
	for (const [axis, text] of [[scales.x!, titles[0]], [scales.y!, titles[1]]] as const) {
		axis.ticks = { ...axis.ticks, color: theme.foreground, font };
		axis.grid = { ...axis.grid, color: theme.gridLine };
		(axis as { title?: object }).title = { display: true, text, color: theme.foreground, font };
	}
	const legend = chart.options.plugins!.legend!;
	legend.labels = { ...legend.labels, color: theme.foreground, font, usePointStyle: true };
	chart.update('none');
}

/** A label beside a marker line: right of it near the bottom, or left of it near the top; `row` moves it that many lines inward. */
export interface MarkerLabel {
	readonly text: string;
	readonly side: 'left' | 'right';
	readonly row?: number;
}

/** A vertical line at x = `value` across the chart area (nothing when it falls outside), with an optional label. */
export function drawVerticalLine(chart: Chart<'scatter'>, value: number, color: string, dash: number[], label?: MarkerLabel): void {
	const x = chart.scales.x!.getPixelForValue(value);
	const area = chart.chartArea;
	if (!(x >= area.left && x <= area.right)) return;
	const c = chart.ctx;
	c.save();
	c.strokeStyle = color;
	c.fillStyle = color;
	c.globalAlpha = label ? 1 : 0.7;
	c.lineWidth = 1.5;
	c.setLineDash(dash);
	c.beginPath();
	c.moveTo(x, area.top);
	c.lineTo(x, area.bottom);
	c.stroke();
	if (label) {
		c.textAlign = label.side === 'right' ? 'left' : 'right';
		c.textBaseline = 'top';
		const shift = (label.row ?? 0) * 14;
		c.fillText(label.text, x + (label.side === 'right' ? 4 : -4), label.side === 'right' ? area.bottom - 16 - shift : area.top + 16 + shift);
	}
	c.restore();
}
