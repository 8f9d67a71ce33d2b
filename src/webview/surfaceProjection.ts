/**
 * The geometry of the 3-D surface view (`surfaceView.ts`), pure so it can be tested by hand: an orthographic camera
 * turned by an azimuth about the vertical axis and tilted by an elevation above the floor, the map from the surface's
 * box to canvas pixels, and the back-to-front order of the mesh's quads for the painter's algorithm.
 *
 * World coordinates: X to the right and Y away from the viewer at azimuth 0, Z up. The box is X ∈ [−halfX, halfX],
 * Y ∈ [−halfY, halfY], Z ∈ [−height/2, height/2]. At elevation 90° and azimuth 0 the view is the contour map
 * (x right, y up). A height field seen from above by an orthographic camera is drawn correctly by painting its
 * cells in order of decreasing horizontal distance from the viewer (the far-to-near order for grid surfaces, as in
 * D. P. Anderson, "Hidden line elimination in projected grid surfaces", ACM TOG 1(4), 1982; a list-priority
 * algorithm in Foley, van Dam et al., "Computer Graphics: Principles and Practice", 2nd ed., §15.5). The height of
 * a cell does not enter the order, which keeps a tall peak at the back behind the valley in front of it.
 */

/** Camera angles in degrees. */
export interface SurfaceCamera {
	/** Rotation about the vertical axis; positive turns the front edge to the right. */
	readonly azimuth: number;
	/** Angle above the floor, from `minElevation` (almost side-on) to 90 (straight down, the map). */
	readonly elevation: number;
}

/** A projected point: canvas pixels and depth towards the viewer (larger is nearer). */
export interface ProjectedPoint {
	readonly x: number;
	readonly y: number;
	readonly depth: number;
}

/** Where the box's centre lands on the canvas and how many pixels one world unit is. */
export interface SurfaceViewport {
	readonly cx: number;
	readonly cy: number;
	readonly scale: number;
}

export const minElevation = 5;
export const maxElevation = 90;
export const defaultCamera: SurfaceCamera = { azimuth: -35, elevation: 32 };

const radians = Math.PI / 180;

/** The camera with elevation clamped to [minElevation, maxElevation] and azimuth wrapped into (−180, 180]. */
export function clampCamera(camera: SurfaceCamera): SurfaceCamera {
	const a = Number.isFinite(camera.azimuth) ? camera.azimuth : defaultCamera.azimuth;
	const e = Number.isFinite(camera.elevation) ? camera.elevation : defaultCamera.elevation;
	let azimuth = ((a % 360) + 360) % 360;
	if (azimuth > 180) azimuth -= 360;
	return { azimuth, elevation: Math.min(maxElevation, Math.max(minElevation, e)) };
}

/** A projection of world points to canvas pixels for `camera` and `viewport`. */
export class SurfaceProjector {
	private readonly cosA: number;
	private readonly sinA: number;
	private readonly cosE: number;
	private readonly sinE: number;

	constructor(readonly camera: SurfaceCamera, readonly viewport: SurfaceViewport) {
		this.cosA = Math.cos(camera.azimuth * radians);
		this.sinA = Math.sin(camera.azimuth * radians);
		this.cosE = Math.cos(camera.elevation * radians);
		this.sinE = Math.sin(camera.elevation * radians);
	}

	/** Horizontal distance away from the viewer (the painter's key of a height field). */
	away(x: number, y: number): number {
		return x * this.sinA + y * this.cosA;
	}

	/** Canvas x of a world point (it does not depend on the height). */
	screenX(x: number, y: number): number {
		return this.viewport.cx + this.viewport.scale * (x * this.cosA - y * this.sinA);
	}

	/** Canvas y of a world point (down the canvas). */
	screenY(x: number, y: number, z: number): number {
		return this.viewport.cy - this.viewport.scale * (this.away(x, y) * this.sinE + z * this.cosE);
	}

	/** Canvas position and depth of a world point. */
	project(x: number, y: number, z: number): ProjectedPoint {
		return { x: this.screenX(x, y), y: this.screenY(x, y, z), depth: -this.away(x, y) * this.cosE + z * this.sinE };
	}
}

/**
 * The direction towards the light in world coordinates (a unit vector): mostly from above, a little from the
 * viewer's front left, turning with the camera so the side in view is always lit the same way.
 */
export function headlight(camera: SurfaceCamera): [number, number, number] {
	const a = camera.azimuth * radians;
	const [front, left] = [0.45, 0.35];
	const x = -front * Math.sin(a) - left * Math.cos(a);
	const y = -front * Math.cos(a) + left * Math.sin(a);
	const length = Math.hypot(x, y, 1);
	return [x / length, y / length, 1 / length];
}

/**
 * A viewport that fits the box into a `width` × `height` pixel area at any azimuth (so turning never zooms): the
 * floor's diagonal bounds the width, and the tallest outline at this elevation bounds the height.
 */
export function fitViewport(box: { halfX: number; halfY: number; height: number }, camera: SurfaceCamera, area: { left: number; top: number; width: number; height: number }): SurfaceViewport {
	const diagonal = Math.hypot(box.halfX, box.halfY);
	const e = clampCamera(camera).elevation * radians;
	const tall = 2 * diagonal * Math.sin(e) + box.height * Math.cos(e);
	const scale = Math.max(1e-6, Math.min(area.width / (2 * diagonal), area.height / tall));
	return { cx: area.left + area.width / 2, cy: area.top + area.height / 2, scale };
}

/**
 * The quads of an `nx` × `ny` vertex grid (quad q = j·(nx − 1) + i spans vertices i..i+1 of rows j..j+1) in
 * painter's order, farthest first. `xs` and `ys` are the world X of each column and Y of each row.
 */
export function quadOrder(xs: ArrayLike<number>, ys: ArrayLike<number>, projector: SurfaceProjector): Uint32Array {
	const cols = Math.max(0, xs.length - 1);
	const rows = Math.max(0, ys.length - 1);
	const order = new Uint32Array(cols * rows);
	const key = new Float64Array(cols * rows);
	for (let j = 0; j < rows; j++) {
		const y = (ys[j]! + ys[j + 1]!) / 2;
		for (let i = 0; i < cols; i++) {
			const q = j * cols + i;
			order[q] = q;
			key[q] = projector.away((xs[i]! + xs[i + 1]!) / 2, y);
		}
	}
	return order.sort((a, b) => key[b]! - key[a]!);
}
