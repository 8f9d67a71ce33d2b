/**
 * Optimizers under the names PyTorch users know (`torch.optim.AdamW`, not `adamw`); the host's identifiers stay
 * the values that are posted back.
 */
import { torchOptimizerNames } from '../shared/optimizerNames';

export function optimizerLabel(name: string): string {
	return torchOptimizerNames[name.toLowerCase()] ?? name;
}
