/**
 * Two menus choosing which parameters of an n-D loss span the contour slice (the others stay at the current
 * point). Picking the parameter already on the other axis swaps the two.
 */
import { el, uniqueId } from './dom';
import type { ViewContext } from './viewContext';

export class SliceAxesPicker {
	readonly element: HTMLElement;
	private readonly x = el('select');
	private readonly y = el('select');
	private axes: [number, number];

	constructor(private readonly ctx: ViewContext, params: readonly string[], axes: [number, number], private readonly onChange: (axes: [number, number]) => void) {
		const s = ctx.strings();
		this.axes = axes;
		for (const select of [this.x, this.y]) select.append(...params.map((p, i) => el('option', { text: p, attrs: { value: String(i) } })));
		this.x.value = String(axes[0]);
		this.y.value = String(axes[1]);
		this.x.addEventListener('change', () => this.pick(0, Number(this.x.value)));
		this.y.addEventListener('change', () => this.pick(1, Number(this.y.value)));
		const field = (key: 'plot.sliceX' | 'plot.sliceY', select: HTMLSelectElement) => {
			select.id = uniqueId('axis');
			return el('div', { className: 'field' }, [el('label', { text: s.get(key), attrs: { for: select.id } }), select]);
		};
		this.element = el('div', { className: 'slice-axes', attrs: { role: 'group', 'aria-label': s.get('plot.slice') } }, [
			el('span', { className: 'slice-title', text: s.get('plot.slice') }),
			field('plot.sliceX', this.x),
			field('plot.sliceY', this.y),
		]);
	}

	private pick(which: 0 | 1, index: number): void {
		const next: [number, number] = [...this.axes];
		const other = 1 - which;
		if (next[other] === index) next[other] = this.axes[which];
		next[which] = index;
		this.axes = next;
		this.x.value = String(next[0]);
		this.y.value = String(next[1]);
		this.ctx.saveViewState({ axes: next });
		this.onChange(next);
	}
}
