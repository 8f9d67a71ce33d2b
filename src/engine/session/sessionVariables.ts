/**
 * The names a session exposes to breakpoint conditions, logpoints, Watch and the Debug Console: `loss`, `step`,
 * `gradNorm`, `lr`, each parameter (`x`, `w[0]`), its partial derivative (`grad.x`, `grad.w[0]`), the numeric
 * hyper-parameters (`momentum`, `weight_decay`, ...) and the optimizer state (`exp_avg[0]`, `step_count`).
 * Assignments go through `assign`, which edits the point or the settings from the next update on.
 */
import type { Lookup } from '../expression/expression';
import type { OptimizationSession } from './optimizationSession';

export class SessionVariables {
	constructor(private readonly session: OptimizationSession) {}

	/** Reads a name at the current point; undefined for unknown names. */
	readonly lookup: Lookup = (key) => {
		const s = this.session;
		const k = s.position;
		const h = s.history;
		switch (key) {
			case 'loss':
				return h.loss(k);
			case 'step':
				return k;
			case 'gradNorm':
				return h.gradientNorm(k);
			case 'lr':
				return s.learningRate;
		}
		const params = s.loss.params;
		const index = params.indexOf(key);
		if (index >= 0) return h.coordinate(k, index);
		if (key.startsWith('grad.')) {
			const g = params.indexOf(key.slice(5));
			return g >= 0 ? h.readGradient(k, new Float64Array(params.length))[g] : undefined;
		}
		return this.optimizerValue(key);
	};

	/** Every name `lookup` knows, for validating conditions up front. */
	names(): ReadonlySet<string> {
		const params = this.session.loss.params;
		const options = this.numericOptions().keys();
		return new Set(['loss', 'step', 'gradNorm', 'lr', ...params, ...params.map((p) => `grad.${p}`), ...options]);
	}

	/** `lr = 0.01`, `momentum = 0.9`, `x = 3`: edits the point or the settings. Returns an error message or undefined. */
	assign(key: string, value: number): string | undefined {
		if (!Number.isFinite(value)) return `${key} must be a finite number`;
		const s = this.session;
		const index = s.loss.params.indexOf(key);
		if (index >= 0) {
			s.setCoordinate(index, value);
			return undefined;
		}
		const name = key === 'lr' ? 'lr' : key;
		if (!this.numericOptions().has(name)) return `cannot assign '${key}': not a parameter or a hyper-parameter`;
		try {
			s.updateSettings({ optimizerOptions: { ...s.settings.optimizerOptions, [name]: value } });
			return undefined;
		} catch (error) {
			return error instanceof Error ? error.message : String(error);
		}
	}

	private numericOptions(): Map<string, number> {
		const out = new Map<string, number>();
		for (const [name, value] of Object.entries(this.session.currentOptimizer.options)) {
			if (typeof value === 'number') out.set(name, value);
		}
		return out;
	}

	private optimizerValue(key: string): number | undefined {
		const option = this.numericOptions().get(key);
		if (option !== undefined) return option;
		const match = /^([a-z_]+)\[(\d+)\]$/.exec(key);
		if (!match) return undefined;
		const { buffers } = this.session.stateAt(this.session.position);
		return Object.hasOwn(buffers, match[1]!) ? buffers[match[1]!]![Number(match[2])] : undefined;
	}
}
