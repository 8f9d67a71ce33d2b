/**
 * The hover's Markdown: over a loss's name, its value, gradient and ‖∇L‖ (and for small losses the Hessian's λ_max
 * and condition number) at a point with the gradient's source
 * (autodiff, with central differences alongside), each array parameter's shape and gradient norm, and a warning
 * when the two disagree; over a parameter, its partial derivative, or an array's shape, gradient norm and values. Pure formatting of a `PointEvaluation`; user names are escaped (numbers and our own text
 * need not be).
 */
import * as vscode from 'vscode';
import { formatNumber, type GradientCheck, type LossShape } from '../../engine/index';
import { formatVector } from '../formatVector';
import { escapeMarkdown } from './markdownText';
import { arrayHover, shapesTable } from './parameterShapes';

/** A loss evaluated at one point, with both gradients. */
export interface PointEvaluation {
	readonly loss: LossShape;
	readonly check: GradientCheck;
	readonly source: 'autodiff' | 'numeric';
	/** The live session's step, or undefined at the start point. */
	readonly step: number | undefined;
	/** The Hessian's λ_max and condition number at the point (small losses only, computed in the worker). */
	readonly curvature?: { readonly lambdaMax: number; readonly conditionNumber: number };
}

function gradientOf(evaluation: PointEvaluation): readonly number[] {
	return evaluation.source === 'numeric' ? evaluation.check.numeric : evaluation.check.autodiff;
}

function where(evaluation: PointEvaluation): string {
	const at = formatVector(evaluation.check.at, formatNumber);
	return evaluation.step === undefined
		? vscode.l10n.t('at the start point {0}', at)
		: vscode.l10n.t('at step {0} of the live session, {1}', evaluation.step, at);
}

/** The hover over the loss's name. */
export function lossHover(evaluation: PointEvaluation): vscode.MarkdownString {
	const { loss, check } = evaluation;
	const gradient = gradientOf(evaluation);
	const other = evaluation.source === 'numeric' ? check.autodiff : check.numeric;
	const otherName = sourceName(evaluation.source === 'numeric' ? 'autodiff' : 'numeric');
	const md = new vscode.MarkdownString(undefined, true);
	const params = loss.paramSpecs.map((p) => escapeMarkdown(p.name)).join(', ');
	md.appendMarkdown(`**${escapeMarkdown(loss.name)}**(${params}) ${where(evaluation)}\n\n`);
	md.appendMarkdown(`| | |\n|---|---|\n`);
	md.appendMarkdown(`| L | ${formatNumber(check.value)} |\n`);
	md.appendMarkdown(`| ∇L | ${formatVector(gradient, formatNumber)} |\n`);
	md.appendMarkdown(`| ‖∇L‖ | ${formatNumber(Math.hypot(...gradient))} |\n`);
	if (evaluation.curvature) {
		md.appendMarkdown(`| ${vscode.l10n.t('λ_max of the Hessian')} | ${formatNumber(evaluation.curvature.lambdaMax)} |\n`);
		md.appendMarkdown(`| ${vscode.l10n.t('condition number κ')} | ${formatNumber(evaluation.curvature.conditionNumber)} |\n`);
	}
	md.appendMarkdown('\n');
	if (loss.paramSpecs.some((spec) => spec.size !== undefined)) md.appendMarkdown(shapesTable(loss.paramSpecs, gradient));
	md.appendMarkdown(
		vscode.l10n.t('Gradient: {0} ({1}: {2})', sourceName(evaluation.source), otherName, formatVector(other, formatNumber)),
	);
	appendCheckWarning(md, evaluation);
	return md;
}

/**
 * The hover over parameter `name`: a scalar's partial derivative; an array's shape, gradient norm and (when small)
 * its values and gradient written out; for a group `p`, each of `p.w`, `p.b`.
 */
export function parameterHover(evaluation: PointEvaluation, name: string): vscode.MarkdownString {
	const { loss } = evaluation;
	const gradient = gradientOf(evaluation);
	const specs = loss.paramSpecs.filter((p) => p.name === name || p.name.startsWith(`${name}.`));
	const md = new vscode.MarkdownString(undefined, true);
	if (specs.length === 0) return md;
	const lossName = escapeMarkdown(loss.name);
	for (const spec of specs) {
		if (spec.size !== undefined) {
			md.appendMarkdown(arrayHover(spec, evaluation.check.at, gradient));
			continue;
		}
		const param = escapeMarkdown(spec.name);
		md.appendMarkdown(
			`∂${lossName}/∂${param} = **${formatNumber(gradient[spec.offset]!)}** ` +
				`(${param} = ${formatNumber(evaluation.check.at[spec.offset]!)})  \n`,
		);
	}
	md.appendMarkdown(`\n${where(evaluation)}`);
	appendCheckWarning(md, evaluation);
	return md;
}

/** The gradient source as the hover names it. */
function sourceName(source: 'autodiff' | 'numeric'): string {
	return source === 'numeric' ? vscode.l10n.t('numeric') : vscode.l10n.t('autodiff');
}

function appendCheckWarning(md: vscode.MarkdownString, evaluation: PointEvaluation): void {
	const { check, loss } = evaluation;
	if (check.ok) return;
	const param = escapeMarkdown(loss.params[check.worstParam] ?? '?');
	const text = vscode.l10n.t(
		'The gradient check disagrees: relative error {0} at {1} (autodiff {2}, numeric {3}).',
		formatNumber(check.worstError),
		param,
		formatNumber(check.autodiff[check.worstParam] ?? NaN),
		formatNumber(check.numeric[check.worstParam] ?? NaN),
	);
	md.appendMarkdown(`\n\n$(warning) ${text}`);
}
