/** The run hint in the panel: parsing what the host sends, the sentence in English and Korean, and what the button posts. */
import { describe, expect, it } from 'vitest';
import type { InitMessage, RunHintInfo } from '../../../src/shared/messages';
import { koreanStrings } from '../../../src/extension/panel/panelStrings';
import { PanelModel } from '../../../src/webview/panelModel';
import { runHintText, suggestionLabel, suggestionMessage } from '../../../src/webview/runHintBar';
import { Strings } from '../../../src/webview/strings';

const oscillating: RunHintInfo = { kind: 'oscillating', suggestion: { setting: 'learningRate', value: 0.019 }, window: 30, count: 28, relativeChange: 0, gradientNorm: 3.2, learningRate: 0.038 };
const plateau: RunHintInfo = { kind: 'plateau', suggestion: { setting: 'optimizer', value: 'adam' }, window: 30, count: 0, relativeChange: 1.5e-7, gradientNorm: 2.2e-4, learningRate: 0.1 };

function init(hint?: RunHintInfo): InitMessage {
	const records = { points: Float64Array.from([0, 0]), losses: Float64Array.from([1]), gradientNorms: Float64Array.from([1]) };
	const current = { step: 0, historyLength: 1, x: [0, 0], loss: 1, gradient: [1, 0], gradientNorm: 1, learningRate: 0.1, next: [0, 0], optimizerState: { step: 0, buffers: {} } };
	return {
		type: 'init',
		snapshot: {
			loss: { name: 'mesa', language: 'math', params: ['x', 'y'], start: [0, 0], fileName: 'm.md', sampleCount: 0 },
			settings: { optimizer: 'sgd', options: { lr: 0.1 }, schedule: 'constant', batchSize: 0, stepsPerSecond: 30, colorMap: 'viridis' },
			current, trajectory: records, stop: { kind: 'step', message: '' },
			optimizers: [{ name: 'sgd', defaults: { lr: 0.001, momentum: 0 } }, { name: 'adam', defaults: { lr: 0.001, betas: [0.9, 0.999], eps: 1e-8 } }],
			running: true, strings: {},
			...(hint ? { hint } : {}),
		},
	};
}

describe('run hint in the panel', () => {
	it('carries the hint from init and updates into the model, and clears it when an update has none', () => {
		const model = new PanelModel();
		const message = { ...init(oscillating), snapshot: { ...init(oscillating).snapshot, trajectory: { points: new Float64Array([0, 0]), losses: new Float64Array([1]), gradientNorms: new Float64Array([1]) } } };
		model.applyInit(message as InitMessage);
		expect(model.hint).toEqual(oscillating);
		const s = (message as InitMessage).snapshot;
		model.applyUpdate({ type: 'update', from: 1, appended: { points: new Float64Array(0), losses: new Float64Array(0), gradientNorms: new Float64Array(0) }, current: s.current, stop: s.stop, running: true, settings: s.settings });
		expect(model.hint).toBeUndefined();
	});

	it('words each hint in one sentence with its numbers, in English and Korean', () => {
		const en = new Strings();
		const ko = new Strings(koreanStrings);
		expect(runHintText(oscillating, en)).toBe('The steps zig-zag across a valley (28 of the last 30 reversed direction): try a smaller learning rate, or momentum.');
		expect(runHintText(oscillating, ko)).toContain('최근 30단계 중 28단계');
		expect(runHintText(plateau, en)).toContain('‖∇L‖ = 2.2e-4');
		expect(runHintText(plateau, en)).toContain('changed < 0.001% in 30 steps, so try Adam');
		expect(runHintText({ ...plateau, suggestion: { setting: 'learningRate', value: 0.01 } }, en)).toContain('try a larger learning rate');
		expect(runHintText({ ...oscillating, kind: 'crawling', relativeChange: 4e-4 }, en)).toContain('only 0.04% per step');
		for (const text of [runHintText(oscillating, en), runHintText(plateau, ko)]) expect(text).not.toMatch(/\{\w+\}/);
	});

	it('the button posts the control bar’s messages: the learning rate, or Adam with its defaults and the current lr', () => {
		const model = new PanelModel();
		model.applyInit(init(plateau));
		expect(suggestionLabel(oscillating, new Strings())).toBe('Use lr = 0.019');
		expect(suggestionLabel(plateau, new Strings(koreanStrings))).toBe('Adam으로 바꾸기');
		expect(suggestionMessage(oscillating, model)).toEqual({ type: 'setLearningRate', learningRate: 0.019 });
		expect(suggestionMessage(plateau, model)).toEqual({ type: 'setOptimizer', optimizer: 'adam', options: { lr: 0.1, betas: [0.9, 0.999], eps: 1e-8 } });
		expect(suggestionMessage({ ...plateau, suggestion: { setting: 'optimizer', value: 'lbfgs' } }, model)).toBeUndefined();
	});
});
