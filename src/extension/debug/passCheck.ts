/**
 * The sentence that ends the backward pass of step-into: the parameters' adjoints the walk accumulated, compared with
 * the gradient the compiled loss computes at the same point (the one the optimizer's full-batch update uses).
 */
import { formatNumber, type Loss } from '../../engine/index';
import { english, type Translate } from './translate';

/** Relative agreement below which the two gradients count as equal (both are exact up to rounding). */
const tolerance = 1e-9;

export function passCheckText(loss: Loss, x: Float64Array, accumulated: Float64Array, t: Translate = english): string {
	const gradient = new Float64Array(x.length);
	loss.valueAndGradient(x, gradient);
	let difference = 0;
	let scale = 1;
	for (let i = 0; i < x.length; i++) {
		difference = Math.max(difference, Math.abs(accumulated[i]! - gradient[i]!));
		scale = Math.max(scale, Math.abs(gradient[i]!));
	}
	if (difference <= tolerance * scale) {
		return t('Backward pass done: the accumulated adjoints of the parameters equal the gradient ∇L (largest difference {0}).', formatNumber(difference));
	}
	return t('Backward pass done: the accumulated adjoints of the parameters differ from the gradient ∇L by up to {0}.', formatNumber(difference));
}
