/**
 * Lays out the panel for the loss at hand and routes model changes to its parts: header and controls always; then
 * the curve (1 parameter), the contour map (2), or the slice map with gradient-norm and parameter charts and a
 * value table (more than 2); the loss and gradient-norm charts in every case. Beside them the teaching views: the
 * next update written out, compare optimizers, and under the plot the computation graph (following the debugger as
 * it steps into an update), random restarts, brute force and the learning-rate explorer. Parts mark themselves
 * dirty and are redrawn together once per animation frame; charts at most every 50 ms while a run streams in.
 */
import type { GraphModel, TensorInfo } from '../shared/messages';
import { BruteForceView } from './bruteForceView';
import { CompareView, runLabel } from './compareView';
import { ContourView } from './contourView';
import { ControlBar } from './controlBar';
import { CurveView } from './curveView';
import { el, setText } from './dom';
import { Announcer } from './announcer';
import { formatNumber } from './formatNumber';
import { GraphView } from './graphView';
import { LearningRateView } from './learningRateView';
import { LineSearchView } from './lineSearchView';
import type { ModelChange } from './panelModel';
import { PanelHeader } from './panelHeader';
import { PlotModeToggle } from './plotModeToggle';
import { plotImage } from './plotImage';
import { fitPlotToWindow, legendPlacement } from './plotFit';
import { ParamTable, tensorsOf } from './paramTable';
import { restartsSummary } from './restartsPainter';
import { RunHintBar } from './runHintBar';
import { SeriesChart, type SeriesSpec } from './seriesChart';
import { SliceAxesPicker } from './sliceAxesPicker';
import { UpdateRuleView } from './updateRuleView';
import type { ViewContext } from './viewContext';

/**
 * How each flat parameter's trace is drawn: one colour per tensor (`W1`'s elements share it) and a dash pattern per
 * element within it; scalars take a colour each, and after the palette the next dash pattern.
 */
function traceStyles(params: readonly string[], tensors: readonly TensorInfo[] | undefined): { group: number; member: number }[] {
	const styles: { group: number; member: number }[] = [];
	const paletteSize = 6;
	tensorsOf(params, tensors).forEach((tensor, group) => {
		const size = tensor.shape.reduce((p, n) => p * n, 1);
		for (let k = 0; k < size; k++) {
			styles[tensor.offset + k] = tensor.shape.length === 0 ? { group, member: Math.floor(group / paletteSize) } : { group, member: k };
		}
	});
	return styles;
}

/** Parameter traces drawn at most (the table lists more). */
const maxTraces = 20;
const chartIntervalMs = 50;

export class PanelView {
	readonly element: HTMLElement;
	readonly controls: ControlBar;
	private readonly header: PanelHeader;
	private readonly hint: RunHintBar;
	private readonly announcer = new Announcer();
	private readonly plot: CurveView | ContourView;
	/** Map | Surface, for the 2-D view. */
	private readonly modes: PlotModeToggle | undefined;
	private readonly charts: { chart: SeriesChart; specs: () => readonly SeriesSpec[] }[] = [];
	private readonly table: ParamTable | undefined;
	private readonly updateRule: UpdateRuleView;
	private readonly restartsNote = el('p', { className: 'note restarts-note' });
	private readonly sweep: LearningRateView;
	private readonly compare: CompareView;
	private readonly brute: BruteForceView;
	private readonly lineSearch: LineSearchView;
	private readonly graph: GraphView;
	private readonly stopFitting: () => void;
	private chartsDirty = true;
	private lastChartDraw = -Infinity;

