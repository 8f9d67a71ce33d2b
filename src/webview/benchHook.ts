/**
 * Measurement hooks for bench/webview, installed only when the page's <body> has a `data-bench` attribute (never in
 * VS Code, whose page has none): the time of every panel frame, the first frame after `init`, and a timed
 * recomputation of the contour map.
 */

export interface BenchHook {
	/** performance.now() when the bundle started executing. */
	readonly scriptStart: number;
	/** rAF timestamps of panel frames. */
	readonly frames: number[];
	/** Milliseconds spent in each panel frame's drawing. */
	readonly drawMs: number[];
	/** performance.now() at the end of the first frame that drew a snapshot. */
	firstFrame: number | undefined;
	/** Recomputes levels, bands and isolines of the current grid and repaints; times in ms. */
	contour(): { contoursMs: number; paintMs: number } | undefined;
}

export function installBenchHook(scriptStart: number, contour: BenchHook['contour']): BenchHook | undefined {
	if (!document.body.hasAttribute('data-bench')) return undefined;
	const hook: BenchHook = { scriptStart, frames: [], drawMs: [], firstFrame: undefined, contour };
	(window as unknown as { __downhillBench: BenchHook }).__downhillBench = hook;
	return hook;
}
