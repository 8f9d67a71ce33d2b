/**
 * Draws the trajectory as a polyline through the decimated records (see `decimate.ts`), recomputing the selection
 * only when the data or the mapping changed. Records up to the current step are drawn solid; records after it (the
 * future, still in history after a step back) dashed and faded. When the drawn points are few and far enough apart,
 * each is marked so single steps stay visible.
 */
import { decimatePath, type AxisMaps, type Strided } from './decimate';
import { clampPixel } from './plotPainter';

export interface TrajectoryStyle {
	readonly line: string;
	readonly halo: string;
	readonly width: number;
	readonly dotRadius: number;
}

/** Points drawn per CSS pixel of the plot's larger side. */
const pointsPerPixel = 2;

export class TrajectoryPainter {
	private key = '';
	private indices: Int32Array = new Int32Array(0);

	/** The records to draw: at most ~2 per pixel of `extent`, cached by data version and mapping. */
	select(xs: Strided, ys: Strided, count: number, version: number, maps: AxisMaps, extent: number): Int32Array {
		const key = `${version}|${count}|${maps.sx}|${maps.ox}|${maps.sy}|${maps.oy}|${xs.offset}|${ys.offset}|${extent}`;
		if (key !== this.key) {
			this.key = key;
			this.indices = decimatePath(xs, ys, count, maps, Math.max(64, Math.round(pointsPerPixel * extent)));
		}
		return this.indices;
	}

	/** Strokes the selected records; `split` is the current step. */
	draw(ctx: CanvasRenderingContext2D, xs: Strided, ys: Strided, indices: Int32Array, maps: AxisMaps, split: number, style: TrajectoryStyle): void {
		if (indices.length === 0) return;
		const px = (k: number) => clampPixel(xs.data[xs.offset + k * xs.stride]! * maps.sx + maps.ox);
		const py = (k: number) => clampPixel(ys.data[ys.offset + k * ys.stride]! * maps.sy + maps.oy);
		let cut = indices.length;
		while (cut > 0 && indices[cut - 1]! > split) cut--;
		const past = Array.from(indices.subarray(0, cut));
		const future = cut < indices.length ? [split, ...indices.subarray(cut)] : [];
		if (future.length > 0 && past[past.length - 1] !== split) past.push(split);
		const stroke = (ks: readonly number[], color: string, width: number, dash: number[]) => {
			if (ks.length < 2) return;
			ctx.beginPath();
			ctx.moveTo(px(ks[0]!), py(ks[0]!));
			for (let i = 1; i < ks.length; i++) ctx.lineTo(px(ks[i]!), py(ks[i]!));
			ctx.setLineDash(dash);
			ctx.strokeStyle = color;
			ctx.lineWidth = width;
			ctx.stroke();
		};
		ctx.save();
		ctx.lineJoin = 'round';
		ctx.lineCap = 'round';
		stroke(past, style.halo, style.width + 2.5, []);
		stroke(past, style.line, style.width, []);
		ctx.globalAlpha = 0.6;
		stroke(future, style.line, style.width, [4, 4]);
		ctx.globalAlpha = 1;
		ctx.setLineDash([]);
		if (indices.length <= 300 && spacing(indices, px, py) >= 6) this.dots(ctx, indices, px, py, style);
		ctx.restore();
	}

	private dots(ctx: CanvasRenderingContext2D, indices: Int32Array, px: (k: number) => number, py: (k: number) => number, style: TrajectoryStyle): void {
		ctx.fillStyle = style.line;
		ctx.strokeStyle = style.halo;
		ctx.lineWidth = 1;
		for (const k of indices) {
			ctx.beginPath();
			ctx.arc(px(k), py(k), style.dotRadius, 0, 2 * Math.PI);
			ctx.fill();
			ctx.stroke();
		}
	}
}

/** Mean distance in pixels between consecutive drawn points. */
function spacing(indices: Int32Array, px: (k: number) => number, py: (k: number) => number): number {
	let length = 0;
	for (let i = 1; i < indices.length; i++) length += Math.hypot(px(indices[i]!) - px(indices[i - 1]!), py(indices[i]!) - py(indices[i - 1]!));
	return indices.length > 1 ? length / (indices.length - 1) : Infinity;
}