	constructor(private readonly ctx: ViewContext) {
		const m = ctx.model;
		const d = m.dimension;
		const s = ctx.strings();
		this.header = new PanelHeader(ctx, () => this.exploreLearningRates());
		this.hint = new RunHintBar(ctx, (text) => this.announcer.announceNow(text));
		this.header.element.append(this.hint.element);
		this.controls = new ControlBar(ctx);
		const lossChart = this.addChart('chart.loss', () => this.lossSpecs(), 'toggle', 'bottom');
		this.updateRule = new UpdateRuleView(ctx);
		this.compare = new CompareView(ctx);
		const side = el('div', { className: 'side' }, [this.updateRule.element, lossChart, this.compare.element]);
		const main = el('div', { className: 'plot-column' });
		const restarts = el('button', { className: 'secondary', text: s.get('restarts.run'), attrs: { type: 'button', title: s.get('restarts.run.title') } });
		restarts.addEventListener('click', () => ctx.post({ type: 'runRestarts', count: 20 }));
		const rates = el('button', { className: 'secondary', text: s.get('sweep.open'), attrs: { type: 'button', title: s.get('sweep.open.title') } });
		rates.addEventListener('click', () => this.exploreLearningRates());
		this.sweep = new LearningRateView(ctx);
		this.brute = new BruteForceView(ctx, () => this.plot.currentView());
		this.lineSearch = new LineSearchView(ctx);
		this.graph = new GraphView(ctx);
		this.modes = d >= 2 ? new PlotModeToggle(ctx) : undefined;
		const tools = [...(this.modes ? [this.modes.element] : []), rates, restarts, this.brute.button, this.lineSearch.button, this.graph.button];
		this.plot = d === 1 ? new CurveView(ctx, tools) : new ContourView(ctx, tools);
		if (this.plot instanceof ContourView) this.modes?.attach(this.plot);
		side.append(this.addChart('chart.gradientNorm', () => [{ label: s.get('header.gradientNorm'), color: ctx.theme().orange, source: (st) => ({ data: st.gradientNorms, offset: 0, stride: 1 }) }], 'log'));
		if (d > 2) this.table = this.addSliceViews(this.plot as ContourView, main, side);
		main.append(this.plot.element, this.restartsNote, this.graph.element, this.brute.element, this.lineSearch.element, this.sweep.element);
		if (ctx.viewState().lineSearch) this.lineSearch.open();
		if (ctx.viewState().graph) this.graph.open();
		this.element = el('div', { className: `panel dims-${Math.min(d, 3)}` }, [this.header.element, this.controls.element, el('main', { className: 'panel-main' }, [main, side]), this.announcer.element]);
		this.stopFitting = fitPlotToWindow(this.plot.element.querySelector<HTMLElement>('.plot-canvas') ?? this.plot.element);
	}

	/** More than two parameters: the slice picker over the map, parameter traces and the value table beside it. */
	private addSliceViews(contour: ContourView, main: HTMLElement, side: HTMLElement): ParamTable {
		const ctx = this.ctx;
		const d = ctx.model.dimension;
		const saved = ctx.viewState().axes;
		const axes: [number, number] = saved && saved[0] < d && saved[1] < d && saved[0] !== saved[1] ? [saved[0], saved[1]] : [0, 1];
		const principal = ctx.viewState().principalSlice === true;
		const picker = new SliceAxesPicker(ctx, ctx.model.loss!.params, axes, (next) => (next.principal ? contour.setPrincipal(true) : (contour.setPrincipal(false), contour.setAxes(next.axes))), principal);
		main.append(picker.element);
		contour.reset(false, axes);
		contour.setPrincipal(principal);
		const legend = legendPlacement(Math.min(d, maxTraces), 150) === 'right' ? true : 'bottom';
		side.append(this.addChart('chart.params', () => this.traceSpecs(), 'linear', legend));
		if (d > maxTraces) side.append(el('p', { className: 'note', text: ctx.strings().get('chart.moreParams', { shown: maxTraces, total: d }) }));
		const table = new ParamTable(ctx);
		side.append(table.element);
		return table;
	}

	/** After the model took a message: refresh what depends on it. */
	onChange(change: ModelChange): void {
		if (change.kind === 'init') {
			this.header.clearError();
			if (this.plot instanceof CurveView) this.plot.reset(change.sameLoss);
			else this.plot.reset(change.sameLoss, [...this.plot.axes] as [number, number]);
		} else if (change.kind === 'update') {
			this.plot.onUpdate();
			if (change.settingsChanged && this.plot instanceof ContourView) this.plot.settingsChanged();
		}
		if (change.kind === 'init' || (change.kind === 'update' && change.settingsChanged)) this.sweep.refresh();
		this.lineSearch.pointMoved();
		this.graph.pointMoved();
		this.chartsDirty = true;
		this.announce();
		this.ctx.requestDraw();
	}

	/** The debugger's step-into walk stopped at a statement, or ended (undefined): the Graph view follows it. */
	onPassGraph(graph: GraphModel | undefined): void {
		this.graph.onPassGraph(graph);
	}

	/** Opens the learning-rate explorer and runs a sweep (also from the divergence alert). */
	exploreLearningRates(): void {
		this.sweep.open();
	}

	/** The racing runs changed: new series in the loss chart, new paths on the map. */
	onRuns(): void {
		const loss = this.charts[0]!;
		loss.chart.setSeries(loss.specs());
		loss.chart.applyTheme(this.ctx.theme());
		this.chartsDirty = true;
		this.ctx.requestDraw();
	}

