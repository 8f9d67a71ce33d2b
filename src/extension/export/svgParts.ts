/**
 * The pieces every exported plot is made of: escaped text, linear and log scales with readable ticks, the frame
 * (background, title, axes, tick labels) and the `<svg>` wrapper. Pure string building with no `vscode` and no DOM,
 * so the plots can be unit-tested and written by any host.
 *
 * Colours are presentation attributes (light, readable in any SVG viewer); one `<style>` with
 * `prefers-color-scheme: dark` overrides them by class, so the same markup follows a dark browser or report.
 */
import { formatCompact } from '../formatCompact';

/** The plot's size in user units (the viewBox); the plot area is inset by `margin`. */
export const plotWidth = 640;
export const plotHeight = 400;
export const margin = { left: 72, right: 24, top: 40, bottom: 52 } as const;

/** The plot area in user units. */
export interface PlotRect {
	readonly left: number;
	readonly top: number;
	readonly width: number;
	readonly height: number;
}

export const plotRect: PlotRect = {
	left: margin.left,
	top: margin.top,
	width: plotWidth - margin.left - margin.right,
	height: plotHeight - margin.top - margin.bottom,
};

/** A data axis: maps a value to a fraction of the axis (0 at min, 1 at max) and lists its ticks. */
export interface Scale {
	readonly kind: 'linear' | 'log';
	fraction(value: number): number;
	readonly ticks: readonly number[];
}

/** Text safe in XML and HTML element content and in double- or single-quoted attributes. */
export function escapeXml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A coordinate in user units, rounded to 0.1 so paths stay short. */
export function coord(value: number): string {
	return String(Math.round(value * 10) / 10);
}

/** A tick label: at most 5 significant digits, exponent form for very small or large values. */
export function tickLabel(value: number): string {
	return formatCompact(value);
}

/** 1, 2 or 5 times a power of ten near `span / count` (d3-array's `tickIncrement` thresholds: √2, √10, √50). */
export function niceStep(span: number, count: number): number {
	const raw = span / Math.max(1, count);
	const power = 10 ** Math.floor(Math.log10(raw));
	const f = raw / power;
	return (f >= Math.sqrt(50) ? 10 : f >= Math.sqrt(10) ? 5 : f >= Math.SQRT2 ? 2 : 1) * power;
}

/** A linear scale over [min, max] (widened when empty) with about `count` round ticks inside it. */
export function linearScale(min: number, max: number, count = 6): Scale {
	if (!(max > min)) [min, max] = Number.isFinite(min) ? [min - 1, min + 1] : [0, 1];
	const step = niceStep(max - min, count);
	const ticks: number[] = [];
	// Rounded to 12 digits so 0.1·3 is 0.3 and a tick at zero is exactly 0.
	for (let k = Math.ceil(min / step); k * step <= max + step * 1e-9 && ticks.length < 4 * count; k++) ticks.push(Number((k * step).toPrecision(12)) + 0);
	return { kind: 'linear', fraction: (v) => (v - min) / (max - min), ticks };
}

/** A log₁₀ scale over [min, max] (both > 0), ticks at powers of ten (every k-th decade when there are many). */
export function logScale(min: number, max: number, count = 7): Scale {
	const lo = Math.log10(min);
	const hi = Math.log10(max);
	const every = Math.max(1, Math.ceil((Math.ceil(hi) - Math.floor(lo)) / count));
	const ticks: number[] = [];
	for (let e = Math.ceil(lo); e <= Math.floor(hi); e++) if (e % every === 0) ticks.push(10 ** e);
	return { kind: 'log', fraction: (v) => (Math.log10(Math.max(v, min)) - lo) / (hi - lo || 1), ticks };
}

/** Data → user units in the plot area (y grows upwards). */
export function toX(scale: Scale, value: number, rect: PlotRect = plotRect): number {
	return rect.left + scale.fraction(value) * rect.width;
}

export function toY(scale: Scale, value: number, rect: PlotRect = plotRect): number {
	return rect.top + rect.height - scale.fraction(value) * rect.height;
}

const darkStyle =
	'@media (prefers-color-scheme: dark) {' +
	' .dh-bg { fill: #1e1e1e; } .dh-text { fill: #d4d4d4; } .dh-axis { stroke: #8a8a8a; }' +
	' .dh-grid { stroke: #3a3a3a; } .dh-line { stroke: #4fc1ff; } .dh-dot { fill: #4fc1ff; }' +
	' .dh-current { fill: #ff8c5a; stroke: #1e1e1e; } }';

