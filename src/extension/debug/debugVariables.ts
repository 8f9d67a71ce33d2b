/**
 * The Variables view of a Downhill session: the scopes (Parameters, Gradient, Loss & step, Hyper-parameters,
 * Optimizer state, and during step-into the selected frame's Locals and, in the backward pass, the gradient so far),
 * their variables with evaluate names in the engine's expression language (so Add to Watch and Copy as Expression
 * work), and `setVariable` on parameters (one element of a vector or matrix too) and hyper-parameters. A matrix
 * parameter shows as rows you expand (`W1` ▸ `[0]` ▸ `[1]`).
 * Reads the session through its controller; knows the Debug Adapter Protocol's shapes but nothing of VS Code.
 */
import { Handles } from '@vscode/debugadapter';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { formatSchedule, paramShape, type ParamSpec, type SessionSnapshot } from '../../engine/index';
import type { SessionController } from '../session/sessionController';
import { assignVariable, evaluateText, showNumber } from './debugEvaluate';
import { gradientSoFar, type StepInto } from './stepInto';
import { english, type Translate } from './translate';

/** What a variables reference points at. */
type Container =
	| { readonly kind: 'parameters' | 'gradient' | 'loss' | 'hyper' | 'state' | 'accumulated' }
	| { readonly kind: 'locals'; readonly frame: number }
	| {
			readonly kind: 'vector';
			readonly of: VectorOf;
			readonly spec: ParamSpec;
			/** The leading indices chosen so far: `[]` for the whole of `W`, `[1]` for its row `W[1]`. */
			readonly at: readonly number[];
	  }
	| { readonly kind: 'buffer'; readonly name: string };

/** Which numbers an array variable shows: the point, its gradient, or the backward pass's gradient so far. */
type VectorOf = 'point' | 'gradient' | 'accumulated';

/** The expression prefix that reads each kind of number back (`evaluateName`, so Copy Value gives every digit). */
const evaluatePrefix: Readonly<Record<VectorOf, string>> = { point: '', gradient: 'grad.', accumulated: gradientSoFar };

type ScopeKind = 'locals' | 'accumulated' | 'parameters' | 'gradient' | 'loss' | 'hyper' | 'state';

/** What the variables are read from at the moment of a request. */
export interface VariablesSource {
	readonly controller: SessionController;
	readonly stepInto: StepInto | undefined;
}

/** The Variables view's scope names, through `t` so they follow the display language. */
function scopeName(kind: ScopeKind, t: Translate): string {
	switch (kind) {
		case 'accumulated':
			return t('Gradient so far (backward pass)');
		case 'locals':
			return t('Locals');
		case 'parameters':
			return t('Parameters');
		case 'gradient':
			return t('Gradient');
		case 'loss':
			return t('Loss & step');
		case 'hyper':
			return t('Hyper-parameters');
		case 'state':
			return t('Optimizer state');
	}
}

export class DebugVariables {
	private readonly handles = new Handles<Container>();

	constructor(
		private readonly source: () => VariablesSource,
		private readonly t: Translate = english,
	) {}

	/** Forgets every reference; called on each stop, as references live only while the debuggee is stopped. */
	reset(): void {
		this.handles.reset();
	}

	/** The scopes of stack frame `frame` (0 = top): its locals during step-into, then the session's. */
	scopes(frame = 0): DebugProtocol.Scope[] {
		const stepInto = this.source().stepInto;
		const kinds: ScopeKind[] = ['parameters', 'gradient', 'loss', 'hyper', 'state'];
		if (stepInto?.phase === 'backward') kinds.unshift('accumulated');
		if (stepInto) kinds.unshift('locals');
		return kinds.map((kind) => ({
			name: scopeName(kind, this.t),
			variablesReference: this.handles.create(kind === 'locals' ? { kind, frame } : { kind }),
			expensive: false,
			presentationHint: kind === 'locals' ? 'locals' : undefined,
		}));
	}

