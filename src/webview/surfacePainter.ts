/**
 * What the 3-D surface view paints, in painter's order: the floor with its grid, the mesh (filled quads in the map's
 * band colours with thin mesh lines, farthest first), the trajectory lifted onto the surface, and the axes with the
 * two parameter names and "loss". Works in CSS pixels on a context from `CanvasSurface`; the geometry is in
 * `surfaceProjection.ts` and the mesh in `surfaceMesh.ts`. Split from `surfaceView.ts`, which owns the canvas, the
 * camera and the input.
 */
import type { ViewRange } from '../shared/messages';
import { bandColor, cssColor, relativeLuminance, type ColorMapName, type Rgb } from './colorMaps';
import { formatNumber } from './formatNumber';
import { niceTicks } from './niceNumbers';
import { fontOf } from './plotPainter';
import type { SurfaceMesh } from './surfaceMesh';
import { fitViewport, headlight, quadOrder, SurfaceProjector, type SurfaceCamera } from './surfaceProjection';
import type { Theme } from './theme';

/** Height of the box relative to its longer floor side (2). */
const boxHeight = 1;

/** The mesh in world coordinates under one camera. */
export interface SurfaceScene {
	readonly mesh: SurfaceMesh;
	readonly projector: SurfaceProjector;
	readonly halfX: number;
	readonly halfY: number;
	/** World X of parameter value `x`, world Y of `y`, world Z of height `h` in [0, 1]. */
	wx(x: number): number;
	wy(y: number): number;
	wz(h: number): number;
}

/** The scene for `mesh` seen by `camera`, fitted into `area` (CSS pixels). */
export function surfaceScene(mesh: SurfaceMesh, camera: SurfaceCamera, area: { left: number; top: number; width: number; height: number }): SurfaceScene {
	const r = mesh.range;
	const spanX = r.xMax - r.xMin;
	const spanY = r.yMax - r.yMin;
	const longer = Math.max(spanX, spanY);
	// A strip much longer than wide would be a ribbon: the shorter side keeps at least 40 % of the longer one.
	const halfX = Math.max(0.4, spanX / longer);
	const halfY = Math.max(0.4, spanY / longer);
	const fitted = fitViewport({ halfX, halfY, height: boxHeight }, camera, area);
	const world = {
		wx: (x: number) => ((x - r.xMin) / spanX - 0.5) * 2 * halfX,
		wy: (y: number) => ((y - r.yMin) / spanY - 0.5) * 2 * halfY,
		wz: (h: number) => (h - 0.5) * boxHeight,
	};
	// The box is fitted for its tallest outline; the surface rarely fills the top of it, so centre what is drawn.
	const [top, bottom] = verticalExtent(mesh, new SurfaceProjector(camera, fitted), world);
	const cy = fitted.cy + (area.top + area.height / 2 - (top + bottom) / 2);
	return { mesh, projector: new SurfaceProjector(camera, { ...fitted, cy }), halfX, halfY, ...world };
}

/** The canvas rows the surface and its floor cover under `projector`. */
function verticalExtent(mesh: SurfaceMesh, projector: SurfaceProjector, world: Pick<SurfaceScene, 'wx' | 'wy' | 'wz'>): [number, number] {
	let top = Infinity;
	let bottom = -Infinity;
	const cols = mesh.xs.length;
	for (let j = 0; j < mesh.ys.length; j++) {
		for (let i = 0; i < cols; i++) {
			const [x, y] = [world.wx(mesh.xs[i]!), world.wy(mesh.ys[j]!)];
			top = Math.min(top, projector.screenY(x, y, world.wz(mesh.heights[j * cols + i]!)));
			bottom = Math.max(bottom, projector.screenY(x, y, world.wz(0)));
		}
	}
	// The loss axis stands at the leftmost corner, up to the top of the box.
	const [lx, ly] = leftmostCorner(projector, world.wx(mesh.range.xMin), world.wx(mesh.range.xMax), world.wy(mesh.range.yMin), world.wy(mesh.range.yMax));
	top = Math.min(top, projector.screenY(lx, ly, world.wz(1)));
	return Number.isFinite(top) && Number.isFinite(bottom) ? [top, bottom] : [0, 0];
}

/** The floor corner furthest left on the canvas (where the loss axis goes). */
function leftmostCorner(p: SurfaceProjector, x0: number, x1: number, y0: number, y1: number): [number, number] {
	const corners: [number, number][] = [[x0, y0], [x1, y0], [x1, y1], [x0, y1]];
	return corners.reduce((best, c) => (p.screenX(c[0], c[1]) < p.screenX(best[0], best[1]) ? c : best));
}

/** Shading steps per band, from the darkest slope (`darkest` of the band's colour) to level ground (the colour). */
const shades = 8;
const darkest = 0.62;

/**
 * Fill and mesh-line colours of each band and shade, in colour map `name`: style b·shades + s is band b at shade s.
 * Level ground has exactly the map's colour; slopes turned from the light are darker (the hue, which carries the
 * height, stays).
 */
