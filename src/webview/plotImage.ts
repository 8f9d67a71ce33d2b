/**
 * The plot as the panel shows it, as a PNG data URL (for the host's PNG export). Every canvas in the plot's drawing
 * box is drawn, in document order, onto one offscreen canvas at the device pixel ratio, so overlays kept on
 * canvases of their own end up in the image too; the theme's editor background is painted underneath, since the
 * plot's canvases are transparent where the panel's background shows through.
 */

/** A PNG data URL of the canvases under `plot`, or undefined when it has none (or nothing laid out yet). */
export function plotImage(plot: HTMLElement, background: string): string | undefined {
	const canvases = Array.from(plot.querySelectorAll<HTMLCanvasElement>('.plot-canvas canvas'));
	const main = canvases[0];
	// CanvasSurface sets the CSS size once it has measured its box; before that the canvas is a blank default.
	if (!main || !main.style.width || main.width === 0 || main.height === 0) return undefined;
	const out = document.createElement('canvas');
	out.width = main.width;
	out.height = main.height;
	const context = out.getContext('2d');
	if (!context) return undefined;
	context.fillStyle = background;
	context.fillRect(0, 0, out.width, out.height);
	const origin = main.getBoundingClientRect();
	const ratio = origin.width > 0 ? main.width / origin.width : 1;
	context.drawImage(main, 0, 0);
	for (const canvas of canvases.slice(1)) {
		const box = canvas.getBoundingClientRect();
		if (box.width === 0 || box.height === 0) continue;
		const x = (box.left - origin.left) * ratio;
		const y = (box.top - origin.top) * ratio;
		context.drawImage(canvas, x, y, box.width * ratio, box.height * ratio);
	}
	return out.toDataURL('image/png');
}
