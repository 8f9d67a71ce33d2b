/**
 * The session controls: Step, ×10, Continue/Pause (one button whose label follows `running`), Step Back, Restart,
 * the speed slider, the learning-rate field, the optimizer menu and the history scrubber. Every control is a
 * native, labelled element; each posts one intent and shows what the host says back (the panel never assumes a
 * command worked). A field the user is editing is not overwritten by updates.
 */
import type { SessionCommand } from '../shared/messages';
import { el, setAttr, setText, uniqueId } from './dom';
import { formatForInput } from './formatNumber';
import { optimizerLabel } from './optimizerLabels';
import type { StringKey } from './strings';
import type { ViewContext } from './viewContext';

/** Speed slider stops in steps per second; 0 (the last stop) is as fast as possible. */
export const speedStops: readonly number[] = [1, 2, 5, 10, 20, 30, 60, 120, 240, 0];

/** The slider stop closest to `stepsPerSecond`. */
export function speedStopIndex(stepsPerSecond: number): number {
	if (!(stepsPerSecond > 0)) return speedStops.length - 1;
	let best = 0;
	for (let i = 0; i < speedStops.length - 1; i++) if (Math.abs(Math.log(speedStops[i]! / stepsPerSecond)) < Math.abs(Math.log(speedStops[best]! / stepsPerSecond))) best = i;
	return best;
}