export function bandStyles(name: ColorMapName, bands: number): { fill: string[]; line: string[] } {
	const fill: string[] = [];
	const line: string[] = [];
	for (let b = 0; b < bands; b++) {
		const base = bandColor(name, b, bands);
		for (let s = 0; s < shades; s++) {
			const rgb = mix([0, 0, 0], base, darkest + ((1 - darkest) * s) / (shades - 1));
			fill.push(cssColor(rgb));
			// Dark lines over light bands, light ones over dark bands; opaque, so they also hide the seams between quads.
			line.push(cssColor(relativeLuminance(base) > 0.3 ? mix(rgb, [0, 0, 0], 0.25) : mix(rgb, [255, 255, 255], 0.2)));
		}
	}
	return { fill, line };
}

/** The shade step of the quad whose corners have world heights z00, z10, z01, z11 over a dx × dy cell. */
function shadeOf(light: readonly number[], dx: number, dy: number, z00: number, z10: number, z01: number, z11: number): number {
	const gx = (z10 - z00 + z11 - z01) / (2 * dx);
	const gy = (z01 - z00 + z11 - z10) / (2 * dy);
	const lit = (-gx * light[0]! - gy * light[1]! + light[2]!) / Math.hypot(gx, gy, 1) / light[2]!;
	return Math.round(Math.min(1, Math.max(0, lit)) * (shades - 1));
}

/**
 * The filled quads, farthest first. `bands` from `quadBands`. `before(key)` runs before each quad with the quad's
 * painter's key (`SurfaceProjector.away` of its centre), so things on the surface can be painted in between.
 */
export function drawMesh(ctx: CanvasRenderingContext2D, scene: SurfaceScene, bands: Uint16Array, styles: { fill: string[]; line: string[] }, before: (key: number) => void = () => {}): void {
	const { xs, ys, heights } = scene.mesh;
	const cols = xs.length;
	const wxs = Float64Array.from(xs, scene.wx);
	const wys = Float64Array.from(ys, scene.wy);
	const px = new Float64Array(heights.length);
	const py = new Float64Array(heights.length);
	for (let j = 0; j < ys.length; j++) {
		for (let i = 0; i < cols; i++) {
			const k = j * cols + i;
			px[k] = scene.projector.screenX(wxs[i]!, wys[j]!);
			py[k] = scene.projector.screenY(wxs[i]!, wys[j]!, scene.wz(heights[k]!));
		}
	}
	const light = headlight(scene.projector.camera);
	ctx.save();
	ctx.lineWidth = 0.7;
	ctx.lineJoin = 'round';
	for (const q of quadOrder(wxs, wys, scene.projector)) {
		const [i, j] = [q % (cols - 1), Math.floor(q / (cols - 1))];
		const k = j * cols + i;
		before(scene.projector.away((wxs[i]! + wxs[i + 1]!) / 2, (wys[j]! + wys[j + 1]!) / 2));
		ctx.beginPath();
		ctx.moveTo(px[k]!, py[k]!);
		ctx.lineTo(px[k + 1]!, py[k + 1]!);
		ctx.lineTo(px[k + cols + 1]!, py[k + cols + 1]!);
		ctx.lineTo(px[k + cols]!, py[k + cols]!);
		ctx.closePath();
		const z = (v: number) => scene.wz(heights[v]!);
		const style = bands[q]! * shades + shadeOf(light, wxs[i + 1]! - wxs[i]!, wys[j + 1]! - wys[j]!, z(k), z(k + 1), z(k + cols), z(k + cols + 1));
		ctx.fillStyle = styles.fill[style]!;
		ctx.fill();
		ctx.strokeStyle = styles.line[style]!;
		ctx.stroke();
	}
	ctx.restore();
}

/** The floor's outline and a faint grid at the round values of both parameters (drawn first: the surface covers it). */
export function drawFloor(ctx: CanvasRenderingContext2D, scene: SurfaceScene, theme: Theme): void {
	const r = scene.mesh.range;
	const z = scene.wz(0);
	const p = scene.projector;
	const segment = (x0: number, y0: number, x1: number, y1: number) => {
		ctx.moveTo(p.screenX(x0, y0), p.screenY(x0, y0, z));
		ctx.lineTo(p.screenX(x1, y1), p.screenY(x1, y1, z));
	};
	ctx.save();
	ctx.strokeStyle = theme.gridLine;
	ctx.lineWidth = 1;
	ctx.beginPath();
	for (const x of niceTicks(r.xMin, r.xMax, 5)) segment(scene.wx(x), -scene.halfY, scene.wx(x), scene.halfY);
	for (const y of niceTicks(r.yMin, r.yMax, 5)) segment(-scene.halfX, scene.wy(y), scene.halfX, scene.wy(y));
	ctx.stroke();
	ctx.strokeStyle = theme.muted;
	ctx.beginPath();
	const [hx, hy] = [scene.halfX, scene.halfY];
	segment(-hx, -hy, hx, -hy);
	segment(hx, -hy, hx, hy);
	segment(hx, hy, -hx, hy);
	segment(-hx, hy, -hx, -hy);
	ctx.stroke();
	ctx.restore();
}

