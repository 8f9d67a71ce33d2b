/**
 * What the worker does for each request: the engine calls behind `EngineMethods`, over one `DocumentCache`. Errors
 * are thrown as they come; `serveEngine` turns them into error replies.
 */
import { curvatureAt, findDataReferences, isLossSyntaxError, type FoundLoss } from '../engine/index';
import { DocumentCache } from './documentCache';
import { SessionStore } from './sessionStore';
import { exploreHandlers } from './explore/exploreHandlers';
import type { EngineMethod, EngineParams, EngineRequest, EngineResult, LossSource, WireError, WireFoundLoss } from './engineProtocol';

type Handlers = { [M in EngineMethod]: (params: EngineParams<M>) => EngineResult<M> };

/** The request handlers of one worker; `exit` ends the worker's thread (the `fault` test hook). */
export function engineHandlers(exit: () => void): (request: EngineRequest) => unknown {
	const documents = new DocumentCache();
	const lossOf = ({ document, name, at }: LossSource) => documents.compile(document, name, at);
	const sessions = new SessionStore(lossOf);
	const explore = exploreHandlers();
	const handlers: Handlers = {
		dataReferences: ({ document }) => findDataReferences(document.text, document.language, document.cells),
		list: ({ document }) => documents.list(document).map(wireFoundLoss),
		startValue: ({ document, name, at }) => {
			const loss = documents.compile(document, name, at);
			return loss.value(loss.start);
		},
		evaluate: ({ document, name, at, x }) => {
			const loss = documents.compile(document, name, at);
			const { name: lossName, params, paramSpecs } = loss;
			const point = x ?? loss.start;
			const c = curvatureAt(loss, point);
			const curvature = c && { lambdaMax: c.lambdaMax, conditionNumber: c.conditionNumber };
			return { loss: { name: lossName, params, paramSpecs }, check: loss.checkGradient(point), ...(curvature ? { curvature } : {}) };
		},
		sessionSlice: (params) => sessions.slice(params),
		sessionClose: ({ id }) => sessions.close(id),
		landscape: (params) => explore.landscape(lossOf(params.source), params),
		bruteForce: (params) => explore.bruteForce(lossOf(params.source), params),
		batchNoise: (params) => explore.batchNoise(lossOf(params.source), params),
		lineSearch: (params) => explore.lineSearch(lossOf(params.source), params),
		graph: (params) => explore.graph(lossOf(params.source), params),
		basinsSlice: (params) => explore.basinsSlice(lossOf(params.source), params),
		sweepSlice: (params) => explore.sweepSlice(lossOf(params.source), params),
		restartsSlice: (params) => explore.restartsSlice(lossOf(params.source), params),
		fault: ({ kind }) => fault(kind, exit),
	};
	return (request) => (handlers[request.method] as (params: EngineParams<typeof request.method>) => unknown)(request.params);
}

/** An error as data that survives the trip to the host. */
export function wireError(error: unknown): WireError {
	if (isLossSyntaxError(error)) return { name: error.name, message: error.message, detail: error.detail, span: error.span };
	if (error instanceof Error) return { name: error.name, message: error.message };
	return { name: 'Error', message: String(error) };
}

function wireFoundLoss(found: FoundLoss): WireFoundLoss {
	return found.kind === 'loss' ? found : { kind: 'error', name: found.name, span: found.span, error: wireError(found.error) };
}

function fault(kind: 'throw' | 'hang' | 'exit', exit: () => void): never {
	if (kind === 'exit') exit();
	if (kind === 'hang') for (;;);
	throw new Error('fault requested by a test');
}
