/**
 * "Compare optimizers": a preset menu (SGD, SGD with momentum 0.9, Nesterov, Adam, RMSprop, Adagrad, Adadelta,
 * Rprop, ASGD, L-BFGS with and without the strong-Wolfe line search) with its
 * learning rate, an "Add run" button (`addRun`), and the list of runs racing the session from the same start, each
 * with its colour, settings, step, loss and stop reason, and Hide/Show and Remove buttons (`changeRun`). Step and
 * continue move all runs together (the host keeps them in lock-step); the map and the loss chart draw each run in
 * its colour.
 */
import type { OptimizerOptionsInfo } from '../shared/messages';
import { el, uniqueId } from './dom';
import { formatForInput, formatNumber } from './formatNumber';
import { optimizerLabel } from './optimizerLabels';
import { parseLearningRate } from './controlBar';
import type { ViewContext } from './viewContext';

export interface RunPreset {
	readonly optimizer: string;
	readonly options: OptimizerOptionsInfo;
}

export const runPresets: readonly RunPreset[] = [
	{ optimizer: 'sgd', options: { lr: 0.01 } },
	{ optimizer: 'sgd', options: { lr: 0.01, momentum: 0.9 } },
	{ optimizer: 'sgd', options: { lr: 0.01, momentum: 0.9, nesterov: true } },
	{ optimizer: 'adam', options: { lr: 0.1 } },
	{ optimizer: 'rmsprop', options: { lr: 0.01 } },
	{ optimizer: 'adagrad', options: { lr: 0.1 } },
	{ optimizer: 'adadelta', options: { lr: 1 } },
	{ optimizer: 'rprop', options: { lr: 0.01 } },
	{ optimizer: 'asgd', options: { lr: 0.01 } },
	{ optimizer: 'lbfgs', options: { lr: 1, line_search_fn: 'strong_wolfe' } },
	{ optimizer: 'lbfgs', options: { lr: 1 } },
	{ optimizer: 'adafactor', options: { lr: 0.01 } },
	{ optimizer: 'newton', options: { lr: 1 } },
];

/** "SGD lr = 0.01, momentum 0.9, Nesterov". */
export function runLabel(optimizer: string, options: OptimizerOptionsInfo): string {
	const momentum = typeof options.momentum === 'number' && options.momentum !== 0 ? `, momentum ${formatNumber(options.momentum)}` : '';
	const nesterov = options.nesterov === true ? ', Nesterov' : '';
	const lineSearch = options.line_search_fn === 'strong_wolfe' ? ', strong Wolfe' : '';
	const lr = typeof options.lr === 'number' ? ` lr = ${formatNumber(options.lr)}` : '';
	return `${optimizerLabel(optimizer)}${lr}${momentum}${nesterov}${lineSearch}`;
}

export const maxRuns = 3;

export class CompareView {
	readonly element: HTMLElement;
	private readonly preset = el('select');
	private readonly rate = el('input', { className: 'number', attrs: { type: 'text', inputmode: 'decimal', spellcheck: 'false', autocomplete: 'off' } });
	private readonly add: HTMLButtonElement;
	private readonly list = el('ul', { className: 'runs' });
	private shown = '';

	constructor(private readonly ctx: ViewContext) {
		const s = ctx.strings();
		const id = uniqueId('compare');
		this.preset.replaceChildren(...runPresets.map((p, i) => el('option', { text: runLabel(p.optimizer, { ...p.options, lr: NaN }).replace(' lr = NaN', ''), attrs: { value: String(i) } })));
		this.preset.addEventListener('change', () => (this.rate.value = formatForInput(runPresets[Number(this.preset.value)]!.options.lr as number)));
		this.rate.value = formatForInput(runPresets[0]!.options.lr as number);
		this.add = el('button', { text: s.get('compare.add'), attrs: { type: 'button' } });
		this.add.addEventListener('click', () => this.addRun());
		this.rate.addEventListener('keydown', (event) => event.key === 'Enter' && this.addRun());
		const presetId = uniqueId('preset');
		const rateId = uniqueId('run-rate');
		this.preset.id = presetId;
		this.rate.id = rateId;
		const form = el('div', { className: 'fields' }, [
			el('div', { className: 'field' }, [el('label', { text: s.get('compare.optimizer'), attrs: { for: presetId } }), this.preset]),
			el('div', { className: 'field' }, [el('label', { text: s.get('compare.rate'), attrs: { for: rateId } }), this.rate, this.add]),
		]);
		this.element = el('section', { className: 'compare', attrs: { 'aria-labelledby': id } }, [el('h2', { text: s.get('compare.title'), attrs: { id } }), form, this.list]);
	}

