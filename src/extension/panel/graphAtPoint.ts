/**
 * The Graph view's answer when the debugger is not inside an update: the loss's computation graph
 * (`engine/session/walk/walkGraph.ts`) with the values of its top-level statements at the session's current point;
 * values inside loops and adjoints appear when F11 walks an update.
 */
import { walkGraph } from '../../engine/session/walk/walkGraph';
import { WalkScope } from '../../engine/session/walk/walkScope';
import type { GraphModel } from '../../shared/graphModel';
import type { SessionController } from '../session/sessionController';

export function graphAtPoint(controller: SessionController): GraphModel {
	const graph = controller.loss.graph;
	return walkGraph(graph, undefined, WalkScope.root(graph, controller.session.snapshot().x));
}
