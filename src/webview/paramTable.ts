/**
 * The latest value and gradient of each parameter of an n-D loss, as a real table (caption, column headers) so a
 * screen reader can move through it. Shows the first 200 parameters.
 */
import { el, setText } from './dom';
import { formatNumber } from './formatNumber';
import type { ViewContext } from './viewContext';

const maxRows = 200;

export class ParamTable {
	readonly element: HTMLElement;
	private readonly body = el('tbody');
	private cells: { value: HTMLElement; gradient: HTMLElement }[] = [];

	constructor(private readonly ctx: ViewContext) {
		const s = ctx.strings();
		const head = el('thead', {}, [el('tr', {}, [s.get('table.param'), s.get('table.value'), s.get('table.gradient')].map((text) => el('th', { text, attrs: { scope: 'col' } })))]);
		const table = el('table', { className: 'params' }, [el('caption', { text: s.get('table.caption') }), head, this.body]);
		this.element = el('div', { className: 'table-box' }, [table]);
	}

	render(): void {
		const m = this.ctx.model;
		const c = m.current;
		if (!c || !m.loss) return;
		const names = m.loss.params.slice(0, maxRows);
		if (this.cells.length !== names.length) this.build(names);
		names.forEach((_, i) => {
			setText(this.cells[i]!.value, formatNumber(c.x[i]!, 6));
			setText(this.cells[i]!.gradient, formatNumber(c.gradient[i]!, 4));
		});
	}

	private build(names: readonly string[]): void {
		this.cells = names.map(() => ({ value: el('td', { className: 'number' }), gradient: el('td', { className: 'number' }) }));
		this.body.replaceChildren(...names.map((name, i) => el('tr', {}, [el('th', { text: name, attrs: { scope: 'row' } }), this.cells[i]!.value, this.cells[i]!.gradient])));
	}
}
