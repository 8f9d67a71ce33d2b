/**
 * The optimizers' `torch.optim` class names (`AdamW`, not `adamw`), for everything the user reads: the panel's menus
 * and labels, and the exported report. Shared data of the protocol, like the panel's string table; the identifiers
 * that travel in messages stay lower case.
 */
export const torchOptimizerNames: Readonly<Record<string, string>> = {
	sgd: 'SGD',
	adagrad: 'Adagrad',
	rmsprop: 'RMSprop',
	adam: 'Adam',
	adamw: 'AdamW',
	adamax: 'Adamax',
	nadam: 'NAdam',
	radam: 'RAdam',
	adadelta: 'Adadelta',
	rprop: 'Rprop',
	asgd: 'ASGD',
	lbfgs: 'LBFGS',
	adafactor: 'Adafactor',
	// Not a torch.optim optimizer (engine/optim/newton.ts); the label says so wherever it is read.
	newton: 'Newton (not torch.optim)',
};
