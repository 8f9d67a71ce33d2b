/**
 * The legend of the contour map: the bands stacked bottom (low) to top (high) in the right margin, with a few level
 * values beside them.
 */
import { formatNumber } from './formatNumber';
import { fontOf } from './plotPainter';
import type { Theme } from './theme';
import type { PlotRect } from './viewTransform';

/** Draws the bar for `levels` at the right of `rect`; `color(band)` gives each band's colour. */
export function drawColorBar(ctx: CanvasRenderingContext2D, rect: PlotRect, levels: readonly number[], color: (band: number) => string, theme: Theme): void {
	const bands = levels.length + 1;
	if (bands < 2) return;
	const x = rect.left + rect.width + 8;
	const width = 10;
	const bandHeight = rect.height / bands;
	ctx.save();
	for (let b = 0; b < bands; b++) {
		ctx.fillStyle = color(b);
		ctx.fillRect(x, rect.top + rect.height - (b + 1) * bandHeight, width, bandHeight + 0.5);
	}
	ctx.strokeStyle = theme.gridLine;
	ctx.strokeRect(x + 0.5, rect.top + 0.5, width - 1, rect.height - 1);
	ctx.font = fontOf(theme, 0.85);
	ctx.fillStyle = theme.foreground;
	ctx.textAlign = 'left';
	ctx.textBaseline = 'middle';
	const every = Math.max(1, Math.ceil(levels.length / Math.max(2, Math.floor(rect.height / 40))));
	for (let k = 0; k < levels.length; k += every) {
		// Level k is the boundary between band k and band k + 1.
		ctx.fillText(formatNumber(levels[k]!, 2), x + width + 3, rect.top + rect.height - (k + 1) * bandHeight);
	}
	ctx.restore();
}
