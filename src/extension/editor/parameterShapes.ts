/**
 * Array parameters in the hover: each parameter's shape and the norm of its part of the gradient, and a small
 * vector or matrix written out with its gradient beside it. Pure Markdown formatting for `hoverContent.ts`.
 */
import * as vscode from 'vscode';
import { formatNumber, paramShape, type ParamSpec } from '../../engine/index';
import { escapeMarkdown } from './markdownText';

/** Matrices with at most this many rows and columns are written out in full. */
const smallSide = 6;

/** `2×3`, `4` for a vector, `scalar` for a number. */
export function shapeText(spec: ParamSpec): string {
	const shape = paramShape(spec);
	return shape.length === 0 ? vscode.l10n.t('scalar') : shape.join('×');
}

/** ‖∂L/∂p‖ over the elements of one parameter. */
export function partNorm(spec: ParamSpec, gradient: readonly number[]): number {
	return Math.hypot(...gradient.slice(spec.offset, spec.offset + (spec.size ?? 1)));
}

/** A table of every parameter with its shape and gradient norm, for a loss with array parameters. */
export function shapesTable(specs: readonly ParamSpec[], gradient: readonly number[]): string {
	const rows = specs.map((spec) => `| ${escapeMarkdown(spec.name)} | ${shapeText(spec)} | ${formatNumber(partNorm(spec, gradient))} |`);
	const header = `| ${vscode.l10n.t('parameter')} | ${vscode.l10n.t('shape')} | ‖∂L/∂·‖ |\n|---|---|---|`;
	return `${header}\n${rows.join('\n')}\n\n`;
}

/**
 * An array parameter written out: its shape and gradient norm, then (when small) its values and its gradient as
 * tables of rows; undefined when it is too large to write out.
 */
export function arrayHover(spec: ParamSpec, x: readonly number[], gradient: readonly number[]): string {
	const shape = paramShape(spec);
	const name = escapeMarkdown(spec.name);
	const head = `**${name}**: ${shapeText(spec)}, ‖∂L/∂${name}‖ = **${formatNumber(partNorm(spec, gradient))}**\n\n`;
	const [rows, columns] = shape.length === 1 ? [1, shape[0]!] : [shape[0]!, (spec.size ?? 0) / shape[0]!];
	if (shape.length > 2 || rows > smallSide || columns > smallSide) return head;
	const table = (values: readonly number[], title: string) => {
		const lines = Array.from({ length: rows }, (_, r) => {
			const cells = Array.from({ length: columns }, (_, c) => formatNumber(values[spec.offset + r * columns + c]!));
			return `| ${r === 0 ? title : ''} | ${cells.join(' | ')} |`;
		});
		return lines.join('\n');
	};
	const header = `| | ${Array.from({ length: columns }, (_, c) => `[${c}]`).join(' | ')} |\n|---|${'---|'.repeat(columns)}`;
	return `${head}${header}\n${table(x, name)}\n${table(gradient, `∂L/∂${name}`)}\n\n`;
}
