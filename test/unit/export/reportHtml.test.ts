// The HTML report is one well-formed, self-contained file: no scripts, no URLs, user text escaped, and the run's
// settings, source, stop, current point and records in it.
import { describe, expect, it } from 'vitest';
import { landscapeSvg, lossPlotSvg } from '../../../src/extension/export/plotSvg';
import { landscapeGrid, reportInput, trajectoryOf } from '../../../src/extension/export/reportData';
import { reportHtml } from '../../../src/extension/export/reportHtml';
import { SessionController } from '../../../src/extension/session/sessionController';
import { regression, rosenbrock } from '../session/sessionFixtures';
import { countElements, wellFormedProblems } from './wellFormed';

const source = 'export function loss(x = -1.2, y = 1) {\n\t// "<script>alert(1)</script>" & a < b\n\treturn (1 - x) ** 2 + 100 * (y - x ** 2) ** 2;\n}';

function report(controller: SessionController, fileName = 'examples/<rosen>&brock.ts'): string {
	const run = trajectoryOf(controller);
	const grid = landscapeGrid(controller.loss, run);
	const plots = { loss: lossPlotSvg(run, { standalone: false }), landscape: landscapeSvg(run, grid, { standalone: false }) };
	return reportHtml(reportInput(controller, { text: source, fileName }, 'Stepped', plots));
}

describe('the HTML report', () => {
	const controller = new SessionController(rosenbrock(), { uri: 'file:///w/rosenbrock.ts', fileName: '/w/rosenbrock.ts', line: 2 }, {
		optimizer: 'adam',
		optimizerOptions: { lr: 0.02 },
		schedule: { kind: 'step', step_size: 30, gamma: 0.5 },
		seed: 7,
	});
	controller.step(40);
	controller.stepBack(3);
	const html = report(controller);

	it('is well-formed and needs nothing from outside', () => {
		expect(wellFormedProblems(html, true)).toEqual([]);
		expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
		expect(html).not.toMatch(/http|<script|<link|src=|href|@import/i);
		expect(html).toContain('prefers-color-scheme: dark');
		expect(countElements(html, 'svg')).toBe(2);
		expect(countElements(html, 'style')).toBe(3); // the page's and one per plot
	});

	it('escapes the source and the file name', () => {
		expect(html).toContain('// &#34;&#60;script&#62;alert(1)&#60;/script&#62;&#34; &#38; a &#60; b');
		expect(html).toContain('return (1 - x) ** 2 + 100 * (y - x ** 2) ** 2;');
		expect(html).toContain('examples/&#60;rosen&#62;&#38;brock.ts');
	});

	it('states the settings under PyTorch names, the stop and the current point', () => {
		expect(html).toContain('torch.optim.Adam(params, lr=0.02, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, amsgrad=False');
		expect(html).toContain('<th scope="row">lr</th><td>0.02</td>');
		expect(html).toContain('<td>step:step_size=30,gamma=0.5</td>');
		expect(html).toContain('<th scope="row">seed</th><td>7</td>');
		expect(html).toContain('<dd>Stepped</dd>');
		expect(html).toContain('<dd>37 of 40</dd>');
		expect(html).toContain(`<dd>${Number(controller.session.snapshot().loss.toPrecision(10))}</dd>`);
	});

	it('lists the first and last five records, marking the gap and the current one', () => {
		const body = html.slice(html.indexOf('class="records"'));
		expect(body.split('<tr class="current"><td>37</td>').length - 1).toBe(1);
		expect(body.split('<tr class="gap">').length - 1).toBe(1);
		expect(body).toContain('<td>0</td><td>-1.2</td><td>1</td><td>24.2</td>');
		expect(html).toContain('the first and last of 41 records');
	});

	it('gives each of a few parameters its own column', () => {
		const wide = new SessionController(regression(), { uri: 'file:///w/r.py', fileName: '/w/r.py', line: 1 });
		wide.step(3);
		const text = report(wide, 'r.py');
		expect(wellFormedProblems(text, true)).toEqual([]);
		expect(text).toContain('<th>step</th><th>w[0]</th><th>w[1]</th><th>b</th><th>loss</th>');
		expect(text).toContain('all 4 records');
	});
});