/** A learning rate typed by the user: a finite number ≥ 0, or undefined. */
export function parseLearningRate(text: string): number | undefined {
	const trimmed = text.trim();
	if (trimmed === '' || !/^[+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(trimmed)) return undefined;
	const value = Number(trimmed);
	return Number.isFinite(value) && value >= 0 ? value : undefined;
}

export class ControlBar {
	readonly element: HTMLElement;
	private readonly buttons = new Map<SessionCommand | 'toggle', HTMLButtonElement>();
	private readonly speed = el('input', { attrs: { type: 'range', min: '0', max: String(speedStops.length - 1), step: '1' } });
	private readonly speedOutput = el('output');
	private readonly rate = el('input', { attrs: { type: 'text', inputmode: 'decimal', spellcheck: 'false', autocomplete: 'off' } });
	private readonly rateMessage = el('span', { className: 'field-message' });
	private readonly optimizer = el('select');
	private readonly history = el('input', { attrs: { type: 'range', min: '0', step: '1' } });
	private readonly historyOutput = el('output');
	private rateDirty = false;
	private optimizerNames = '';

	constructor(private readonly ctx: ViewContext) {
		const buttons = el('div', { className: 'buttons' }, [
			this.button('step', 'control.step', 'control.step.title', 'Space'),
			this.button('stepMany', 'control.stepMany', 'control.stepMany.title', 'Shift+ArrowRight'),
			this.button('toggle', 'control.continue', 'control.continue.title', 'Enter'),
			this.button('stepBack', 'control.stepBack', 'control.stepBack.title', 'ArrowLeft'),
			this.button('restart', 'control.restart', 'control.restart.title', 'R'),
		]);
		this.buttons.get('toggle')!.classList.add('primary');
		const s = ctx.strings();
		this.element = el('div', { className: 'controls', attrs: { role: 'group', 'aria-label': s.get('control.toolbar') } }, [
			buttons,
			el('div', { className: 'fields' }, [this.field('control.speed', this.speed, this.speedOutput), this.rateField(), this.field('control.optimizer', this.optimizer)]),
			el('div', { className: 'scrubber' }, [this.field('control.history', this.history, this.historyOutput)]),
		]);
		this.wire();
	}

	/** Posts the command for a button or a keyboard shortcut. */
	command(command: SessionCommand | 'toggle'): void {
		if (!this.ctx.model.ready) return;
		const resolved = command === 'toggle' ? (this.ctx.model.running ? 'pause' : 'continue') : command;
		this.ctx.post({ type: 'command', command: resolved });
	}

	render(): void {
		const m = this.ctx.model;
		const c = m.current;
		const s = this.ctx.strings();
		if (!c || !m.settings) return;
		setText(this.buttons.get('toggle')!, s.get(m.running ? 'control.pause' : 'control.continue'));
		setAttr(this.buttons.get('toggle')!, 'aria-pressed', String(m.running));
		this.buttons.get('stepBack')!.disabled = c.step === 0;
		if (document.activeElement !== this.speed) this.speed.value = String(speedStopIndex(m.settings.stepsPerSecond));
		this.showSpeed();
		if (!this.rateDirty) this.rate.value = formatForInput(this.baseLearningRate());
		this.renderOptimizers(m.settings.optimizer);
		this.history.max = String(Math.max(0, c.historyLength - 1));
		this.history.disabled = c.historyLength <= 1;
		if (document.activeElement !== this.history) this.history.value = String(c.step);
		this.showHistory(c.step, c.historyLength - 1);
	}

	private wire(): void {
		this.speed.addEventListener('input', () => this.showSpeed());
		this.speed.addEventListener('change', () => this.ctx.post({ type: 'setSpeed', stepsPerSecond: speedStops[Number(this.speed.value)] ?? 0 }));
		this.rate.addEventListener('input', () => {
			this.rateDirty = true;
			this.validateRate();
		});
		this.rate.addEventListener('keydown', (event) => {
			if (event.key === 'Enter') this.commitRate();
			if (event.key === 'Escape') this.resetRate();
		});
		this.rate.addEventListener('blur', () => parseLearningRate(this.rate.value) === undefined && this.resetRate());
		this.optimizer.addEventListener('change', () => this.chooseOptimizer(this.optimizer.value));
		this.history.addEventListener('input', () => this.showHistory(Number(this.history.value), Number(this.history.max)));
		this.history.addEventListener('change', () => this.ctx.post({ type: 'goTo', step: Number(this.history.value) }));
	}

	private commitRate(): void {
		const value = parseLearningRate(this.rate.value);
		if (value === undefined) return this.validateRate();
		this.rateDirty = false;
		this.ctx.post({ type: 'setLearningRate', learningRate: value });
	}

	private resetRate(): void {
		this.rateDirty = false;
		this.rate.value = formatForInput(this.baseLearningRate());
		this.validateRate();
	}

	private validateRate(): void {
		const ok = parseLearningRate(this.rate.value) !== undefined;
		setAttr(this.rate, 'aria-invalid', String(!ok));
		setText(this.rateMessage, ok && !this.rateDirty ? '' : this.ctx.strings().get(ok ? 'control.learningRate.hint' : 'control.learningRate.invalid'));
		this.rateMessage.hidden = ok && !this.rateDirty;
	}

	/** The learning rate the user set (the optimizer's `lr`), else the one in effect at the current point. */
	private baseLearningRate(): number {
		const lr = this.ctx.model.settings?.options['lr'];
		return typeof lr === 'number' ? lr : (this.ctx.model.current?.learningRate ?? NaN);
	}

	/** Switches optimizer with its PyTorch defaults and the current learning rate. */
	private chooseOptimizer(name: string): void {
		const entry = this.ctx.model.snapshot?.optimizers.find((o) => o.name === name);
		if (!entry) return;
		const lr = this.baseLearningRate();
		this.ctx.post({ type: 'setOptimizer', optimizer: name, options: Number.isFinite(lr) ? { ...entry.defaults, lr } : { ...entry.defaults } });
	}

	private renderOptimizers(selected: string): void {
		const optimizers = this.ctx.model.snapshot?.optimizers ?? [];
		const names = optimizers.map((o) => o.name).join('|');
		if (names !== this.optimizerNames) {
			this.optimizerNames = names;
			this.optimizer.replaceChildren(...optimizers.map((o) => el('option', { text: optimizerLabel(o.name), attrs: { value: o.name } })));
		}
		if (document.activeElement !== this.optimizer) this.optimizer.value = selected;
	}

	private showSpeed(): void {
		const stop = speedStops[Number(this.speed.value)] ?? 0;
		const s = this.ctx.strings();
		const text = stop === 0 ? s.get('control.speedMax') : s.get('control.speedValue', { n: stop });
		setText(this.speedOutput, text);
		setAttr(this.speed, 'aria-valuetext', text);
	}

	private showHistory(step: number, last: number): void {
		const text = this.ctx.strings().get('control.historyValue', { step, last });
		setText(this.historyOutput, text);
		setAttr(this.history, 'aria-valuetext', text);
	}

	private button(command: SessionCommand | 'toggle', label: StringKey, title: StringKey, keys: string): HTMLButtonElement {
		const s = this.ctx.strings();
		const b = el('button', { text: s.get(label), attrs: { type: 'button', title: s.get(title), 'aria-keyshortcuts': keys } });
		b.addEventListener('click', () => this.command(command));
		this.buttons.set(command, b);
		return b;
	}

	private field(label: StringKey, control: HTMLElement, ...extra: HTMLElement[]): HTMLElement {
		const id = uniqueId('field');
		control.id = id;
		return el('div', { className: 'field' }, [el('label', { text: this.ctx.strings().get(label), attrs: { for: id } }), control, ...extra]);
	}

	private rateField(): HTMLElement {
		const messageId = uniqueId('rate-message');
		this.rateMessage.id = messageId;
		this.rateMessage.hidden = true;
		this.rate.setAttribute('aria-describedby', messageId);
		this.rate.classList.add('number');
		return this.field('control.learningRate', this.rate, this.rateMessage);
	}
}
