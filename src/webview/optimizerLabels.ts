/**
 * Optimizers under the names PyTorch users know (`torch.optim.AdamW`, not `adamw`); the host's identifiers stay
 * the values that are posted back.
 */

const pytorchNames: Readonly<Record<string, string>> = {
	sgd: 'SGD',
	adagrad: 'Adagrad',
	rmsprop: 'RMSprop',
	adam: 'Adam',
	adamw: 'AdamW',
	adamax: 'Adamax',
	nadam: 'NAdam',
	radam: 'RAdam',
};

export function optimizerLabel(name: string): string {
	return pytorchNames[name.toLowerCase()] ?? name;
}
