/**
 * The run hint the panel shows: `diagnoseRun` over the session's recent history, with the kind shown last time
 * remembered per session for the diagnosis's hysteresis, and for plain gradient descent the Hessian at the point
 * (asked only when an oscillation or a crawl is diagnosed). Silent once the session has stopped for convergence or
 * divergence (the stop message says it then). Called by the snapshot and by every throttled update.
 */
import { curvatureAt, diagnoseRun, type OptimizationSession, type RunHintKind } from '../../engine/index';
import type { RunHintInfo } from '../../shared/messages';
import type { SessionController } from '../session/sessionController';

const shown = new WeakMap<OptimizationSession, RunHintKind>();

/** The hint for the session's current point, or undefined. */
export function runHintInfo(controller: SessionController): RunHintInfo | undefined {
	const session = controller.session;
	const stop = session.lastStop.kind;
	const k = session.position;
	const hint =
		stop === 'diverged' || stop === 'converged'
			? undefined
			: diagnoseRun({
					history: session.history,
					position: k,
					since: session.settingsSince(k),
					learningRate: session.currentOptimizer.options.lr as number,
					optimizer: session.currentOptimizer.name,
					previous: shown.get(session),
					curvature: plainDescent(session) ? () => curvatureAt(controller.loss, session.history.readPoint(k, new Float64Array(session.start.length))) : undefined,
				});
	if (hint) shown.set(session, hint.kind);
	else shown.delete(session);
	return hint && { ...hint, suggestion: { ...hint.suggestion } };
}

/** Plain gradient descent, where η·λ alone decides stability (momentum changes the threshold). */
function plainDescent(session: OptimizationSession): boolean {
	const o = session.currentOptimizer;
	return o.name === 'sgd' && o.options.momentum === 0;
}
