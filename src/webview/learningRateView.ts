/**
 * The learning-rate explorer panel section, opened by the "Learning rates" button or from a divergence alert: asks
 * the host for a sweep (`requestSweep`), shows it as it fills in (`sweepChart.ts`), says where divergence begins and
 * which rate converged fastest, and restarts the session with a rate picked by clicking a point or, from the
 * keyboard, with the menu and the "Restart with it" button (`tryLearningRate`).
 */
import { LatestRequest } from '../shared/latestRequest';
import type { SweepInfo } from '../shared/messages';
import { el, setText, uniqueId } from './dom';
import { formatNumber } from './formatNumber';
import { SweepChart } from './sweepChart';
import type { ViewContext } from './viewContext';

export class LearningRateView {
	readonly element: HTMLElement;
	private readonly status = el('p', { className: 'note', attrs: { role: 'status' } });
	private readonly findings = el('p', { className: 'sweep-findings' });
	private readonly pick = el('select');
	private readonly chart: SweepChart;
	private sweep: SweepInfo | undefined;
	private readonly latest = new LatestRequest<SweepInfo>();

	constructor(private readonly ctx: ViewContext) {
		const s = ctx.strings();
		const id = uniqueId('sweep');
		const canvas = el('canvas', { attrs: { role: 'img', 'aria-label': s.get('sweep.title') } });
		const close = el('button', { className: 'secondary', text: s.get('sweep.close'), attrs: { type: 'button' } });
		close.addEventListener('click', () => this.close());
		const tryIt = el('button', { text: s.get('sweep.try'), attrs: { type: 'button' } });
		tryIt.addEventListener('click', () => this.pick.value && this.choose(Number(this.pick.value)));
		const pickId = uniqueId('sweep-pick');
		this.pick.id = pickId;
		const picker = el('div', { className: 'field' }, [el('label', { text: s.get('sweep.pick'), attrs: { for: pickId } }), this.pick, tryIt]);
		const head = el('div', { className: 'chart-head' }, [el('h2', { text: s.get('sweep.title'), attrs: { id } }), close]);
		this.element = el('section', { className: 'sweep', attrs: { 'aria-labelledby': id } }, [
			head, this.status, el('div', { className: 'sweep-box' }, [canvas]), this.findings, el('p', { className: 'note', text: s.get('sweep.hint') }), picker,
		]);
		this.element.hidden = true;
		this.chart = new SweepChart(canvas, s, ctx.theme, (lr) => this.choose(lr));
	}

	/** Shows the section and runs a new sweep. */
	open(): void {
		this.element.hidden = false;
		this.sweep = undefined;
		setText(this.status, '');
		this.latest.replace(this.ctx.request({ type: 'requestSweep' }, (sweep) => this.onSweep(sweep)));
		this.element.scrollIntoView?.({ block: 'nearest' });
	}

	close(): void {
		this.element.hidden = true;
		this.latest.cancel();
	}

	private onSweep(sweep: SweepInfo): void {
		if (this.element.hidden) return;
		this.sweep = sweep;
		this.refresh();
		if (sweep.progress >= 1) this.fillPicker(sweep);
	}

	/** Redraws with the session's current learning rate (after a restart or a theme change). */
	refresh(): void {
		const sweep = this.sweep;
		if (!sweep || this.element.hidden) return;
		const s = this.ctx.strings();
		const lr = this.ctx.model.settings?.options['lr'];
		this.chart.show(sweep, typeof lr === 'number' ? lr : NaN);
		const done = sweep.points.length;
		setText(this.status, sweep.progress < 1 ? s.get('sweep.progress', { done, total: sweep.rates.length, steps: sweep.steps }) : '');
		const fastest = sweep.points.find((p) => p.learningRate === sweep.fastest);
		const parts = [
			...(sweep.divergesFrom !== undefined ? [s.get('sweep.divergesFrom', { lr: formatNumber(sweep.divergesFrom) })] : []),
			...(sweep.stabilityAtStart !== undefined ? [s.get('sweep.stability', { lr: formatNumber(sweep.stabilityAtStart, 3) })] : []),
			...(sweep.stabilityAtMinimum !== undefined ? [s.get('sweep.stabilityAtMinimum', { lr: formatNumber(sweep.stabilityAtMinimum, 3) })] : []),
			...(fastest ? [s.get('sweep.fastest', { lr: formatNumber(fastest.learningRate), steps: fastest.steps })] : []),
		];
		setText(this.findings, parts.join(' · '));
	}

	dispose(): void {
		this.chart.destroy();
	}

	private fillPicker(sweep: SweepInfo): void {
		const s = this.ctx.strings();
		this.pick.replaceChildren(
			...sweep.points.map((p) =>
				el('option', { text: s.get('sweep.pickOption', { lr: formatNumber(p.learningRate), outcome: s.get(`sweep.${p.outcome}`), loss: formatNumber(p.finalLoss) }), attrs: { value: String(p.learningRate) } }),
			),
		);
		if (sweep.fastest !== undefined) this.pick.value = String(sweep.fastest);
	}

	private choose(learningRate: number): void {
		if (learningRate > 0 && Number.isFinite(learningRate)) this.ctx.post({ type: 'tryLearningRate', learningRate });
	}
}
