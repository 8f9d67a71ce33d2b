/**
 * The Graph view, opened by the plot's "Graph" button and by the debugger stepping into an update (F11): the loss's
 * computation graph drawn as SVG in the spirit of micrograd's `draw_dot`, laid out by `graphLayout.ts` (dagre).
 * Parameters, data, operations, locals and the loss are boxes with their forward value and, in the backward pass,
 * their adjoint ∂L/∂·; a loop is one frame labelled with the walk's iteration; the node the walk stands on is
 * highlighted and scrolled into view. While the debugger walks an update the host pushes the walk's graph (`graph`
 * notices); otherwise the view asks for the graph at the session's point (`requestGraph`). Colours come from VS
 * Code's CSS variables (media/panel.css); nodes are reachable with Tab, and Enter or a click shows the node's line.
 */
import type { GraphModel } from '../shared/graphModel';
import { LatestRequest } from '../shared/latestRequest';
import { el, setAttr, setText, uniqueId } from './dom';
import { Throttle } from './frameScheduler';
import { layoutGraph, type GraphLayout, type PlacedEdge, type PlacedFrame, type PlacedNode } from './graphLayout';
import { graphNodeText, graphStatusText, lineHeight, nodePadding, nodeSize, type NodeText } from './graphText';
import type { ViewContext } from './viewContext';

const svgNs = 'http://www.w3.org/2000/svg';

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Readonly<Record<string, string | number>> = {}, children: readonly Node[] = []): SVGElementTagNameMap[K] {
	const element = document.createElementNS(svgNs, tag);
	for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, String(value));
	for (const child of children) element.append(child);
	return element;
}

export class GraphView {
	readonly element: HTMLElement;
	readonly button: HTMLButtonElement;
	private readonly status = el('p', { className: 'note graph-status', attrs: { role: 'status' } });
	private readonly box = el('div', { className: 'graph-box' });
	private readonly latest = new LatestRequest<GraphModel>();
	private readonly throttle = new Throttle(250);
	/** The debugger's walk, while it stands inside an update. */
	private passGraph: GraphModel | undefined;
	/** The layout of the last graph drawn, reused while its structure stays the same. */
	private laidOut: { key: string; layout: GraphLayout } | undefined;

	constructor(private readonly ctx: ViewContext) {
		const s = ctx.strings();
		const id = uniqueId('graph');
		this.button = el('button', { className: 'secondary', text: s.get('graph.toggle'), attrs: { type: 'button', title: s.get('graph.toggle.title'), 'aria-pressed': 'false' } });
		this.button.addEventListener('click', () => (this.element.hidden ? this.open() : this.close()));
		const close = el('button', { className: 'secondary', text: s.get('graph.close'), attrs: { type: 'button' } });
		close.addEventListener('click', () => this.close());
		const head = el('div', { className: 'chart-head' }, [el('h2', { text: s.get('graph.title'), attrs: { id } }), close]);
		const legend = el('p', { className: 'note', text: s.get('graph.legend') });
		this.element = el('section', { className: 'graph-view', attrs: { 'aria-labelledby': id } }, [head, this.status, this.box, legend]);
		this.element.hidden = true;
	}

	open(): void {
		this.element.hidden = false;
		setAttr(this.button, 'aria-pressed', 'true');
		this.ctx.saveViewState({ graph: true });
		this.refresh();
		this.element.scrollIntoView?.({ block: 'nearest' });
	}

	close(): void {
		this.element.hidden = true;
		setAttr(this.button, 'aria-pressed', 'false');
		this.ctx.saveViewState({ graph: false });
		this.latest.cancel();
	}

	/** The debugger's walk stopped at a statement (`graph`), or ended (undefined); entering a walk opens the view. */
	onPassGraph(graph: GraphModel | undefined): void {
		this.passGraph = graph;
		if (graph && this.element.hidden) this.open();
		else if (!this.element.hidden) this.refresh();
	}

	/** The session's point moved: outside a walk, ask for the graph's values there (throttled during a run). */
	pointMoved(): void {
		if (this.element.hidden || this.passGraph) return;
		this.throttle.run(() => this.refresh());
	}

	private refresh(): void {
		if (this.passGraph) {
			this.latest.cancel();
			return this.render(this.passGraph);
		}
		this.latest.replace(this.ctx.request({ type: 'requestGraph' }, (graph) => this.passGraph ?? this.render(graph)));
	}

