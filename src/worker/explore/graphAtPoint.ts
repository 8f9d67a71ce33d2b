/**
 * The Graph view's answer when the debugger is not inside an update, computed in the engine's worker: the loss's
 * computation graph (`engine/session/walk/walkGraph.ts`) with the values of its top-level statements at the
 * session's current point; values inside loops and adjoints appear when F11 walks an update.
 */
import { walkGraph, WalkScope, type Loss } from '../../engine/index';
import type { GraphModel } from '../../shared/graphModel';

export function graphAtPoint(loss: Loss, at: readonly number[]): GraphModel {
	return walkGraph(loss.graph, undefined, WalkScope.root(loss.graph, at));
}
