/**
 * Keeps the plot on screen in a short panel (an editor and the panel side by side on a laptop): the plot's height
 * is capped by what is left of the window below its top edge, published as the CSS variable `--plot-top` that
 * `media/panel.css` subtracts. The header, controls and hints above the plot change height, so the top is measured
 * again whenever the page's size changes. Only elements above the plot decide its top, so this does not feed back.
 */

/** Publishes the top of `plot` (in page coordinates) as `--plot-top` on `root`, now and on every resize. */
export function fitPlotToWindow(plot: HTMLElement, root: HTMLElement = document.documentElement): () => void {
	const measure = (): void => {
		if (!plot.isConnected) return;
		const top = `${Math.max(0, Math.round(plot.getBoundingClientRect().top + window.scrollY))}px`;
		if (root.style.getPropertyValue('--plot-top') !== top) root.style.setProperty('--plot-top', top);
	};
	const observer = new ResizeObserver(measure);
	observer.observe(document.body);
	window.addEventListener('resize', measure);
	measure();
	return () => {
		observer.disconnect();
		window.removeEventListener('resize', measure);
	};
}

/** Where a chart's legend goes: beside the chart while its entries fit one column of `height` pixels, else below. */
export function legendPlacement(entries: number, height: number, rowHeight = 22): 'right' | 'bottom' {
	return entries * rowHeight <= height - 20 ? 'right' : 'bottom';
}
