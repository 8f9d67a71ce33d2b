/**
 * From the contour map's grid to the mesh the 3-D surface view draws: the grid cropped to the map's view and thinned
 * to at most `maxCells` quads a side (a 2-D canvas fills a few thousand quads per frame comfortably, not the grid's
 * twenty thousand), and the loss turned into a height in [0, 1].
 *
 * Height and colour come from the same contour levels as the map (`levels.ts`), so the surface wears the map's
 * colours. With linear levels the height is the loss itself, rescaled. With log-spaced levels (steep bowls such as
 * Rosenbrock, where the raw loss would be one spike and a flat floor) every band between two levels gets the same
 * height and the loss is linear inside a band: the height is then about log((loss − min) / a), the same compression
 * the map's colours use, and a colour on the surface always sits at one height. Pure; no DOM.
 */
import type { Landscape, ViewRange } from '../shared/messages';
import { bandOf, chooseLevels, type LevelChoice } from './levels';

/** Loss ↔ height in [0, 1]. */
export interface HeightScale {
	readonly kind: 'linear' | 'log';
	readonly min: number;
	readonly max: number;
	/** The height of a loss value: clamped to [0, 1]; NaN and +∞ are at the top. */
	height(value: number): number;
	/** The loss at height `z` (the inverse of `height` inside [min, max]). */
	value(z: number): number;
}

export interface SurfaceMesh {
	/** Parameter values of the columns (x) and rows (y), ascending. */
	readonly xs: Float64Array;
	readonly ys: Float64Array;
	/** Height of each vertex, row by row: vertex (i, j) is at j·xs.length + i. */
	readonly heights: Float64Array;
	/** The region the mesh covers. */
	readonly range: ViewRange;
	readonly levels: LevelChoice;
	readonly scale: HeightScale;
}

/** Contour levels on the grid, as the map chooses them. */
export const surfaceLevelCount = 20;

/** The height scale for `levels` (see the file header). */
export function heightScale(levels: LevelChoice): HeightScale {
	const { min, max } = levels;
	const knots = [min, ...levels.levels, max];
	const top = knots.length - 1;
	const clamp = (z: number) => (z > 1 ? 1 : z < 0 ? 0 : z);
	if (levels.scale === 'linear' || top < 2) {
		const span = max - min;
		return {
			kind: 'linear', min, max,
			height: (v) => (Number.isNaN(v) ? 1 : span > 0 ? clamp((v - min) / span) : 0.5),
			value: (z) => min + clamp(z) * (span > 0 ? span : 0),
		};
	}
	return {
		kind: 'log', min, max,
		height: (v) => {
			if (Number.isNaN(v) || v >= max) return 1;
			if (v <= min) return 0;
			const band = bandOf(levels.levels, v);
			return (band + (v - knots[band]!) / (knots[band + 1]! - knots[band]!)) / top;
		},
		value: (z) => {
			const t = clamp(z) * top;
			const band = Math.min(top - 1, Math.floor(t));
			return knots[band]! + (t - band) * (knots[band + 1]! - knots[band]!);
		},
	};
}

/** The mesh for `landscape` cropped to `view` (the whole grid when undefined), or undefined for a curve. */
export function buildMesh(landscape: Landscape, view: ViewRange | undefined, maxCells = 48): SurfaceMesh | undefined {
	if (landscape.kind !== 'grid' || landscape.nx < 2 || landscape.ny < 2) return undefined;
	const r = landscape.range;
	const columns = sampleIndices(landscape.nx, r.xMin, r.xMax, view?.xMin ?? r.xMin, view?.xMax ?? r.xMax, maxCells);
	const rows = sampleIndices(landscape.ny, r.yMin, r.yMax, view?.yMin ?? r.yMin, view?.yMax ?? r.yMax, maxCells);
	const at = (k: number, n: number, lo: number, hi: number) => lo + (k * (hi - lo)) / (n - 1);
	const xs = Float64Array.from(columns, (i) => at(i, landscape.nx, r.xMin, r.xMax));
	const ys = Float64Array.from(rows, (j) => at(j, landscape.ny, r.yMin, r.yMax));
	const levels = chooseLevels(landscape.values, surfaceLevelCount);
	const scale = heightScale(levels);
	const heights = new Float64Array(xs.length * ys.length);
	rows.forEach((j, row) => {
		columns.forEach((i, column) => {
			heights[row * xs.length + column] = scale.height(landscape.values[j * landscape.nx + i]!);
		});
	});
	const range = { xMin: xs[0]!, xMax: xs[xs.length - 1]!, yMin: ys[0]!, yMax: ys[ys.length - 1]! };
	return { xs, ys, heights, range, levels, scale };
}

/**
 * Grid indices of the samples inside [lo, hi] (at least two), evenly strided so that at most `maxCells` intervals
 * remain, always including the last one inside.
 */
export function sampleIndices(n: number, gridMin: number, gridMax: number, lo: number, hi: number, maxCells: number): number[] {
	const step = (gridMax - gridMin) / (n - 1);
	let first = Math.max(0, Math.min(n - 2, Math.ceil((lo - gridMin) / step - 1e-9)));
	let last = Math.min(n - 1, Math.max(first + 1, Math.floor((hi - gridMin) / step + 1e-9)));
	if (!Number.isFinite(first) || !Number.isFinite(last)) [first, last] = [0, n - 1];
	const stride = Math.max(1, Math.ceil((last - first) / Math.max(1, maxCells)));
	const indices: number[] = [];
	for (let k = first; k < last; k += stride) indices.push(k);
	// No sliver of a last cell: the last sample replaces one closer than half a stride.
	if (indices.length > 1 && last - indices[indices.length - 1]! < stride / 2) indices.pop();
	indices.push(last);
	return indices;
}

/** The band (as on the map) of each quad, from the mean height of its corners; quads numbered as in `quadOrder`. */
export function quadBands(mesh: SurfaceMesh): Uint16Array {
	const cols = mesh.xs.length;
	const bands = new Uint16Array((cols - 1) * (mesh.ys.length - 1));
	const h = mesh.heights;
	for (let j = 0; j < mesh.ys.length - 1; j++) {
		for (let i = 0; i < cols - 1; i++) {
			const k = j * cols + i;
			const mean = (h[k]! + h[k + 1]! + h[k + cols]! + h[k + cols + 1]!) / 4;
			bands[j * (cols - 1) + i] = bandOf(mesh.levels.levels, mesh.scale.value(mean));
		}
	}
	return bands;
}
