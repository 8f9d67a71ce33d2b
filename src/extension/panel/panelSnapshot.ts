/**
 * Turns a session into what the protocol carries to the panel: the full `PanelSnapshot` for `init`, and the pieces
 * an `update` repeats (current point, stop, settings, a stretch of the trajectory). Pure functions of the session;
 * the panel never computes the loss itself.
 */
import { curvatureAt, explainUpdate, formatSchedule, optimizerDefaults, optimizerNames, paramShape, type StopReason } from '../../engine/index';
import type { CurvatureInfo, LossInfo, PanelSnapshot, PointState, RunHintInfo, SettingsInfo, StopInfo, Trajectory, UpdateRuleInfo } from '../../shared/messages';
import type { SessionController } from '../session/sessionController';
import type { ViewSettings } from '../settings';
import { stopText } from '../stopText';
import { runHintInfo } from './runHintInfo';
import { plainPoint } from '../session/plainPoint';

/** Everything the panel shows. */
export function panelSnapshot(
	controller: SessionController,
	view: ViewSettings,
	strings: Readonly<Record<string, string>>,
): PanelSnapshot {
	const session = controller.session;
	return {
		loss: lossInfo(controller),
		settings: settingsInfo(controller, view),
		current: pointState(controller),
		trajectory: trajectorySlice(controller, 0, session.position + 1),
		stop: stopInfo(session.lastStop),
		optimizers: optimizerNames.map((name) => ({ name, defaults: optimizerDefaults(name) })),
		running: controller.running,
		strings,
		...optionalHint(runHintInfo(controller)),
	};
}

export function lossInfo(controller: SessionController): LossInfo {
	const loss = controller.loss;
	return {
		name: loss.name,
		language: loss.language,
		params: loss.params,
		tensors: loss.paramSpecs.map((spec) => ({ name: spec.name, offset: spec.offset, shape: paramShape(spec) })),
		start: Array.from(controller.session.start),
		fileName: baseName(controller.origin.fileName),
		sampleCount: loss.sampleCount,
	};
}

/** The current point, with where the next update would take it. */
export function pointState(controller: SessionController): PointState {
	const session = controller.session;
	const snapshot = session.snapshot();
	const buffers: Record<string, number[]> = {};
	for (const [key, buffer] of Object.entries(snapshot.optimizer.state.buffers)) buffers[key] = Array.from(buffer);
	const next = session.peekNext();
	const probes = session.probesAt(session.position);
	return {
		...plainPoint(snapshot),
		next: Array.from(next),
		nextLoss: controller.loss.value(next),
		optimizerState: { step: snapshot.optimizer.state.step, buffers },
		update: explainNext(controller),
		...(probes.length > 0 ? { probes: Array.from(probes) } : {}),
		...curvatureInfo(controller, snapshot.x),
	};
}

/** The curvature readout at `x`, when the loss is small enough to compute it for every step. */
function curvatureInfo(controller: SessionController, x: Float64Array): { curvature?: CurvatureInfo } {
	const c = curvatureAt(controller.loss, x);
	if (!c) return {};
	return { curvature: { lambdaMax: c.lambdaMax, lambdaMin: c.lambdaMin, conditionNumber: c.conditionNumber, stabilityThreshold: c.stabilityThreshold } };
}

/** The next update written out (the first six parameters in full). */
export function explainNext(controller: SessionController): UpdateRuleInfo {
	const { optimizer, state, x, gradient, learningRate, objective } = controller.session.nextUpdate();
	return explainUpdate(optimizer, state, x, gradient, learningRate, 6, objective);
}

export function settingsInfo(controller: SessionController, view: ViewSettings): SettingsInfo {
	const settings = controller.session.settings;
	return {
		optimizer: controller.session.currentOptimizer.name,
		options: controller.session.currentOptimizer.options,
		schedule: formatSchedule(settings.schedule),
		batchSize: settings.batchSize,
		stepsPerSecond: controller.stepsPerSecond,
		colorMap: view.colorMap,
		layout: view.layout,
	};
}

export function stopInfo(reason: StopReason): StopInfo {
	const suggested = reason.kind === 'diverged' ? reason.suggestedLearningRate : undefined;
	return {
		// The panel shows a full history as it shows the step limit: a stop with its sentence.
		kind: reason.kind === 'historyFull' ? 'steps' : reason.kind,
		message: stopText(reason),
		...(suggested === undefined ? {} : { suggestedLearningRate: suggested }),
	};
}

/** `{ hint }` when there is one, else nothing (the field is optional in the protocol). */
export function optionalHint(hint: RunHintInfo | undefined): { hint?: RunHintInfo } {
	return hint ? { hint } : {};
}

/** Records `from`..`to` (exclusive) of the history. */
export function trajectorySlice(controller: SessionController, from: number, to: number): Trajectory {
	const history = controller.session.history;
	const { points, losses, learningRates } = history.slice(from, to);
	const gradientNorms = new Float64Array(losses.length);
	for (let k = 0; k < losses.length; k++) gradientNorms[k] = history.gradientNorm(from + k);
	return { points, losses, gradientNorms, learningRates };
}

/** The last segment of a path or URI path, either separator. */
export function baseName(fileName: string): string {
	return fileName.split(/[\\/]/).pop() ?? fileName;
}
