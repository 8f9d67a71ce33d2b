/** Control logic without a DOM: learning-rate validation, speed stops, keyboard shortcuts, strings and number formatting. */
import { describe, expect, it } from 'vitest';

import { parseLearningRate, speedStopIndex, speedStops } from '../../../src/webview/controlBar';
import { formatNumber } from '../../../src/webview/formatNumber';
import { shortcutFor } from '../../../src/webview/keyboardShortcuts';
import { englishStrings, format, Strings, webviewStringKeys } from '../../../src/webview/strings';

const key = (k: string, shiftKey = false) => ({ key: k, shiftKey, altKey: false, ctrlKey: false, metaKey: false });

describe('learning-rate field', () => {
	it('accepts numbers >= 0 and rejects the rest', () => {
		expect(parseLearningRate('0.01')).toBe(0.01);
		expect(parseLearningRate(' 1e-3 ')).toBe(0.001);
		expect(parseLearningRate('0')).toBe(0);
		expect(parseLearningRate('.5')).toBe(0.5);
		for (const bad of ['', '-0.1', 'abc', '1e999', 'Infinity', 'NaN', '0x10', '1,5']) expect(parseLearningRate(bad), bad).toBeUndefined();
	});
});

describe('speed slider', () => {
	it('maps steps per second to the nearest stop, 0 to max', () => {
		expect(speedStops[speedStopIndex(0)]).toBe(0);
		expect(speedStops[speedStopIndex(30)]).toBe(30);
		expect(speedStops[speedStopIndex(25)]).toBe(30);
		expect(speedStops[speedStopIndex(1000)]).toBe(240);
	});
});

describe('keyboard shortcuts', () => {
	it('maps the debugger keys', () => {
		expect(shortcutFor(key(' '), 'other')).toBe('step');
		expect(shortcutFor(key('ArrowRight'), 'other')).toBe('step');
		expect(shortcutFor(key('ArrowRight', true), 'other')).toBe('stepMany');
		expect(shortcutFor(key('Enter'), 'other')).toBe('toggle');
		expect(shortcutFor(key('ArrowLeft'), 'other')).toBe('stepBack');
		expect(shortcutFor(key('r'), 'other')).toBe('restart');
		expect(shortcutFor(key('x'), 'other')).toBeUndefined();
	});

	it('leaves keys to text fields and Space/Enter to buttons', () => {
		expect(shortcutFor(key('r'), 'ownsKeys')).toBeUndefined();
		expect(shortcutFor(key('ArrowRight'), 'ownsKeys')).toBeUndefined();
		expect(shortcutFor(key(' '), 'activates')).toBeUndefined();
		expect(shortcutFor(key('Enter'), 'activates')).toBeUndefined();
		expect(shortcutFor(key('ArrowRight'), 'activates')).toBe('step');
		expect(shortcutFor({ ...key('r'), ctrlKey: true }, 'other')).toBeUndefined();
	});
});

describe('strings', () => {
	it('falls back to English and fills placeholders', () => {
		const s = new Strings({ 'control.step': '스텝' });
		expect(s.get('control.step')).toBe('스텝');
		expect(s.get('control.restart')).toBe('Restart');
		expect(s.get('announce.step', { step: 12, loss: '0.0123', gradientNorm: '0.456' })).toBe('Step 12: loss 0.0123, gradient norm 0.456');
		expect(format('{a} {b}', { a: 1 })).toBe('1 {b}');
		expect(webviewStringKeys).toEqual(Object.keys(englishStrings));
	});
});

describe('formatNumber', () => {
	it('shows four significant digits and readable non-finite values', () => {
		expect(formatNumber(0.012345)).toBe('0.01235');
		expect(formatNumber(123456)).toBe('1.235e5');
		expect(formatNumber(1.2e-5)).toBe('1.2e-5');
		expect(formatNumber(-2)).toBe('−2');
		expect(formatNumber(0)).toBe('0');
		expect(formatNumber(Infinity)).toBe('∞');
		expect(formatNumber(NaN)).toBe('NaN');
	});
});
