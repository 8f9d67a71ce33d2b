/**
 * Parsing and validating what the user types into the commands' input boxes: a point (`1, -2`, `[1 -2]`) and a
 * learning rate. Each returns the value or a message for the input box's validation line.
 */
import * as vscode from 'vscode';

export type Parsed<T> =
	{ readonly value: T; readonly error?: undefined } | { readonly value?: undefined; readonly error: string };

const numberPattern = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Exactly `count` finite numbers separated by commas or spaces, optionally in brackets or parentheses. */
export function parsePoint(text: string, count: number, names: readonly string[] = []): Parsed<number[]> {
	const inner = text
		.trim()
		.replace(/^[[(]\s*/, '')
		.replace(/\s*[\])]$/, '');
	const parts = inner === '' ? [] : inner.split(/\s*,\s*|\s+/);
	const bad = parts.find((part) => !numberPattern.test(part));
	if (bad !== undefined) return { error: vscode.l10n.t("'{0}' is not a number", bad) };
	if (parts.length !== count) {
		const what = names.length === count ? names.join(', ') : '';
		return { error: vscode.l10n.t('Enter {0} number(s) ({1}), not {2}', count, what, parts.length) };
	}
	return { value: parts.map(Number) };
}

/** A finite number ≥ 0. */
export function parseLearningRate(text: string): Parsed<number> {
	const trimmed = text.trim();
	if (!numberPattern.test(trimmed)) return { error: vscode.l10n.t('Enter a number, such as 0.1 or 1e-3') };
	const value = Number(trimmed);
	if (!Number.isFinite(value) || value < 0)
		return { error: vscode.l10n.t('The learning rate must be a finite number ≥ 0') };
	return { value };
}

/** A whole number in [min, max]. */
export function parseCount(text: string, min: number, max: number): Parsed<number> {
	const value = Number(text.trim());
	if (!/^\d+$/.test(text.trim()) || value < min || value > max) {
		return { error: vscode.l10n.t('Enter a whole number from {0} to {1}', min, max) };
	}
	return { value };
}