	variables(reference: number): DebugProtocol.Variable[] {
		const container = this.handles.get(reference);
		if (!container) return [];
		const { controller, stepInto } = this.source();
		const snapshot = controller.session.snapshot();
		switch (container.kind) {
			case 'parameters':
				return this.vectorOwners(controller, snapshot.x, 'point');
			case 'gradient':
				return this.vectorOwners(controller, snapshot.gradient, 'gradient');
			case 'loss':
				return lossVariables(snapshot);
			case 'hyper':
				return hyperVariables(snapshot);
			case 'state':
				return this.stateVariables(snapshot);
			case 'locals':
				return stepInto ? localVariables(stepInto, container.frame, this.t) : [];
			case 'accumulated':
				return stepInto ? this.vectorOwners(controller, stepInto.gradient, 'accumulated') : [];
			case 'vector':
				return this.tensorElements(container, vectorValues(container.of, snapshot, stepInto));
			case 'buffer':
				return bufferElements(controller.loss.params, container.name, snapshot.optimizer.state.buffers[container.name]);
			default: {
				const never: never = container;
				return never;
			}
		}
	}

	/** Sets a parameter or hyper-parameter from a Variables edit; returns the value now in effect. Throws for read-only ones. */
	set(reference: number, name: string, valueText: string): string {
		const container = this.handles.get(reference);
		const key = container ? settableKey(container, name) : undefined;
		if (key === undefined) throw new Error(this.t("'{0}' is read-only; edit a parameter, lr or another hyper-parameter", name));
		const source = this.source();
		const value = evaluateText(valueText, source.controller, source.stepInto);
		assignVariable(source.controller, key, value);
		return showNumber(source.controller.session.variables.lookup(key) ?? value);
	}

	/** Scalar parameters (or their partials) as values, array ones as expandable containers (a matrix by rows). */
	private vectorOwners(controller: SessionController, values: Float64Array, of: VectorOf): DebugProtocol.Variable[] {
		const prefix = evaluatePrefix[of];
		return controller.loss.paramSpecs.map((spec) => {
			if (spec.size === undefined) return numberVariable(spec.name, values[spec.offset]!, `${prefix}${spec.name}`);
			return this.tensorVariable(spec.name, { kind: 'vector', of, spec, at: [] }, values);
		});
	}

	/** An expandable array variable: the part of `container.spec` at `container.at`, summarized with its shape. */
	private tensorVariable(name: string, container: Container & { kind: 'vector' }, values: Float64Array): DebugProtocol.Variable {
		const shape = paramShape(container.spec).slice(container.at.length);
		const { offset, size } = tensorPart(container.spec, container.at);
		const shown = Array.from(values.subarray(offset, offset + Math.min(size, 8)), showNumber).join(', ');
		const dims = shape.length > 1 ? `${shape.join('×')} ` : '';
		const value = `${dims}[${shown}${size > 8 ? ', …' : ''}]`;
		const prefix = evaluatePrefix[container.of];
		const evaluateName = `${prefix}${container.spec.name}${container.at.map((i) => `[${i}]`).join('')}`;
		return { name, value, evaluateName, variablesReference: this.handles.create(container), indexedVariables: shape[0] };
	}

	/** The rows of a matrix (expandable), or the numbers of a vector or of one row. */
	private tensorElements(container: Container & { kind: 'vector' }, values: Float64Array): DebugProtocol.Variable[] {
		const shape = paramShape(container.spec).slice(container.at.length);
		const prefix = evaluatePrefix[container.of];
		const path = `${prefix}${container.spec.name}${container.at.map((i) => `[${i}]`).join('')}`;
		return Array.from({ length: shape[0] ?? 0 }, (_, i) => {
			const at = [...container.at, i];
			if (shape.length > 1) return this.tensorVariable(`[${i}]`, { ...container, at }, values);
			return numberVariable(`[${i}]`, values[tensorPart(container.spec, at).offset]!, `${path}[${i}]`);
		});
	}

	private stateVariables(snapshot: SessionSnapshot): DebugProtocol.Variable[] {
		const { state } = snapshot.optimizer;
		const out: DebugProtocol.Variable[] = [numberVariable('step', state.step)];
		for (const [name, value] of Object.entries(state.scalars)) out.push(numberVariable(name, value));
		for (const [name, buffer] of Object.entries(state.buffers)) {
			const summary = `[${Array.from(buffer.subarray(0, 8), showNumber).join(', ')}${buffer.length > 8 ? ', …' : ''}]`;
			out.push({ name, value: summary, variablesReference: this.handles.create({ kind: 'buffer', name }), indexedVariables: buffer.length });
		}
		return out;
	}
}