/** Tick labels and names along the two floor edges nearest the viewer, and the loss axis at the leftmost corner. */
export function drawSurfaceAxes(ctx: CanvasRenderingContext2D, scene: SurfaceScene, theme: Theme, names: { x: string; y: string; loss: string }): void {
	const p = scene.projector;
	const [hx, hy] = [scene.halfX, scene.halfY];
	const corners: [number, number][] = [[-hx, -hy], [hx, -hy], [hx, hy], [-hx, hy]];
	const z = scene.wz(0);
	const near = corners.reduce((best, c) => (p.away(c[0], c[1]) < p.away(best[0], best[1]) ? c : best));
	const left = leftmostCorner(p, -hx, hx, -hy, hy);
	const r = scene.mesh.range;
	ctx.save();
	ctx.font = fontOf(theme);
	ctx.fillStyle = theme.foreground;
	ctx.strokeStyle = theme.muted;
	ctx.lineWidth = 1;
	const [lx, ly] = left;
	const sx = p.screenX(lx, ly);
	const avoid: [number, number] = [sx, p.screenY(lx, ly, z)];
	edgeTicks(ctx, scene, r.xMin, r.xMax, (v) => [scene.wx(v), near[1]], { name: names.x, avoid }, theme);
	edgeTicks(ctx, scene, r.yMin, r.yMax, (v) => [near[0], scene.wy(v)], { name: names.y, avoid }, theme);
	ctx.beginPath();
	ctx.moveTo(sx, p.screenY(lx, ly, z));
	ctx.lineTo(sx, p.screenY(lx, ly, scene.wz(1)));
	ctx.stroke();
	ctx.textAlign = 'right';
	ctx.textBaseline = 'middle';
	for (const h of lossTicks(scene.mesh)) {
		const y = p.screenY(lx, ly, scene.wz(h.height));
		ctx.beginPath();
		ctx.moveTo(sx - 4, y);
		ctx.lineTo(sx, y);
		ctx.stroke();
		ctx.fillText(h.label, sx - 6, y);
	}
	ctx.font = fontOf(theme, 1, 'bold');
	ctx.textAlign = 'center';
	ctx.textBaseline = 'bottom';
	ctx.fillText(names.loss, sx, p.screenY(lx, ly, scene.wz(1)) - 6);
	ctx.restore();
}

/**
 * Round values along one floor edge, labelled outside the floor, with the parameter's name past the middle; labels
 * that would sit on the loss axis's lowest tick (`avoid`) are left out.
 */
function edgeTicks(ctx: CanvasRenderingContext2D, scene: SurfaceScene, lo: number, hi: number, at: (v: number) => [number, number], label: { name: string; avoid: [number, number] }, theme: Theme): void {
	const p = scene.projector;
	const z = scene.wz(0);
	const centre = [p.screenX(0, 0), p.screenY(0, 0, z)] as const;
	const place = (v: number, distance: number): [number, number] => {
		const [x, y] = at(v);
		const sx = p.screenX(x, y);
		const sy = p.screenY(x, y, z);
		const length = Math.hypot(sx - centre[0], sy - centre[1]) || 1;
		return [sx + ((sx - centre[0]) / length) * distance, sy + ((sy - centre[1]) / length) * distance];
	};
	ctx.textAlign = 'center';
	ctx.textBaseline = 'middle';
	const ticks = niceTicks(lo, hi, 4);
	for (const v of ticks) {
		const [x, y] = place(v, 14);
		if (Math.hypot(x - label.avoid[0], y - label.avoid[1]) > 40) ctx.fillText(formatNumber(v, 3), x, y);
	}
	ctx.save();
	ctx.font = fontOf(theme, 1, 'bold');
	ctx.fillText(label.name, ...place((lo + hi) / 2, 34));
	ctx.restore();
}

/** About five labelled heights on the loss axis: round losses on a linear scale, even heights on a log one. */
export function lossTicks(mesh: SurfaceMesh): { height: number; label: string }[] {
	const s = mesh.scale;
	if (s.kind === 'linear') return niceTicks(s.min, s.max, 4).map((v) => ({ height: s.height(v), label: formatNumber(v, 3) }));
	return [0, 0.25, 0.5, 0.75, 1].map((h) => ({ height: h, label: formatNumber(s.value(h), 2) }));
}

/** True when (x, y) lies in `range`. */
export function inRange(range: ViewRange, x: number, y: number): boolean {
	return x >= range.xMin && x <= range.xMax && y >= range.yMin && y <= range.yMax;
}

function mix(a: Rgb, b: Rgb, t: number): Rgb {
	return [Math.round(a[0] + (b[0] - a[0]) * t), Math.round(a[1] + (b[1] - a[1]) * t), Math.round(a[2] + (b[2] - a[2]) * t)];
}
