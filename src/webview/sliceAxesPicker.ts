/**
 * Chooses what the contour slice of an n-D loss goes through (always the current point): two parameters picked
 * from two menus (the others stay at the current point; picking the parameter already on the other axis swaps the
 * two), or the plane of the path's principal directions, from a "Directions" menu.
 */
import { el, uniqueId } from './dom';
import type { ViewContext } from './viewContext';

export interface SliceChoice {
	readonly principal: boolean;
	readonly axes: [number, number];
}

export class SliceAxesPicker {
	readonly element: HTMLElement;
	private readonly mode = el('select');
	private readonly x = el('select');
	private readonly y = el('select');
	private readonly axisFields: HTMLElement[];
	private readonly note: HTMLElement;
	private axes: [number, number];

	constructor(private readonly ctx: ViewContext, params: readonly string[], axes: [number, number], private readonly onChange: (choice: SliceChoice) => void, principal = false) {
		const s = ctx.strings();
		this.axes = axes;
		for (const select of [this.x, this.y]) select.append(...params.map((p, i) => el('option', { text: p, attrs: { value: String(i) } })));
		this.mode.append(el('option', { text: s.get('slice.mode.axes'), attrs: { value: 'axes' } }), el('option', { text: s.get('slice.mode.principal'), attrs: { value: 'principal' } }));
		this.mode.value = principal ? 'principal' : 'axes';
		this.x.value = String(axes[0]);
		this.y.value = String(axes[1]);
		this.x.addEventListener('change', () => this.pick(0, Number(this.x.value)));
		this.y.addEventListener('change', () => this.pick(1, Number(this.y.value)));
		this.mode.addEventListener('change', () => this.changed());
		const field = (key: 'plot.sliceX' | 'plot.sliceY' | 'slice.mode', select: HTMLSelectElement) => {
			select.id = uniqueId('axis');
			return el('div', { className: 'field' }, [el('label', { text: s.get(key), attrs: { for: select.id } }), select]);
		};
		this.axisFields = [field('plot.sliceX', this.x), field('plot.sliceY', this.y)];
		this.note = el('p', { className: 'note slice-note', text: s.get('slice.principal.note') });
		this.element = el('div', { className: 'slice-axes', attrs: { role: 'group', 'aria-label': s.get('plot.slice') } }, [
			el('span', { className: 'slice-title', text: s.get('plot.slice') }),
			field('slice.mode', this.mode),
			...this.axisFields,
			this.note,
		]);
		this.showMode();
	}

	private get principal(): boolean {
		return this.mode.value === 'principal';
	}

	private showMode(): void {
		for (const f of this.axisFields) f.hidden = this.principal;
		this.note.hidden = !this.principal;
	}

	private changed(): void {
		this.showMode();
		this.ctx.saveViewState({ axes: this.axes, principalSlice: this.principal });
		this.onChange({ principal: this.principal, axes: this.axes });
	}

	private pick(which: 0 | 1, index: number): void {
		const next: [number, number] = [...this.axes];
		const other = 1 - which;
		if (next[other] === index) next[other] = this.axes[which];
		next[which] = index;
		this.axes = next;
		this.x.value = String(next[0]);
		this.y.value = String(next[1]);
		this.changed();
	}
}
