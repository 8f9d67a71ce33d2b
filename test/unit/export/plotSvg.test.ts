// The exported plots are standalone, well-formed SVG: a viewBox, no external references, user text escaped, a log
// axis for wide loss ranges, and the right marks for each view (curve, contour map, traces).
import { describe, expect, it } from 'vitest';
import type { Loss } from '../../../src/engine/compileLoss';
import { contourLevels, viridis } from '../../../src/extension/export/contourLevels';
import type { Trajectory } from '../../../src/extension/export/plotData';
import { contourSvg } from '../../../src/extension/export/contourSvg';
import { curveSvg, landscapeSvg, lossPlotSvg, tracesSvg, wantsLogScale } from '../../../src/extension/export/plotSvg';
import { landscapeGrid, trajectoryOf } from '../../../src/extension/export/reportData';
import { escapeXml, linearScale, logScale } from '../../../src/extension/export/svgParts';
import { SessionController } from '../../../src/extension/session/sessionController';
import { quadratic, regression, rosenbrock } from '../session/sessionFixtures';
import { countElements, wellFormedProblems } from './wellFormed';

const hostile = '<script>alert("x & y")</script>';

function session(loss: Loss, lr: number, steps: number): SessionController {
	const controller = new SessionController(loss, { uri: 'file:///tmp/loss.ts', fileName: '/tmp/loss.ts', line: 1 }, { optimizerOptions: { lr } });
	controller.step(steps);
	return controller;
}

function expectStandalone(svg: string): void {
	expect(wellFormedProblems(svg)).toEqual([]);
	expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 400"')).toBe(true);
	expect(svg).not.toMatch(/href|<script|<image|@import/);
	for (const url of svg.match(/url\([^)]*\)/g) ?? []) expect(url).toMatch(/^url\(#/);
	expect(svg.match(/http/g)).toHaveLength(1); // the namespace only
}

describe('building blocks', () => {
	it('escapes markup and quotes', () => {
		expect(escapeXml(`a<b>&"'`)).toBe('a&#60;b&#62;&#38;&#34;&#39;');
	});

	it('puts round ticks inside a linear range and powers of ten on a log one', () => {
		expect(linearScale(0, 20).ticks).toEqual([0, 5, 10, 15, 20]);
		expect(logScale(1e-3, 1e4).ticks).toEqual([1e-3, 1e-2, 1e-1, 1, 10, 100, 1e3, 1e4]);
		expect(logScale(1e-30, 1e10).ticks.length).toBeLessThanOrEqual(8);
	});

	it('switches to log levels for a steep valley and to viridis colours', () => {
		expect(contourLevels(Array.from({ length: 101 }, (_, i) => i)).scale).toBe('linear');
		expect(contourLevels([0, ...Array(40).fill(0.001), 1, 10, 100, 1000]).scale).toBe('log');
		expect([viridis(0), viridis(1)]).toEqual(['#440154', '#fde725']);
	});
});

describe('loss per step', () => {
	const run = (losses: number[], lossName = 'loss'): Trajectory => ({
		lossName,
		params: ['x'],
		points: new Float64Array(losses.length),
		losses: Float64Array.from(losses),
		current: losses.length - 1,
	});

	it('is a standalone, well-formed SVG with one line and the current point', () => {
		const svg = lossPlotSvg(run([17, 11.24, 7.55, 5.1, 3.6]));
		expectStandalone(svg);
		expect(countElements(svg, 'circle')).toBe(1);
		expect(countElements(svg, 'path')).toBe(2); // the line and the axes
		expect(svg).toContain('>step</text>');
		expect(svg).not.toContain('log scale');
	});

	it('uses a log axis when the loss spans more than two decades, linear otherwise', () => {
		expect(wantsLogScale([100, 10, 1.5])).toBe(false);
		expect(wantsLogScale([100, 10, 1.5, 0])).toBe(false);
		expect(wantsLogScale([1000, 10, 1, 0.1])).toBe(true);
		expect(wantsLogScale([1000, 0.1, -1])).toBe(false);
		const svg = lossPlotSvg(run([1e4, 1e2, 1, 1e-2, 1e-4]));
		expect(svg).toContain('(log scale)');
		const tiny = lossPlotSvg(run([1, 1e-10, 1e-20]));
		expect(tiny).toContain('>1e-18</text>');
		expect(tiny).not.toContain('text-anchor="end" fill="#222222">0</text>'); // no y tick rounded to 0
		for (const label of ['>1e-4<', '0.01', '>1<', '100', '10000']) expect(svg).toContain(label);
	});

	it('escapes the loss name and breaks the line at non-finite losses', () => {
		const svg = lossPlotSvg(run([1, 2, Number.POSITIVE_INFINITY, Number.NaN], hostile));
		expectStandalone(svg);
		expect(svg).toContain('&#60;script&#62;alert(&#34;x &#38; y&#34;)');
		expect(svg).toContain('d="M');
	});
});

describe('landscape and path', () => {
	it('draws the 1-D curve with every visited point and the current one', () => {
		const controller = session(quadratic(), 0.1, 10);
		const run = trajectoryOf(controller);
		const svg = curveSvg(run, landscapeGrid(controller.loss, run)!);
		expectStandalone(svg);
		expect(countElements(svg, 'circle')).toBe(11 + 1);
		expect(svg).toContain('y(x): the curve and the path');
	});

	it('draws Rosenbrock as filled viridis bands with more than five isolines, the path, start and current point', () => {
		const controller = session(rosenbrock(), 0.001, 20);
		const run = trajectoryOf(controller);
		const grid = landscapeGrid(controller.loss, run)!;
		expect([grid.nx, grid.ny, grid.values.length]).toEqual([60, 60, 3600]);
		const svg = landscapeSvg(run, grid);
		expect(svg).toBe(contourSvg(run, grid));
		expectStandalone(svg);
		expect(countElements(svg, 'circle')).toBe(2);
		expect(svg.split('class="dh-isoline"').length - 1).toBeGreaterThan(5);
		expect(svg).toContain('fill="#440154"'); // the lowest band
		expect(svg).toContain('clip-path="url(#dh-landscape-clip)"');
	});

	it('draws parameter traces for more than two parameters, with a legend', () => {
		const controller = session(regression(), 0.05, 30);
		const run = trajectoryOf(controller);
		expect(landscapeGrid(controller.loss, run)).toBeUndefined();
		const svg = landscapeSvg(run, undefined);
		expectStandalone(svg);
		expect(svg).toBe(tracesSvg(run));
		expect(countElements(svg, 'path')).toBe(run.params.length + 1);
		for (const name of run.params) expect(svg).toContain(`>${escapeXml(name)}</text>`);
	});

	it('leaves the namespace out for inlining', () => {
		const controller = session(rosenbrock(), 0.001, 5);
		const run = trajectoryOf(controller);
		const svg = landscapeSvg(run, landscapeGrid(controller.loss, run), { standalone: false });
		expect(svg.startsWith('<svg viewBox=')).toBe(true);
		expect(svg).not.toContain('http');
	});
});
