// The PNG export's messages (host asks with `requestImage`, the panel answers with `image`) and the panel layout
// setting as the webview reads it from the settings it is sent.
import { describe, expect, it } from 'vitest';
import { maxImageUrlLength, validateFromWebview } from '../../../src/shared/validateMessage';
import { parseHostMessage } from '../../../src/webview/hostMessages';

const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

describe('image messages', () => {
	it('accepts a PNG data URL answering a request', () => {
		expect(validateFromWebview({ type: 'image', requestId: 3, dataUrl: png })).toEqual({ type: 'image', requestId: 3, dataUrl: png });
	});

	it('rejects other images, bad base64, a missing id and oversized URLs', () => {
		const bad = [
			{ type: 'image', requestId: 3, dataUrl: 'data:image/jpeg;base64,AAAA' },
			{ type: 'image', requestId: 3, dataUrl: 'data:image/png;base64,' },
			{ type: 'image', requestId: 3, dataUrl: 'data:image/png;base64,<script>' },
			{ type: 'image', requestId: 3, dataUrl: 42 },
			{ type: 'image', dataUrl: png },
			{ type: 'image', requestId: Number.NaN, dataUrl: png },
			{ type: 'image', requestId: 1, dataUrl: `data:image/png;base64,${'A'.repeat(maxImageUrlLength)}` },
		];
		for (const message of bad) expect(validateFromWebview(message), JSON.stringify(message).slice(0, 80)).toBeUndefined();
	});

	it('the panel understands requestImage', () => {
		expect(parseHostMessage({ type: 'requestImage', requestId: 7 })).toEqual({ type: 'requestImage', requestId: 7 });
		expect(parseHostMessage({ type: 'requestImage', requestId: '7' })).toBeUndefined();
	});
});

describe('panel layout in the settings', () => {
	const update = (layout: unknown) => ({
		type: 'update',
		from: 0,
		appended: { points: [1], losses: [2], gradientNorms: [3] },
		current: { step: 0, x: [1], gradient: [3], loss: 2 },
		stop: { kind: 'entry', message: '' },
		running: false,
		settings: { optimizer: 'sgd', options: { lr: 0.1 }, schedule: 'constant', batchSize: 0, stepsPerSecond: 20, colorMap: 'viridis', layout },
	});
	const layoutOf = (layout: unknown) => {
		const message = parseHostMessage(update(layout));
		return message?.type === 'update' ? message.settings.layout : 'not an update';
	};

	it('keeps the three layouts and reads anything else (or nothing, from an older host) as auto', () => {
		expect(['auto', 'stacked', 'sideBySide'].map(layoutOf)).toEqual(['auto', 'stacked', 'sideBySide']);
		expect([undefined, 'wide', 3].map(layoutOf)).toEqual(['auto', 'auto', 'auto']);
	});
});