	/** Random restarts arrived (`fit`: fit the view to them) or the panel was rebuilt: draw them. */
	onRestarts(fit: boolean): void {
		const r = this.ctx.model.restarts;
		setText(this.restartsNote, r ? restartsSummary(r, this.ctx.strings()) : '');
		this.restartsNote.hidden = !r;
		if (r && fit) this.plot.fit(true);
		this.ctx.requestDraw();
	}

	showError(message: string): void {
		this.header.showError(message);
	}

	/** Theme changed: recolour the charts and the map. */
	restyle(): void {
		for (const { chart, specs } of this.charts) {
			chart.setSeries(specs());
			chart.applyTheme(this.ctx.theme());
		}
		if (this.plot instanceof ContourView) this.plot.restyle();
		this.sweep.refresh();
		this.lineSearch.refresh();
		this.chartsDirty = true;
		this.ctx.requestDraw();
	}

	/** Draws everything that changed; called at most once per animation frame. */
	draw(time: number): void {
		this.header.render();
		this.hint.render();
		this.controls.render();
		if (this.modes?.surfaceShown) this.modes.draw();
		else this.plot.draw();
		this.table?.render();
		this.updateRule.render();
		this.compare.render();
		const store = this.ctx.model.store;
		const current = this.ctx.model.current;
		if (!this.chartsDirty || !store || !current) return;
		if (this.ctx.model.running && time - this.lastChartDraw < chartIntervalMs) {
			this.ctx.requestDraw();
			return;
		}
		for (const { chart } of this.charts) chart.update(store, current.step);
		this.chartsDirty = false;
		this.lastChartDraw = time;
	}

	dispose(): void {
		for (const { chart } of this.charts) chart.destroy();
		this.sweep.dispose();
		this.lineSearch.dispose();
		this.plot.dispose();
		this.modes?.dispose();
		this.stopFitting();
	}

	/** The main plot as shown, with its overlays, as a PNG data URL (undefined before it is laid out). */
	plotImage(): string | undefined {
		return plotImage(this.plot.element, this.ctx.theme().background);
	}

	/** Bench hook: times a full recomputation and repaint of the contour map. */
	benchContour(): ReturnType<ContourView['benchContour']> {
		return this.plot instanceof ContourView ? this.plot.benchContour() : undefined;
	}

	private announce(): void {
		const c = this.ctx.model.current;
		if (!c) return;
		const m = this.ctx.model;
		const text = this.ctx.strings().get('announce.step', { step: c.step, loss: formatNumber(c.loss), gradientNorm: formatNumber(c.gradientNorm) });
		this.announcer.announce(!m.running && m.stop.message ? `${m.stop.message} ${text}` : text, m.running);
	}

	private addChart(title: 'chart.loss' | 'chart.gradientNorm' | 'chart.params', specs: () => readonly SeriesSpec[], scale: 'linear' | 'log' | 'toggle', legend: boolean | 'bottom' = false): HTMLElement {
		const chart = new SeriesChart(this.ctx, title, { scale, legend });
		chart.setSeries(specs());
		chart.applyTheme(this.ctx.theme());
		this.charts.push({ chart, specs });
		return chart.element;
	}

	/** The session's loss, then each visible racing run's in its colour. */
	private lossSpecs(): SeriesSpec[] {
		const s = this.ctx.strings();
		const runs = this.ctx.model.runs.visible.map((run) => ({ label: runLabel(run.info.optimizer, run.info.options), color: run.color, source: () => ({ data: run.store.losses, offset: 0, stride: 1 }) }));
		const loss: SeriesSpec = { label: s.get('header.loss'), color: this.ctx.theme().blue, source: (st) => ({ data: st.losses, offset: 0, stride: 1 }) };
		if ((this.ctx.model.settings?.schedule ?? 'constant') === 'constant') return [loss, ...runs];
		const rate: SeriesSpec = { label: s.get('chart.learningRate'), color: this.ctx.theme().orange, dash: [4, 3], axis: 'lr', source: (st) => ({ data: st.learningRates, offset: 0, stride: 1 }) };
		return [loss, rate, ...runs];
	}

	private traceSpecs(): SeriesSpec[] {
		const m = this.ctx.model;
		const theme = this.ctx.theme();
		const palette = [theme.blue, theme.orange, theme.green, theme.purple, theme.red, theme.yellow];
		const dashes = [[], [6, 3], [2, 3]];
		const d = m.dimension;
		const style = traceStyles(m.loss!.params, m.loss!.tensors);
		return m.loss!.params.slice(0, maxTraces).map((label, i) => ({
			label,
			color: palette[style[i]!.group % palette.length]!,
			dash: dashes[style[i]!.member % dashes.length],
			source: (st) => ({ data: st.points, offset: i, stride: d }),
		}));
	}
}
