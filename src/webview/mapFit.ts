/**
 * What the contour map frames and says about itself, from the panel model alone: the box **Fit** shows on two
 * parameter axes (the run, its next step, random restarts and the racing runs that are shown), and the map's
 * accessible description. Split from `contourView.ts`, which owns the view.
 */
import type { ViewRange } from '../shared/messages';
import { formatNumber } from './formatNumber';
import type { PanelModel } from './panelModel';
import { restartsBounds } from './restartsPainter';
import type { Strings } from './strings';

/** The smallest box around everything the map shows on axes `ax`, `ay`; undefined before the first record. */
export function mapFitBox(model: PanelModel, [ax, ay]: readonly [number, number]): ViewRange | undefined {
	const { store, current } = model;
	if (!store || !current) return undefined;
	const [nx, ny] = [current.next[ax]!, current.next[ay]!];
	const b = store.bounds(ax, ay) ?? { xMin: nx, xMax: nx, yMin: ny, yMax: ny };
	const all = [b, ...(model.restarts ? [restartsBounds(model.restarts, ax, ay)] : []), ...model.runs.visible.map((run) => run.store.bounds(ax, ay) ?? b)];
	const box = {
		xMin: Math.min(nx, ...all.map((q) => q.xMin)),
		xMax: Math.max(nx, ...all.map((q) => q.xMax)),
		yMin: Math.min(ny, ...all.map((q) => q.yMin)),
		yMax: Math.max(ny, ...all.map((q) => q.yMax)),
	};
	return [box.xMin, box.xMax, box.yMin, box.yMax].every(Number.isFinite) ? box : undefined;
}

/** The map's aria-label: where the point is on the two axes (or on the principal plane) and where it goes next. */
export function mapLabel(model: PanelModel, [ax, ay]: readonly [number, number], principal: boolean, s: Strings): string | undefined {
	const { current, loss, store } = model;
	if (!current || !loss || !store) return undefined;
	const f = (v: number | undefined) => formatNumber(v ?? NaN);
	if (principal) return s.get('slice.principal.label', { loss: f(current.loss), count: store.count });
	return s.get('plot.contour.label', {
		px: loss.params[ax]!, py: loss.params[ay]!, x: f(current.x[ax]), y: f(current.x[ay]), loss: f(current.loss),
		nx: f(current.next[ax]), ny: f(current.next[ay]), count: store.count,
	});
}
