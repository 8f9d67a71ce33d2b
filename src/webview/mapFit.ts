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
import type { TrajectoryStore } from './trajectoryStore';

/**
 * The loss above which a record counts as part of a blow-up: a thousand times the start's scale above the start's
 * loss. A descent never climbs there; a divergence does within a few steps, long before its coordinates reach
 * ±1e156, so the view stays on the finite part of the path.
 */
export function blowUpLoss(store: TrajectoryStore): number {
	const start = store.losses[0]!;
	return store.count > 0 && Number.isFinite(start) ? start + 1e3 * Math.max(1, Math.abs(start)) : Infinity;
}

/** The first step whose loss is not finite or is past `blowUpLoss`: where the path leaves the view; undefined if none. */
export function blowUpStep(store: TrajectoryStore): number | undefined {
	const limit = blowUpLoss(store);
	for (let k = 0; k < store.count; k++) if (!(store.losses[k]! <= limit)) return k;
	return undefined;
}

/** The smallest box around everything the map shows on axes `ax`, `ay` (the run before its blow-up); undefined before the first record. */
export function mapFitBox(model: PanelModel, [ax, ay]: readonly [number, number]): ViewRange | undefined {
	const { store, current } = model;
	if (!store || !current) return undefined;
	const limit = blowUpLoss(store);
	const b = store.bounds(ax, ay, limit);
	const next = current.loss <= limit || !b ? [{ xMin: current.next[ax]!, xMax: current.next[ax]!, yMin: current.next[ay]!, yMax: current.next[ay]! }] : [];
	const own = b ?? next[0]!;
	const all = [own, ...next, ...(model.restarts ? [restartsBounds(model.restarts, ax, ay)] : []), ...model.runs.visible.map((run) => run.store.bounds(ax, ay, blowUpLoss(run.store)) ?? own)];
	const box = {
		xMin: Math.min(...all.map((q) => q.xMin)),
		xMax: Math.max(...all.map((q) => q.xMax)),
		yMin: Math.min(...all.map((q) => q.yMin)),
		yMax: Math.max(...all.map((q) => q.yMax)),
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