function numberVariable(name: string, value: number, evaluateName?: string): DebugProtocol.Variable {
	return { name, value: showNumber(value), type: 'number', variablesReference: 0, evaluateName };
}

function lossVariables(s: SessionSnapshot): DebugProtocol.Variable[] {
	return [
		numberVariable('loss', s.loss, 'loss'),
		numberVariable('step', s.step, 'step'),
		numberVariable('‖∇L‖', s.gradientNorm, 'gradNorm'),
		numberVariable('lr', s.learningRate, 'lr'),
	];
}

function hyperVariables(s: SessionSnapshot): DebugProtocol.Variable[] {
	const out: DebugProtocol.Variable[] = [{ name: 'optimizer', value: s.optimizer.name, type: 'string', variablesReference: 0 }];
	for (const [name, value] of Object.entries(s.optimizer.options)) {
		if (typeof value === 'number') out.push(numberVariable(name, value, name));
		else out.push({ name, value: Array.isArray(value) ? `[${value.map(showNumber).join(', ')}]` : String(value), variablesReference: 0 });
	}
	if (s.settings.schedule.kind !== 'constant') {
		out.push({ name: 'schedule', value: formatSchedule(s.settings.schedule), type: 'string', variablesReference: 0 });
	}
	return out;
}

/** A frame's locals: each value, its adjoint once the backward pass has reached it, and the loop variable as `2 (of 4)`. */
function localVariables(stepInto: StepInto, frame: number, t: Translate): DebugProtocol.Variable[] {
	const out: DebugProtocol.Variable[] = [];
	for (const local of stepInto.frames()[frame]?.locals ?? []) {
		if (local.iteration) {
			const value = t('{0} (of {1})', showNumber(local.value), local.iteration.count);
			out.push({ name: local.name, value, type: 'number', variablesReference: 0, evaluateName: local.name });
			continue;
		}
		out.push(numberVariable(local.name, local.value, local.name));
		if (local.adjoint !== undefined) out.push(numberVariable(`∂L/∂${local.name}`, local.adjoint, `grad.${local.name}`));
	}
	return out;
}

/** The numbers an array variable of kind `of` shows (the gradient so far only while stepping into an update). */
function vectorValues(of: VectorOf, snapshot: SessionSnapshot, stepInto: StepInto | undefined): Float64Array {
	if (of === 'point') return snapshot.x;
	return of === 'accumulated' && stepInto ? stepInto.gradient : snapshot.gradient;
}

/** Where the part of `spec` at leading indices `at` lies in the flat parameters (row-major), and its size. */
function tensorPart(spec: ParamSpec, at: readonly number[]): { offset: number; size: number } {
	const shape = paramShape(spec);
	let offset = spec.offset;
	let size = spec.size ?? 1;
	at.forEach((index, axis) => {
		size /= shape[axis]!;
		offset += index * size;
	});
	return { offset, size };
}

function bufferElements(params: readonly string[], name: string, buffer: Float64Array | undefined): DebugProtocol.Variable[] {
	if (!buffer) return [];
	// A buffer with one entry per parameter names them; others (Adafactor's row_var, L-BFGS's history) are indexed.
	const perParameter = buffer.length === params.length;
	return Array.from(buffer, (value, i) => numberVariable(perParameter ? params[i]! : `[${i}]`, value, `${name}[${i}]`));
}

/** The session name a Variables edit writes, or undefined for read-only variables. */
function settableKey(container: Container, name: string): string | undefined {
	switch (container.kind) {
		case 'parameters':
		case 'hyper':
			return name;
		case 'loss':
			return name === 'lr' ? 'lr' : undefined;
		case 'vector': {
			const rows = container.at.map((i) => `[${i}]`).join('');
			const isNumber = paramShape(container.spec).length === container.at.length + 1;
			return container.of === 'point' && isNumber ? `${container.spec.name}${rows}${name}` : undefined;
		}
		default:
			return undefined;
	}
}
