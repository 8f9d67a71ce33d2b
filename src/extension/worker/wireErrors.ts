/**
 * The engine's errors back from the worker's data: a `LossSyntaxError` is rebuilt from its template and span, so
 * diagnostics and messages treat it as if the engine had run in the host.
 */
import { type FoundLoss, LossSyntaxError } from '../../engine/index';
import type { WireError, WireFoundLoss } from '../../worker/engineProtocol';

/** The error the worker reported, as the host knows it. */
export function errorFromWire(error: WireError): Error {
	if (error.name === 'LossSyntaxError' && error.detail && error.span) return new LossSyntaxError(error.detail, error.span);
	const rebuilt = new Error(error.message);
	rebuilt.name = error.name;
	return rebuilt;
}

/** A listed candidate with its error object again. */
export function foundLossOf(found: WireFoundLoss): FoundLoss {
	if (found.kind === 'loss') return found;
	const error = errorFromWire(found.error);
	if (!(error instanceof LossSyntaxError)) throw error;
	return { kind: 'error', name: found.name, span: found.span, error };
}
