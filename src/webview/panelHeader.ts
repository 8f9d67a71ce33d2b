/**
 * The top of the panel: the loss and its file, the optimizer, step, loss, ‖∇L‖ and learning rate of the current
 * point, the curvature there (the Hessian's λ_max and λ_min, the condition number κ and 2/λ_max), and why the
 * session stopped. A divergence is shown as an alert with the learning rate the host found safe
 * as a one-click fix ("Use lr = …" posts `setLearningRate`), and a way into the learning-rate explorer. Errors
 * from the host appear in their own alert.
 */
import { el, setText } from './dom';
import { formatNumber } from './formatNumber';
import { optimizerLabel } from './optimizerLabels';
import type { ViewContext } from './viewContext';

export class PanelHeader {
	readonly element: HTMLElement;
	private readonly title = el('h1');
	private readonly file = el('span', { className: 'file' });
	private readonly running = el('span', { className: 'badge' });
	private readonly values = new Map<string, HTMLElement>();
	private readonly stop = el('p', { className: 'stop' });
	private readonly alert = el('div', { className: 'stop-alert', attrs: { role: 'alert' } });
	private readonly alertText = el('span');
	private readonly useRate = el('button', { attrs: { type: 'button' } });
	private readonly error = el('div', { className: 'error', attrs: { role: 'alert' } });
	private readonly errorText = el('span');
	private suggested: number | undefined;

	/** `explore` opens the learning-rate explorer (the alert's second button). */
	constructor(private readonly ctx: ViewContext, explore: () => void) {
		const s = ctx.strings();
		const exploreButton = el('button', { className: 'secondary', text: s.get('sweep.explore'), attrs: { type: 'button' } });
		exploreButton.addEventListener('click', explore);
		const stats = el('dl', { className: 'stats' });
		for (const key of ['header.optimizer', 'header.step', 'header.loss', 'header.gradientNorm', 'header.learningRate', 'header.curvature'] as const) {
			const dd = el('dd');
			this.values.set(key, dd);
			stats.append(el('div', key === 'header.curvature' ? { className: 'curvature' } : {}, [el('dt', { text: s.get(key) }), dd]));
		}
		this.useRate.addEventListener('click', () => this.suggested !== undefined && ctx.post({ type: 'setLearningRate', learningRate: this.suggested }));
		this.alert.append(this.alertText, this.useRate, exploreButton);
		this.alert.hidden = true;
		const dismiss = el('button', { className: 'secondary', text: s.get('control.dismiss'), attrs: { type: 'button' } });
		dismiss.addEventListener('click', () => (this.error.hidden = true));
		this.error.append(this.errorText, dismiss);
		this.error.hidden = true;
		this.element = el('header', { className: 'panel-header' }, [el('div', { className: 'title-row' }, [this.title, this.file, this.running]), stats, this.stop, this.alert, this.error]);
	}

	render(): void {
		const m = this.ctx.model;
		const s = this.ctx.strings();
		const c = m.current;
		if (!m.loss || !c) return;
		setText(this.title, m.loss.name);
		setText(this.file, m.loss.fileName);
		setText(this.running, m.running ? s.get('header.running') : '');
		this.running.hidden = !m.running;
		const set = (key: string, text: string) => setText(this.values.get(key)!, text);
		set('header.optimizer', optimizerLabel(m.settings?.optimizer ?? ''));
		set('header.step', c.step < c.historyLength - 1 ? `${c.step} / ${c.historyLength - 1}` : String(c.step));
		set('header.loss', formatNumber(c.loss, 6));
		set('header.gradientNorm', formatNumber(c.gradientNorm, 4));
		set('header.learningRate', formatNumber(c.learningRate, 4));
		const k = c.curvature;
		set('header.curvature', k ? s.get('header.curvatureValue', { max: formatNumber(k.lambdaMax, 4), min: formatNumber(k.lambdaMin, 4), kappa: formatNumber(k.conditionNumber, 3), threshold: formatNumber(k.stabilityThreshold, 3) }) : '');
		this.values.get('header.curvature')!.parentElement!.hidden = !k;
		const diverged = m.stop.kind === 'diverged';
		// While running, the last stop ("At the start point") is old news: the running badge says what happens.
		const stopShown = !m.running && !diverged && m.stop.message !== '';
		setText(this.stop, stopShown ? m.stop.message : '');
		this.stop.hidden = !stopShown;
		this.alert.hidden = !diverged;
		if (diverged) this.renderAlert(m.stop.message, m.stop.suggestedLearningRate);
	}

	showError(message: string): void {
		setText(this.errorText, message);
		this.error.hidden = false;
	}

	clearError(): void {
		this.error.hidden = true;
	}

	private renderAlert(message: string, suggested: number | undefined): void {
		setText(this.alertText, message);
		this.suggested = suggested;
		this.useRate.hidden = suggested === undefined;
		if (suggested !== undefined) setText(this.useRate, this.ctx.strings().get('control.useLearningRate', { lr: formatNumber(suggested) }));
	}
}
