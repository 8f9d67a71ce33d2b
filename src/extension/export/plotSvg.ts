/**
 * A run's plots as standalone SVG strings, for the Export Report command: the loss per step, and the landscape with
 * the path, which depends on the number of parameters (the panel's three views): the curve L(x) with the visited
 * points for one, a filled contour map with isolines for two (`contourSvg.ts`), the parameter traces for more.
 *
 * Inputs are plain data (the trajectory as a flat `Float64Array`, the losses, a sampled grid), so the plots are
 * pure functions that tests can call without VS Code; `reportData.ts` gathers them from a session.
 */
import { contourSvg } from './contourSvg';
import type { Grid, SvgOptions, Trajectory } from './plotData';
import {
	coord,
	currentDot,
	finiteExtent,
	frame,
	linearScale,
	logScale,
	plotRect,
	polylinePath,
	svgDocument,
	text,
	thinned,
	toX,
	toY,
	type Scale,
} from './svgParts';

/** At most this many points are drawn per series; longer runs are thinned evenly (first and last kept). */
const maxDrawn = 2000;
/** At most this many visited points are marked on the 1-D curve. */
const maxMarked = 200;

/** Whether `losses` call for a log axis: all finite values ≥ 0 and the positive ones span more than two decades. */
export function wantsLogScale(losses: ArrayLike<number>): boolean {
	const [min, max] = finiteExtent(losses);
	const positiveMin = smallestPositive(losses);
	return min >= 0 && positiveMin < Infinity && Math.log10(max / positiveMin) > 2;
}

function smallestPositive(values: ArrayLike<number>): number {
	let min = Infinity;
	for (let i = 0; i < values.length; i++) if (values[i]! > 0 && values[i]! < min) min = values[i]!;
	return min;
}

/** The loss axis: log when `wantsLogScale` (zeros sit on the bottom edge), else linear with a little headroom. */
function lossScale(losses: ArrayLike<number>): Scale {
	const [min, max] = finiteExtent(losses);
	if (wantsLogScale(losses)) return logScale(smallestPositive(losses), max);
	const pad = (max - min) * 0.05;
	return linearScale(min - pad, max + pad);
}

/** The loss per step, with the current record marked. */
export function lossPlotSvg(run: Trajectory, options: SvgOptions = {}): string {
	const n = run.losses.length;
	const x = linearScale(0, Math.max(1, n - 1));
	const y = lossScale(run.losses);
	const steps = thinned(n, maxDrawn);
	const line = polylinePath(steps.map((k) => [toX(x, k), toY(y, run.losses[k]!)]));
	const title = `${run.lossName}: loss per step${y.kind === 'log' ? ' (log scale)' : ''}`;
	const body =
		frame(title, 'step', 'loss', x, y) +
		`<path class="dh-line" d="${line}" fill="none" stroke="#0066b8" stroke-width="1.8" stroke-linejoin="round"/>\n` +
		currentDot(toX(x, run.current), toY(y, run.losses[run.current]!));
	return svgDocument(body, title, options.standalone ?? true);
}

/** The landscape and the path: a curve (d = 1), a contour map (d = 2, needs `grid`) or parameter traces. */
export function landscapeSvg(run: Trajectory, grid: Grid | undefined, options: SvgOptions = {}): string {
	const d = run.params.length;
	if (d === 1 && grid) return curveSvg(run, grid, options);
	if (d === 2 && grid) return contourSvg(run, grid, options);
	return tracesSvg(run, options);
}

/** L(x) over the grid's range, every visited point (thinned past 200) and the current one. */
export function curveSvg(run: Trajectory, grid: Grid, options: SvgOptions = {}): string {
	const values = grid.values.subarray(0, grid.nx);
	const [pMin, pMax] = finiteExtent([...values, ...run.losses]);
	const pad = (pMax - pMin) * 0.05;
	const x = linearScale(grid.xMin, grid.xMax);
	const y = linearScale(pMin - pad, pMax + pad);
	const dx = grid.nx > 1 ? (grid.xMax - grid.xMin) / (grid.nx - 1) : 0;
	const curve = polylinePath(Array.from(values, (v, i) => [toX(x, grid.xMin + i * dx), toY(y, v)]));
	const dots = thinned(run.losses.length, maxMarked)
		.filter((k) => Number.isFinite(run.points[k]!) && Number.isFinite(run.losses[k]!))
		.map((k) => {
			const [cx, cy] = [coord(toX(x, run.points[k]!)), coord(toY(y, run.losses[k]!))];
			return `<circle class="dh-dot" cx="${cx}" cy="${cy}" r="3" fill="#0066b8" fill-opacity="0.6"/>`;
		});
	const title = `${run.lossName}(${run.params[0]}): the curve and the path`;
	const body =
		frame(title, run.params[0]!, 'loss', x, y) +
		`<path class="dh-line" d="${curve}" fill="none" stroke="#0066b8" stroke-width="2"/>\n` +
		`${dots.join('\n')}\n` +
		currentDot(toX(x, run.points[run.current]!), toY(y, run.losses[run.current]!));
	return svgDocument(body, title, options.standalone ?? true);
}

/** A colour-blind-safe categorical palette (Okabe & Ito, "Color Universal Design", 2008), black left out. */
const traceColors = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442'];
/** At most this many traces are drawn; the title says how many there are. */
const maxTraces = 7;

/** Each parameter against the step, with a legend and a vertical line at the current step. */
export function tracesSvg(run: Trajectory, options: SvgOptions = {}): string {
	const d = run.params.length;
	const n = run.losses.length;
	const shown = Math.min(d, maxTraces);
	const values = run.points.filter((_, i) => i % d < shown);
	const [min, max] = finiteExtent(values);
	const pad = (max - min) * 0.05;
	const x = linearScale(0, Math.max(1, n - 1));
	const y = linearScale(min - pad, max + pad);
	const steps = thinned(n, maxDrawn);
	const lines: string[] = [];
	for (let i = 0; i < shown; i++) {
		const path = polylinePath(steps.map((k) => [toX(x, k), toY(y, run.points[k * d + i]!)]));
		lines.push(`<path d="${path}" fill="none" stroke="${traceColors[i]}" stroke-width="1.6"/>`);
		lines.push(legendEntry(run.params[i]!, traceColors[i]!, i));
	}
	const cx = coord(toX(x, run.current));
	const more = d > shown ? ` (first ${shown} of ${d})` : '';
	const title = `${run.lossName}: parameters per step${more}`;
	const body =
		frame(title, 'step', 'value', x, y) +
		`<line class="dh-axis" x1="${cx}" y1="${plotRect.top}" x2="${cx}" y2="${plotRect.top + plotRect.height}" ` +
		'stroke="#555555" stroke-dasharray="4 3"/>\n' +
		`${lines.join('\n')}\n`;
	return svgDocument(body, title, options.standalone ?? true);
}

function legendEntry(name: string, color: string, i: number): string {
	const right = plotRect.left + plotRect.width;
	const y = plotRect.top + 14 + i * 16;
	return (
		`<line x1="${right - 96}" y1="${y - 4}" x2="${right - 80}" y2="${y - 4}" stroke="${color}" stroke-width="3"/>` +
		text(name, right - 74, y, 'start')
	);
}