	private render(model: GraphModel): void {
		const s = this.ctx.strings();
		setText(this.status, graphStatusText(model, s));
		const texts = new Map(model.nodes.map((node) => [node.id, graphNodeText(node, s, node.id === model.current)]));
		const layout = this.layoutOf(model, texts);
		const focused = (document.activeElement as Element | null)?.getAttribute?.('data-node');
		const frame = svg('svg', {
			class: 'graph',
			width: layout.width,
			height: layout.height,
			viewBox: `0 0 ${layout.width} ${layout.height}`,
			role: 'group',
			'aria-label': s.get('graph.label', { nodes: model.nodes.length, edges: model.edges.length }),
		});
		frame.append(arrowMarker(), ...layout.frames.map((f) => frameElement(f, model)), ...layout.edges.map(edgeElement));
		const byId = new Map(layout.nodes.map((p) => [p.node.id, p]));
		for (const node of model.nodes) frame.append(this.nodeElement(byId.get(node.id)!, texts.get(node.id)!, node.id === model.current));
		this.box.replaceChildren(frame);
		if (focused) frame.querySelector<SVGGElement>(`[data-node="${CSS.escape(focused)}"]`)?.focus();
		const current = model.current === undefined ? undefined : byId.get(model.current);
		if (current) this.scrollTo(current);
	}

	private layoutOf(model: GraphModel, texts: ReadonlyMap<string, NodeText>): GraphLayout {
		const key = structureKey(model, texts);
		if (this.laidOut?.key !== key) this.laidOut = { key, layout: layoutGraph(model, (node) => nodeSize(texts.get(node.id)!)) };
		// Same structure: the boxes stay where they were; the values, adjoints and frame labels are this model's.
		const nodes = new Map(model.nodes.map((n) => [n.id, n]));
		const labels = new Map(model.frames.map((f) => [f.id, f.label]));
		const layout = this.laidOut.layout;
		return {
			...layout,
			nodes: layout.nodes.map((p) => ({ ...p, node: nodes.get(p.node.id) ?? p.node })),
			frames: layout.frames.map((f) => ({ ...f, label: labels.get(f.id) ?? f.label })),
		};
	}

	private nodeElement(placed: PlacedNode, text: NodeText, current: boolean): SVGGElement {
		const node = placed.node;
		const classes = ['graph-node', `kind-${node.kind}`, ...(node.value === undefined && node.values === undefined && node.kind !== 'data' ? ['pending'] : []), ...(current ? ['current'] : [])];
		const g = svg('g', { class: classes.join(' '), transform: `translate(${placed.x} ${placed.y})`, 'data-node': node.id, 'aria-label': text.label, ...(node.line === undefined ? { role: 'img' } : { role: 'button', tabindex: 0 }) });
		const shape = svg('rect', { width: placed.width, height: placed.height, rx: node.kind === 'op' ? 12 : 3 });
		const lines = [text.title, text.value, text.adjoint].map((line, i) => svg('text', { x: nodePadding, y: nodePadding + lineHeight * (i + 0.75), class: ['title', 'value', 'adjoint'][i]! }, [document.createTextNode(line)]));
		g.append(svg('title', {}, [document.createTextNode(text.label)]), shape, ...lines);
		if (node.line !== undefined) {
			const line = node.line;
			g.addEventListener('click', () => this.ctx.post({ type: 'revealLine', line }));
			g.addEventListener('keydown', (event) => {
				if (event.key !== 'Enter' && event.key !== ' ') return;
				event.preventDefault();
				this.ctx.post({ type: 'revealLine', line });
			});
		}
		return g;
	}

	/** Scrolls the box (not the page) so the current node is in view. */
	private scrollTo(placed: PlacedNode): void {
		const box = this.box;
		const left = placed.x + placed.width / 2 - box.clientWidth / 2;
		const top = placed.y + placed.height / 2 - box.clientHeight / 2;
		box.scrollTo?.({ left: Math.max(0, left), top: Math.max(0, top) });
	}
}

/** What decides the layout: the nodes, their sizes, the edges and the frames (not values or labels). */
function structureKey(model: GraphModel, texts: ReadonlyMap<string, NodeText>): string {
	const nodes = model.nodes.map((n) => `${n.id}:${n.frame ?? ''}:${texts.get(n.id)!.title}`).join(',');
	return `${nodes}|${model.edges.map((e) => `${e.from}>${e.to}`).join(',')}|${model.frames.map((f) => f.id).join(',')}`;
}

function arrowMarker(): SVGDefsElement {
	const path = svg('path', { d: 'M 0 0 L 8 4 L 0 8 z' });
	return svg('defs', {}, [svg('marker', { id: 'graph-arrow', viewBox: '0 0 8 8', refX: 8, refY: 4, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, [path])]);
}

function frameElement(frame: PlacedFrame, model: GraphModel): SVGGElement {
	const live = model.phase !== 'idle';
	return svg('g', { class: `graph-frame${live ? ' live' : ''}` }, [
		svg('rect', { x: frame.x, y: frame.y, width: frame.width, height: frame.height, rx: 4 }),
		svg('text', { x: frame.x + 6, y: frame.y + 13 }, [document.createTextNode(frame.label)]),
	]);
}

function edgeElement(edge: PlacedEdge): SVGPathElement {
	const d = edge.points.map((p, i) => `${i === 0 ? 'M' : 'L'} ${p.x.toFixed(1)} ${p.y.toFixed(1)}`).join(' ');
	return svg('path', { class: 'graph-edge', d, 'marker-end': 'url(#graph-arrow)' });
}

