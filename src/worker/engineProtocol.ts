/**
 * What the extension host and the engine's worker say to each other (types only; both sides import it). The host
 * sends requests in an envelope with a `messageId`; the worker answers each with `started` when it begins it and then
 * one `reply` or `error` whose `inReplyTo` names the request. `cancel` drops a request the worker has not started.
 * Everything here is structured-clone data: documents travel as text with their version, engine errors as their
 * message template and span, so the host rebuilds a `LossSyntaxError` the rest of the extension already knows.
 */
import type { ExploreMethod, ExploreMethods } from './explore/exploreProtocol';
import type { CellContext, DataFiles, DataReference, GradientCheck, LanguageId, LossShape, LossSite, Message, SessionImage, SourcePosition, SourceSpan, StopResult } from '../engine/index';

/** A document's text at one version: what every analysis request carries, so each request stands on its own. */
export interface DocumentText {
	readonly uri: string;
	readonly version: number;
	readonly language: LanguageId;
	readonly text: string;
	/** For a notebook cell: the cells of its kind around it; the cell's losses see those above (`cellLayout.ts`). */
	readonly cells?: CellContext;
	/** The data files the text reads, as the host read them (by the path as written; see `dataReferences`). */
	readonly files?: DataFiles;
	/** Names the versions of `files`: the worker's cache treats a new stamp like a new version of the text. */
	readonly dataStamp?: string;
}

/** A found loss as data: a failed candidate carries its error's template and span instead of the error object. */
export type WireFoundLoss =
	| { readonly kind: 'loss'; readonly site: LossSite }
	| { readonly kind: 'error'; readonly name: string; readonly span: SourceSpan; readonly error: WireError };

/** An error thrown in the worker: a `LossSyntaxError` keeps its template and span, anything else its text. */
export interface WireError {
	readonly name: string;
	readonly message: string;
	readonly detail?: Message;
	readonly span?: SourceSpan;
}

/** A loss evaluated at one point with both gradients (the hover's numbers). */
export interface WireEvaluation {
	readonly loss: LossShape;
	readonly check: GradientCheck;
	/** λ_max and the condition number of the Hessian there; absent for losses too large for it (`curvatureAt`). */
	readonly curvature?: { readonly lambdaMax: number; readonly conditionNumber: number };
}

/** Where a session's loss comes from: a document (a selection compiled on its own is a math document) and its name. */
export interface LossSource {
	readonly document: DocumentText;
	readonly name?: string;
	readonly at?: SourcePosition;
}

/** One slice of a continue of session `id` in the worker (see `SessionStore`). */
export interface SliceParams {
	readonly id: number;
	/** The session as the host has it: sent when the worker's copy may be missing or stale. */
	readonly sync?: { readonly source: LossSource; readonly image: SessionImage };
	readonly direction: 'forward' | 'reverse';
	/** Updates the continue may still take (its step limit less those already taken). */
	readonly limit: number;
	/** Updates this slice may take (the pace the user chose). */
	readonly maxUpdates: number;
	/** How long the slice may run before it returns, in ms. */
	readonly sliceMs: number;
}

/** What a slice did: the session's image from the record it started at, and the stop when the continue ended. */
export interface SliceResult {
	readonly image: SessionImage;
	readonly moved: number;
	readonly logs: readonly string[];
	readonly stop?: StopResult;
}

/** The worker's reply when it has no copy of a session (new worker, or dropped): send the slice again with `sync`. */
export const unknownSessionError = 'UnknownSession';

/** The panel's explorations (`explore/exploreProtocol.ts`), each with the source of the loss it explores. */
type ExploreEngineMethods = {
	[M in ExploreMethod]: { params: ExploreMethods[M]['params'] & { readonly source: LossSource }; result: ExploreMethods[M]['result'] };
};

/** Every request the worker serves: its parameters and its result. */
export interface EngineMethods extends ExploreEngineMethods {
	/** The data files a document names (paths as written, with their spans), for the host to read. */
	dataReferences: { params: { readonly document: DocumentText }; result: readonly DataReference[] };
	/** Every loss and failed candidate of a document. A source that does not parse at all is an error reply. */
	list: { params: { readonly document: DocumentText }; result: readonly WireFoundLoss[] };
	/** The loss `name` (the block at `at` when several share it) at its start point (the CodeLens's `L(start)`). */
	startValue: { params: { readonly document: DocumentText; readonly name: string; readonly at?: SourcePosition }; result: number };
	/**
	 * Value, autodiff and central differences of loss `name` (without one: the one called `loss`, else the only one)
	 * at `x` (its start point when absent), and the Hessian's λ_max and condition number there for small losses.
	 */
	evaluate: {
		params: { readonly document: DocumentText; readonly name?: string; readonly at?: SourcePosition; readonly x?: readonly number[] };
		result: WireEvaluation;
	};
	/** Runs one slice of a continue (or reverse continue) on the worker's copy of a session. */
	sessionSlice: { params: SliceParams; result: SliceResult };
	/** Forgets the worker's copy of session `id`. */
	sessionClose: { params: { readonly id: number }; result: null };
	/** Test hook: throws inside the worker (`throw`), never returns (`hang`) or ends the worker's thread (`exit`). */
	fault: { params: { readonly kind: 'throw' | 'hang' | 'exit' }; result: never };
}

export type EngineMethod = keyof EngineMethods;
export type EngineParams<M extends EngineMethod> = EngineMethods[M]['params'];
export type EngineResult<M extends EngineMethod> = EngineMethods[M]['result'];

/** One request, as the union the worker switches on. */
export type EngineRequest = { [M in EngineMethod]: { readonly method: M; readonly params: EngineParams<M> } }[EngineMethod];

/** Host → worker. */
export type ToWorkerMessage =
	| { readonly type: 'request'; readonly messageId: number; readonly request: EngineRequest }
	| { readonly type: 'cancel'; readonly messageId: number };

/** Worker → host. */
export type FromWorkerMessage =
	| { readonly type: 'started'; readonly inReplyTo: number }
	| { readonly type: 'reply'; readonly inReplyTo: number; readonly result: unknown }
	| { readonly type: 'error'; readonly inReplyTo: number; readonly error: WireError };
