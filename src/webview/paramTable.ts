/**
 * The latest value and gradient of each parameter of an n-D loss, as a real table (caption, column headers) so a
 * screen reader can move through it. Array parameters are grouped: a row header per tensor (`W1 · 2×2`, with the
 * norm of its gradient) above its elements. Shows the first 200 parameters.
 */
import type { TensorInfo } from '../shared/messages';
import { el, setText } from './dom';
import { formatNumber } from './formatNumber';
import type { ViewContext } from './viewContext';

const maxRows = 200;

/** The tensors of a loss: as declared when the host says, else one scalar per flat name. */
export function tensorsOf(params: readonly string[], tensors: readonly TensorInfo[] | undefined): readonly TensorInfo[] {
	return tensors ?? params.map((name, offset) => ({ name, offset, shape: [] }));
}

export class ParamTable {
	readonly element: HTMLElement;
	private readonly table: HTMLElement;
	private cells: { value: HTMLElement; gradient: HTMLElement }[] = [];
	private norms: { cell: HTMLElement; tensor: TensorInfo }[] = [];

	constructor(private readonly ctx: ViewContext) {
		const s = ctx.strings();
		const head = el('thead', {}, [el('tr', {}, [s.get('table.param'), s.get('table.value'), s.get('table.gradient')].map((text) => el('th', { text, attrs: { scope: 'col' } })))]);
		this.table = el('table', { className: 'params' }, [el('caption', { text: s.get('table.caption') }), head]);
		this.element = el('div', { className: 'table-box' }, [this.table]);
	}

	render(): void {
		const m = this.ctx.model;
		const c = m.current;
		if (!c || !m.loss) return;
		const names = m.loss.params.slice(0, maxRows);
		if (this.cells.length !== names.length) this.build(names, tensorsOf(m.loss.params, m.loss.tensors));
		names.forEach((_, i) => {
			setText(this.cells[i]!.value, formatNumber(c.x[i]!, 6));
			setText(this.cells[i]!.gradient, formatNumber(c.gradient[i]!, 4));
		});
		for (const { cell, tensor } of this.norms) {
			const size = tensor.shape.reduce((p, n) => p * n, 1);
			setText(cell, `‖∇‖ ${formatNumber(Math.hypot(...c.gradient.slice(tensor.offset, tensor.offset + size)), 4)}`);
		}
	}

	/** One `tbody` per tensor: a group header for arrays, then a row per element (as far as `names` goes). */
	private build(names: readonly string[], tensors: readonly TensorInfo[]): void {
		this.table.querySelectorAll('tbody').forEach((body) => body.remove());
		this.cells = names.map(() => ({ value: el('td', { className: 'number' }), gradient: el('td', { className: 'number' }) }));
		this.norms = [];
		for (const tensor of tensors) {
			const size = tensor.shape.reduce((p, n) => p * n, 1);
			const indices = Array.from({ length: size }, (_, k) => tensor.offset + k).filter((i) => i < names.length);
			if (indices.length === 0) continue;
			const rows = indices.map((i) => el('tr', {}, [el('th', { text: names[i]!, attrs: { scope: 'row' } }), this.cells[i]!.value, this.cells[i]!.gradient]));
			if (tensor.shape.length === 0) {
				this.table.append(el('tbody', {}, rows));
				continue;
			}
			const norm = el('td', { className: 'number' });
			this.norms.push({ cell: norm, tensor });
			const title = el('th', { text: `${tensor.name} · ${tensor.shape.join('×')}`, attrs: { scope: 'rowgroup', colspan: '2' } });
			this.table.append(el('tbody', { className: 'tensor' }, [el('tr', { className: 'tensor-head' }, [title, norm]), ...rows]));
		}
	}
}
