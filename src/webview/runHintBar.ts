/**
 * The run hint under the panel header: a subtle info bar with the host's diagnosis of the running trajectory in one
 * sentence (diverging, oscillating, crawling, plateau) and a button that applies the suggested setting by posting
 * the same `setLearningRate` / `setOptimizer` message the control bar posts. Each new hint is announced once
 * through the panel's live region; the bar itself is not live, so its numbers can change while a run streams in.
 */
import type { PanelNotice, RunHintInfo } from '../shared/messages';
import { el, setText } from './dom';
import { formatNumber } from './formatNumber';
import { optimizerLabel } from './optimizerLabels';
import type { PanelModel } from './panelModel';
import type { Strings } from './strings';
import type { ViewContext } from './viewContext';

const svgNs = 'http://www.w3.org/2000/svg';

export class RunHintBar {
	readonly element: HTMLElement;
	private readonly text = el('span', { className: 'run-hint-text' });
	private readonly apply = el('button', { className: 'secondary', attrs: { type: 'button' } });
	private announced = '';

	/** `announce` speaks a new hint once (the panel's live region). */
	constructor(private readonly ctx: ViewContext, private readonly announce: (text: string) => void) {
		this.apply.addEventListener('click', () => {
			const message = this.ctx.model.hint && suggestionMessage(this.ctx.model.hint, this.ctx.model);
			if (message) this.ctx.post(message);
		});
		this.element = el('div', { className: 'run-hint', attrs: { role: 'note', 'aria-label': ctx.strings().get('hint.label') } }, [lightbulb(), this.text, this.apply]);
		this.element.hidden = true;
	}

	render(): void {
		const hint = this.ctx.model.hint;
		this.element.hidden = !hint;
		if (!hint) {
			this.announced = '';
			return;
		}
		const s = this.ctx.strings();
		const sentence = runHintText(hint, s);
		setText(this.text, sentence);
		setText(this.apply, suggestionLabel(hint, s));
		const key = `${hint.kind} ${JSON.stringify(hint.suggestion)}`;
		if (key !== this.announced) {
			this.announced = key;
			this.announce(sentence);
		}
	}
}

/** The hint as one sentence in the panel's language. */
export function runHintText(hint: RunHintInfo, s: Strings): string {
	const percent = hint.relativeChange * 100;
	const values = {
		count: hint.count,
		window: hint.window,
		percent: percent > 0 && percent < 0.001 ? '< 0.001' : formatNumber(percent, 2),
		gradientNorm: formatNumber(hint.gradientNorm, 2),
		product: formatNumber(hint.curvature?.product ?? NaN, 3),
		threshold: formatNumber(hint.curvature?.threshold ?? NaN, 3),
	};
	if (hint.curvature && (hint.kind === 'oscillating' || hint.kind === 'crawling')) return s.get(`hint.${hint.kind}.curvature`, values);
	const key = hint.kind === 'plateau' && hint.suggestion.setting === 'learningRate' ? 'hint.plateau.rate' : (`hint.${hint.kind}` as const);
	return s.get(key, values);
}

/** The button's label: "Use lr = 0.019" or "Switch to Adam". */
export function suggestionLabel(hint: RunHintInfo, s: Strings): string {
	const suggestion = hint.suggestion;
	if (suggestion.setting === 'learningRate') return s.get('control.useLearningRate', { lr: formatNumber(suggestion.value) });
	return suggestion.value === 'adam' ? s.get('hint.useAdam') : optimizerLabel(suggestion.value);
}

/** What the button posts: the control bar's own messages (a new optimizer takes its defaults and the current lr). */
export function suggestionMessage(hint: RunHintInfo, model: PanelModel): PanelNotice | undefined {
	const suggestion = hint.suggestion;
	if (suggestion.setting === 'learningRate') return { type: 'setLearningRate', learningRate: suggestion.value };
	const entry = model.snapshot?.optimizers.find((o) => o.name === suggestion.value);
	if (!entry) return undefined;
	const lr = model.settings?.options['lr'];
	return { type: 'setOptimizer', optimizer: entry.name, options: typeof lr === 'number' ? { ...entry.defaults, lr } : { ...entry.defaults } };
}

/** A small outlined light bulb in the info colour (drawn, not loaded: the CSP allows no other images). */
function lightbulb(): SVGSVGElement {
	const svg = document.createElementNS(svgNs, 'svg');
	for (const [k, v] of Object.entries({ viewBox: '0 0 16 16', width: '16', height: '16', class: 'run-hint-icon', 'aria-hidden': 'true' })) svg.setAttribute(k, v);
	const shapes: [string, Record<string, string>][] = [
		['path', { d: 'M8 1.75a4.25 4.25 0 0 0-2.55 7.65c.5.38.8.95.8 1.57v.53h3.5v-.53c0-.62.3-1.2.8-1.57A4.25 4.25 0 0 0 8 1.75z' }],
		['path', { d: 'M6.25 13h3.5M6.9 14.75h2.2' }],
	];
	for (const [tag, attrs] of shapes) {
		const shape = document.createElementNS(svgNs, tag);
		for (const [k, v] of Object.entries({ fill: 'none', stroke: 'currentColor', 'stroke-width': '1.2', 'stroke-linecap': 'round', ...attrs })) shape.setAttribute(k, v);
		svg.append(shape);
	}
	return svg;
}