/**
 * The `<svg>` element around `body`. A standalone file declares the SVG namespace; markup inlined into HTML leaves
 * it out (HTML parsers put `<svg>` in that namespace anyway), so the report holds no URL at all.
 */
export function svgDocument(body: string, label: string, standalone: boolean): string {
	const ns = standalone ? ' xmlns="http://www.w3.org/2000/svg"' : '';
	return (
		`<svg${ns} viewBox="0 0 ${plotWidth} ${plotHeight}" width="${plotWidth}" height="${plotHeight}" role="img" ` +
		`aria-label="${escapeXml(label)}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="12">\n` +
		`<style>${darkStyle}</style>\n` +
		`<rect class="dh-bg" width="${plotWidth}" height="${plotHeight}" fill="#ffffff"/>\n${body}</svg>\n`
	);
}

/** Title, axis labels, grid lines, the axes and their tick labels. */
export function frame(title: string, xLabel: string, yLabel: string, x: Scale, y: Scale, rect: PlotRect = plotRect): string {
	const parts: string[] = [];
	const bottom = rect.top + rect.height;
	const right = rect.left + rect.width;
	for (const t of x.ticks) {
		const px = coord(toX(x, t, rect));
		parts.push(`<line class="dh-grid" x1="${px}" y1="${rect.top}" x2="${px}" y2="${bottom}" stroke="#e6e6e6"/>`);
		parts.push(text(tickLabel(t), toX(x, t, rect), bottom + 16, 'middle'));
	}
	for (const t of y.ticks) {
		const py = coord(toY(y, t, rect));
		parts.push(`<line class="dh-grid" x1="${rect.left}" y1="${py}" x2="${right}" y2="${py}" stroke="#e6e6e6"/>`);
		parts.push(text(tickLabel(t), rect.left - 6, toY(y, t, rect) + 4, 'end'));
	}
	parts.push(
		`<path class="dh-axis" d="M${rect.left} ${rect.top}V${bottom}H${right}" fill="none" stroke="#555555"/>`,
		text(title, plotWidth / 2, 24, 'middle', ' font-size="15" font-weight="600"'),
		text(xLabel, rect.left + rect.width / 2, bottom + 38, 'middle'),
		`<text class="dh-text" transform="translate(18 ${coord(rect.top + rect.height / 2)}) rotate(-90)" ` +
			`text-anchor="middle" fill="#222222">${escapeXml(yLabel)}</text>`,
	);
	return `${parts.join('\n')}\n`;
}

/** A `<text>` element with escaped content. */
export function text(content: string, x: number, y: number, anchor: 'start' | 'middle' | 'end', extra = ''): string {
	return `<text class="dh-text" x="${coord(x)}" y="${coord(y)}" text-anchor="${anchor}" fill="#222222"${extra}>${escapeXml(content)}</text>`;
}

/** Indices 0..n-1 thinned to at most `limit` evenly spaced ones, always keeping the first and the last. */
export function thinned(n: number, limit: number): number[] {
	if (n <= limit) return Array.from({ length: n }, (_, i) => i);
	const stride = (n - 1) / (limit - 1);
	return Array.from({ length: limit }, (_, i) => Math.round(i * stride));
}

/** A polyline path through the points `[x, y]`, broken where a point is not finite. */
export function polylinePath(points: readonly (readonly [number, number])[]): string {
	let d = '';
	let pen = false;
	for (const [x, y] of points) {
		if (!Number.isFinite(x) || !Number.isFinite(y)) {
			pen = false;
			continue;
		}
		d += `${pen ? 'L' : 'M'}${coord(x)} ${coord(y)}`;
		pen = true;
	}
	return d;
}

/** The smallest and largest finite value of `values` (±Infinity when there is none). */
export function finiteExtent(values: ArrayLike<number>): [number, number] {
	let min = Infinity;
	let max = -Infinity;
	for (let i = 0; i < values.length; i++) {
		const v = values[i]!;
		if (!Number.isFinite(v)) continue;
		if (v < min) min = v;
		if (v > max) max = v;
	}
	return [min, max];
}

/** The current point: a filled dot with a ring, on top of everything. */
export function currentDot(x: number, y: number): string {
	if (!Number.isFinite(x) || !Number.isFinite(y)) return '';
	return (
		`<circle class="dh-current" cx="${coord(x)}" cy="${coord(y)}" r="5.5" fill="#d9480f" stroke="#ffffff" stroke-width="1.5">` +
		'<title>current point</title></circle>\n'
	);
}
