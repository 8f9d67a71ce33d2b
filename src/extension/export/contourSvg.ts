/**
 * The contour map of a 2-parameter run as SVG: filled viridis bands and isolines from d3-contour's marching squares
 * (`contours().size([nx, ny]).thresholds(levels)`, the panel's method), a colour bar, the trajectory polyline, the
 * start point and the current point.
 *
 * d3-contour puts value i of a row at grid coordinate i + 0.5, and the grid samples x_i = xMin + i·Δx end to end,
 * so grid coordinate g is x = xMin + (g − 0.5)·Δx. The outermost half cell falls outside the axes and is clipped.
 */
import { contours, type ContourMultiPolygon } from 'd3-contour';
import { contourLevels, isLight, viridis } from './contourLevels';
import type { Grid, SvgOptions, Trajectory } from './plotData';
import {
	coord,
	currentDot,
	finiteExtent,
	frame,
	linearScale,
	margin,
	plotHeight,
	plotWidth,
	polylinePath,
	svgDocument,
	text,
	thinned,
	toX,
	toY,
	type PlotRect,
	type Scale,
} from './svgParts';

/** Leaves room on the right for the colour bar. */
const rect: PlotRect = {
	left: margin.left,
	top: margin.top,
	width: plotWidth - margin.left - 96,
	height: plotHeight - margin.top - margin.bottom,
};
const clipId = 'dh-landscape-clip';
const maxDrawn = 2000;

export function contourSvg(run: Trajectory, grid: Grid, options: SvgOptions = {}): string {
	const x = linearScale(grid.xMin, grid.xMax);
	const y = linearScale(grid.yMin, grid.yMax);
	const { levels } = contourLevels(grid.values);
	const polygons =
		levels.length > 0
			? contours().size([grid.nx, grid.ny]).thresholds([...levels])(Array.from(finiteCopy(grid.values)))
			: [];
	const color = (band: number) => viridis(levels.length === 0 ? 0 : band / levels.length);
	const toUser = gridToUser(grid, x, y);
	const paths = polygons.map((polygon) => polygonPath(polygon, toUser));
	const bands = paths.map((d, k) => (d ? `<path d="${d}" fill="${color(k + 1)}" fill-rule="evenodd"/>` : ''));
	// Dark isolines over light bands, light ones over dark bands.
	const isolines = paths.map((d, k) => {
		const stroke = isLight(color(k + 1)) ? '#000000' : '#ffffff';
		return d ? `<path class="dh-isoline" d="${d}" fill="none" stroke="${stroke}" stroke-opacity="0.4" stroke-width="0.8"/>` : '';
	});
	const [p, q] = run.params as [string, string];
	const title = `${run.lossName}(${p}, ${q}): contours and the path`;
	const body =
		`<clipPath id="${clipId}"><rect x="${rect.left}" y="${rect.top}" width="${rect.width}" height="${rect.height}"/></clipPath>\n` +
		`<g clip-path="url(#${clipId})">\n` +
		`<rect x="${rect.left}" y="${rect.top}" width="${rect.width}" height="${rect.height}" fill="${color(0)}"/>\n` +
		`${bands.filter(Boolean).join('\n')}\n${isolines.filter(Boolean).join('\n')}\n${path(run, x, y)}</g>\n` +
		frame(title, p, q, x, y, rect).replace(/<line class="dh-grid"[^>]*\/>\n?/g, '') +
		colorBar(levels, color) +
		endpoints(run, x, y);
	return svgDocument(body, title, options.standalone ?? true);
}

/** Grid coordinates (d3-contour's) to user units. */
function gridToUser(grid: Grid, x: Scale, y: Scale): (g: readonly number[]) => [number, number] {
	const dx = grid.nx > 1 ? (grid.xMax - grid.xMin) / (grid.nx - 1) : 0;
	const dy = grid.ny > 1 ? (grid.yMax - grid.yMin) / (grid.ny - 1) : 0;
	return (g) => [toX(x, grid.xMin + (g[0]! - 0.5) * dx, rect), toY(y, grid.yMin + (g[1]! - 0.5) * dy, rect)];
}

/** One SVG path for a MultiPolygon: every ring closed. */
function polygonPath(polygon: ContourMultiPolygon, toUser: (g: readonly number[]) => [number, number]): string {
	let d = '';
	for (const rings of polygon.coordinates) {
		for (const ring of rings) {
			ring.forEach((g, i) => {
				const [px, py] = toUser(g);
				d += `${i === 0 ? 'M' : 'L'}${coord(px)} ${coord(py)}`;
			});
			if (ring.length > 0) d += 'Z';
		}
	}
	return d;
}

/** The trajectory: a dark casing under a white line, so it reads over every band. */
function path(run: Trajectory, x: Scale, y: Scale): string {
	const points = thinned(run.losses.length, maxDrawn).map((k) => [toX(x, run.points[2 * k]!, rect), toY(y, run.points[2 * k + 1]!, rect)] as const);
	const d = polylinePath(points);
	return (
		`<path d="${d}" fill="none" stroke="#000000" stroke-opacity="0.55" stroke-width="3.6" stroke-linejoin="round"/>\n` +
		`<path d="${d}" fill="none" stroke="#ffffff" stroke-width="1.6" stroke-linejoin="round"/>\n`
	);
}

function endpoints(run: Trajectory, x: Scale, y: Scale): string {
	const at = (k: number) => [toX(x, run.points[2 * k]!, rect), toY(y, run.points[2 * k + 1]!, rect)] as const;
	const [sx, sy] = at(0);
	const start = Number.isFinite(sx) && Number.isFinite(sy)
		? `<circle cx="${coord(sx)}" cy="${coord(sy)}" r="5" fill="#ffffff" stroke="#000000" stroke-width="1.5"><title>start</title></circle>\n`
		: '';
	return start + currentDot(...at(run.current));
}

/** A vertical bar of the bands at the right, labelled at a few levels. */
function colorBar(levels: readonly number[], color: (band: number) => string): string {
	const bands = levels.length + 1;
	const left = rect.left + rect.width + 16;
	const height = rect.height / bands;
	const parts: string[] = [];
	for (let b = 0; b < bands; b++) {
		const top = rect.top + rect.height - (b + 1) * height;
		parts.push(`<rect x="${left}" y="${coord(top)}" width="14" height="${coord(height + 0.5)}" fill="${color(b)}"/>`);
	}
	const every = Math.max(1, Math.ceil(levels.length / 6));
	for (let k = 0; k < levels.length; k += every) {
		parts.push(text(formatLevel(levels[k]!), left + 18, rect.top + rect.height - (k + 1) * height + 4, 'start', ' font-size="10"'));
	}
	parts.push(text('loss', left + 7, rect.top - 8, 'middle', ' font-size="10"'));
	return `${parts.join('\n')}\n`;
}

function formatLevel(value: number): string {
	return Math.abs(value) >= 1e4 || (Math.abs(value) < 1e-2 && value !== 0) ? value.toExponential(1) : String(Number(value.toPrecision(3)));
}

/** Values with NaN and ±∞ replaced: +∞ and NaN above every finite value, −∞ below. */
function finiteCopy(values: Float64Array): Float64Array {
	const [min, max] = finiteExtent(values);
	const span = Number.isFinite(max - min) ? max - min + 1 : 1;
	return values.map((v) => (Number.isFinite(v) ? v : v === -Infinity ? min - span : max + span));
}