	render(): void {
		const m = this.ctx.model;
		const c = m.current;
		if (!c || !m.settings) return;
		const runs = m.runs.all;
		const key = JSON.stringify([c.step, c.loss, m.stop.kind, m.settings.optimizer, m.settings.options, runs.map((r) => r.info)]);
		if (key === this.shown) return;
		this.shown = key;
		const s = this.ctx.strings();
		this.add.disabled = runs.length >= maxRuns;
		const main = this.item(this.ctx.theme().blue, `${s.get('compare.session')}: ${runLabel(m.settings.optimizer, m.settings.options)}`, s.get('compare.state', { step: c.step, loss: formatNumber(c.loss) }), m.stop.kind === 'diverged' || m.stop.kind === 'converged' ? m.stop.message : '');
		const items = runs.map((run) => {
			const label = runLabel(run.info.optimizer, run.info.options);
			const state = s.get('compare.state', { step: run.info.step, loss: formatNumber(run.info.loss) });
			const li = this.item(run.color, label, state, run.info.stop.message);
			const hide = el('button', { className: 'secondary', text: s.get(run.info.hidden ? 'compare.show' : 'compare.hide'), attrs: { type: 'button', 'aria-label': `${s.get(run.info.hidden ? 'compare.show' : 'compare.hide')}: ${label}` } });
			hide.dataset.focusKey = `${run.info.id}:toggle`;
			hide.addEventListener('click', () => this.ctx.post({ type: 'changeRun', id: run.info.id, change: run.info.hidden ? 'show' : 'hide' }));
			const remove = el('button', { className: 'secondary', text: s.get('compare.remove'), attrs: { type: 'button', 'aria-label': `${s.get('compare.remove')}: ${label}` } });
			remove.dataset.focusKey = `${run.info.id}:remove`;
			remove.addEventListener('click', () => this.ctx.post({ type: 'changeRun', id: run.info.id, change: 'remove' }));
			li.classList.toggle('hidden-run', run.info.hidden);
			li.append(el('span', { className: 'run-buttons' }, [hide, remove]));
			return li;
		});
		// The list is rebuilt: keep the keyboard focus on the same button of the same run.
		const focused = (document.activeElement as HTMLElement | null)?.dataset?.focusKey;
		this.list.replaceChildren(main, ...items);
		if (focused) this.list.querySelectorAll('button').forEach((b) => b.dataset.focusKey === focused && b.focus());
	}

	private item(color: string, label: string, state: string, stop: string): HTMLLIElement {
		const swatch = el('span', { className: 'swatch', attrs: { 'aria-hidden': 'true' } });
		swatch.style.backgroundColor = color;
		const text = el('span', { className: 'run-text' }, [el('span', { className: 'run-label', text: label }), el('span', { className: 'run-state', text: stop ? `${state} · ${stop}` : state })]);
		return el('li', {}, [swatch, text]);
	}

	private addRun(): void {
		const preset = runPresets[Number(this.preset.value)];
		const lr = parseLearningRate(this.rate.value);
		if (!preset || lr === undefined || this.ctx.model.runs.all.length >= maxRuns) return;
		this.ctx.post({ type: 'addRun', optimizer: preset.optimizer, options: { ...preset.options, lr } });
	}
}

