/**
 * The update-rule card beside the plot: the study note's `w_new = w − η·∇L` with the numbers of the next step
 * (and momentum's or Adam's own terms), from `PointState.update`. Text only, in text nodes; rebuilt when the point
 * or the rule changes, so a screen reader reads it as plain lines.
 */
import { el, setText, uniqueId } from './dom';
import { updateRuleText } from './updateRuleText';
import type { ViewContext } from './viewContext';

export class UpdateRuleView {
	readonly element: HTMLElement;
	private readonly formulas = el('div', { className: 'formulas' });
	private readonly rows = el('div', { className: 'update-rows' });
	private readonly summary = el('p', { className: 'note' });
	private readonly stepCount = el('span', { className: 'badge' });
	private shown = '';

	constructor(private readonly ctx: ViewContext) {
		const s = ctx.strings();
		const id = uniqueId('update');
		const head = el('div', { className: 'chart-head' }, [el('h2', { text: s.get('update.title'), attrs: { id } }), this.stepCount]);
		const legend = el('p', { className: 'note', text: s.get('update.legend') });
		this.element = el('section', { className: 'update-rule', attrs: { 'aria-labelledby': id } }, [head, this.formulas, this.rows, this.summary, legend]);
		this.element.hidden = true;
	}

	render(): void {
		const m = this.ctx.model;
		const info = m.current?.update;
		if (!info || !m.loss) {
			this.element.hidden = true;
			return;
		}
		const key = JSON.stringify(info);
		if (key === this.shown) return;
		this.shown = key;
		const s = this.ctx.strings();
		const text = updateRuleText(info, m.loss.params, s);
		this.element.hidden = false;
		setText(this.stepCount, s.get('update.step', { t: info.constants.t ?? m.current!.step + 1 }));
		this.formulas.replaceChildren(...text.formulas.map((f) => el('code', { className: 'formula', text: f })));
		this.rows.replaceChildren(
			...text.rows.map((row) => el('div', { className: 'update-param' }, [el('span', { className: 'param-name', text: row.name }), ...row.lines.map((line) => el('code', { text: line }))])),
		);
		setText(this.summary, text.summary ?? '');
		this.summary.hidden = text.summary === undefined;
	}
}
