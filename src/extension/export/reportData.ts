/**
 * What an export needs from a live session, as plain data: the trajectory, a grid of the landscape around it (a
 * curve for one parameter, 60 × 60 for two), and everything the HTML report shows. Reads the session through
 * `SessionController` and the engine only, so it runs in unit tests; the command adds the source text and the
 * stop sentence in the display language.
 */
import { type Loss, sampleLandscape, viewAround } from '../../engine/index';
import type { SessionController } from '../session/sessionController';
import type { Grid, Trajectory } from './plotData';
import type { RecordRow, ReportInput } from './reportHtml';

/** Samples of the 1-D curve, and per side of the 2-D grid. */
const curveSamples = 241;
const gridSide = 60;
/** Records shown at each end of the report's table. */
const recordsAtEachEnd = 5;

export function trajectoryOf(controller: SessionController): Trajectory {
	const { history, position } = controller.session;
	const { points, losses } = history.slice(0, history.length);
	return { lossName: controller.loss.name, params: controller.loss.params, points, losses, current: position };
}

/** The landscape around the whole trajectory (the panel's padding), through the current point; none for d > 2. */
export function landscapeGrid(loss: Loss, run: Trajectory): Grid | undefined {
	const d = run.params.length;
	if (d < 1 || d > 2) return undefined;
	const axes: [number, number] = d === 1 ? [0, -1] : [0, 1];
	const range = viewAround(run.points, d, axes);
	const at = run.points.slice(run.current * d, (run.current + 1) * d);
	const nx = d === 1 ? curveSamples : gridSide;
	const ny = d === 1 ? 1 : gridSide;
	const values = sampleLandscape(loss, { at, axes, ...range, nx, ny });
	return { ...range, nx, ny, values };
}

/** The report's content for `controller`'s session; `plots` are the SVG strings to inline. */
export function reportInput(
	controller: SessionController,
	source: { readonly text: string; readonly fileName: string },
	stop: string,
	plots: ReportInput['plots'],
): ReportInput {
	const { session, loss, origin } = controller;
	const snapshot = session.snapshot();
	return {
		lossName: loss.name,
		fileName: source.fileName,
		line: origin.line,
		language: loss.language,
		source: source.text,
		params: loss.params,
		optimizer: { name: session.currentOptimizer.name, options: session.currentOptimizer.options },
		settings: snapshot.settings,
		stop,
		step: snapshot.step,
		historyLength: snapshot.historyLength,
		current: { x: Array.from(snapshot.x), loss: snapshot.loss, gradientNorm: snapshot.gradientNorm },
		records: recordRows(controller),
		plots,
	};
}

/** The first and last few records; `gap` marks where records were left out. */
function recordRows(controller: SessionController): RecordRow[] {
	const { history } = controller.session;
	const n = history.length;
	const d = controller.loss.params.length;
	const head = Math.min(n, recordsAtEachEnd);
	const tail = Math.max(head, n - recordsAtEachEnd);
	const shown = [...Array(head).keys(), ...Array.from({ length: n - tail }, (_, i) => tail + i)];
	return shown.map((k, i) => ({
		step: k,
		x: Array.from(history.readPoint(k, new Float64Array(d))),
		loss: history.loss(k),
		gradientNorm: history.gradientNorm(k),
		learningRate: history.learningRate(k),
		gapBefore: i > 0 && k !== shown[i - 1]! + 1,
	}));
}
