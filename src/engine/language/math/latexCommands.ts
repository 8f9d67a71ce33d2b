/**
 * What each LaTeX command means to the math tokenizer: a Greek letter, a function, an operator, a delimiter, a
 * construct the parser handles (`\frac`, `\sqrt`, `\sum`, `\abs`), layout to skip (`\,`, `\quad`, `\left`), or a
 * construct that is refused with a reason (`\nabla` marks an update rule, not a loss). Unknown commands are errors.
 */
import { msg, type Message } from '../../message';

export type Special = 'frac' | 'sqrt' | 'sum' | 'abs';

export type CommandMeaning =
	| { readonly role: 'name'; readonly name: string }
	| { readonly role: 'function'; readonly name: string }
	| { readonly role: 'op'; readonly op: string }
	| { readonly role: 'open' | 'close'; readonly delimiter: string }
	| { readonly role: 'bar' }
	/** Skipped; `sizing` commands (`\left`, `\bigl`) also swallow a following `.` delimiter. */
	| { readonly role: 'ignore'; readonly sizing: boolean }
	/** Skipped together with its `{...}` argument: `\label{eq:1}`, `\tag{2}`. */
	| { readonly role: 'ignoreGroup' }
	/** `\begin{equation}` / `\end{equation}` and friends. */
	| { readonly role: 'environment' }
	/** The `{...}` argument is a name: `\mathrm{lr}`, `\text{loss}`, `\operatorname{sgn}`. */
	| { readonly role: 'wrapper' }
	/** An accent on a one-letter name: `\hat{y}` is the name `ŷ`. */
	| { readonly role: 'accent'; readonly mark: string }
	| { readonly role: 'special'; readonly special: Special }
	| { readonly role: 'refused'; readonly message: Message };

const greek: readonly (readonly [string, string])[] = [
	['alpha', 'α'], ['beta', 'β'], ['gamma', 'γ'], ['delta', 'δ'], ['epsilon', 'ϵ'], ['varepsilon', 'ε'],
	['zeta', 'ζ'], ['eta', 'η'], ['theta', 'θ'], ['vartheta', 'ϑ'], ['iota', 'ι'], ['kappa', 'κ'],
	['lambda', 'λ'], ['mu', 'μ'], ['nu', 'ν'], ['xi', 'ξ'], ['pi', 'π'], ['varpi', 'ϖ'], ['rho', 'ρ'],
	['varrho', 'ϱ'], ['sigma', 'σ'], ['varsigma', 'ς'], ['tau', 'τ'], ['upsilon', 'υ'], ['phi', 'ϕ'],
	['varphi', 'φ'], ['chi', 'χ'], ['psi', 'ψ'], ['omega', 'ω'], ['Gamma', 'Γ'], ['Delta', 'Δ'], ['Theta', 'Θ'],
	['Lambda', 'Λ'], ['Xi', 'Ξ'], ['Pi', 'Π'], ['Sigma', 'Σ'], ['Upsilon', 'Υ'], ['Phi', 'Φ'], ['Psi', 'Ψ'],
	['Omega', 'Ω'], ['ell', 'ℓ'], ['infty', '∞'],
];

const functions = ['sin', 'cos', 'tan', 'sec', 'csc', 'cot', 'arcsin', 'arccos', 'arctan', 'sinh', 'cosh', 'tanh',
	'exp', 'ln', 'log', 'max', 'min', 'sgn'];

const ignored = ['displaystyle', 'textstyle', 'scriptstyle', 'limits', 'nolimits', 'nonumber', 'notag', 'quad',
	'qquad', 'enspace', 'thinspace', 'medspace', 'thickspace', 'negthinspace'];

const sizing = ['left', 'right', 'middle', 'big', 'Big', 'bigg', 'Bigg', 'bigl', 'bigr', 'Bigl', 'Bigr', 'biggl',
	'biggr', 'Biggl', 'Biggr'];

/** The error for an ellipsis written as `written` (`\\ldots`, `...`, `…`). */
export const ellipsisError = (written: string): Message => msg`uses an ellipsis (${written}): not a computable expression`;

/** The error for a derivative or gradient sign. */
export const updateRuleError = (written: string): Message => msg`uses ${written}: an update rule, not a loss`;
export const derivativeError = (written: string): Message => msg`uses ${written}: a derivative, not a loss`;

/** The error for a norm written as `written`. */
export const normError = (written: string): Message => msg`norms (${written}) are not supported`;

const refusals: readonly (readonly [string, Message])[] = [
	['nabla', updateRuleError('\\nabla')],
	['partial', derivativeError('\\partial')],
	['int', msg`integrals (${'\\int'}) are not supported`],
	['prod', msg`products (${'\\prod'}) are not supported; write the factors out`],
	['lim', msg`limits (${'\\lim'}) are not supported`],
	['ldots', ellipsisError('\\ldots')],
	['cdots', ellipsisError('\\cdots')],
	['dots', ellipsisError('\\dots')],
	['vdots', ellipsisError('\\vdots')],
	['lVert', normError('\\lVert')],
	['rVert', normError('\\rVert')],
	['pm', msg`${'\\pm'} gives two values, not one`],
	['mp', msg`${'\\mp'} gives two values, not one`],
];

const table: ReadonlyMap<string, CommandMeaning> = new Map<string, CommandMeaning>([
	...greek.map(([command, name]) => [command, { role: 'name', name }] as const),
	...functions.map((name) => [name, { role: 'function', name }] as const),
	...ignored.map((name) => [name, { role: 'ignore', sizing: false }] as const),
	...sizing.map((name) => [name, { role: 'ignore', sizing: true }] as const),
	...refusals.map(([name, message]) => [name, { role: 'refused', message }] as const),
	...['label', 'tag'].map((name) => [name, { role: 'ignoreGroup' }] as const),
	...['begin', 'end'].map((name) => [name, { role: 'environment' }] as const),
	...['mathrm', 'text', 'textrm', 'textit', 'mathit', 'mathsf', 'mathtt', 'mathcal', 'mathbf', 'boldsymbol', 'bm',
		'operatorname'].map((name) => [name, { role: 'wrapper' }] as const),
	['hat', { role: 'accent', mark: '\u0302' }],
	['widehat', { role: 'accent', mark: '\u0302' }],
	['bar', { role: 'accent', mark: '\u0304' }],
	['overline', { role: 'accent', mark: '\u0304' }],
	['tilde', { role: 'accent', mark: '\u0303' }],
	['dot', { role: 'accent', mark: '\u0307' }],
	['vec', { role: 'accent', mark: '\u20d7' }],
	...['frac', 'dfrac', 'tfrac', 'cfrac'].map((name) => [name, { role: 'special', special: 'frac' }] as const),
	['sqrt', { role: 'special', special: 'sqrt' }],
	['sum', { role: 'special', special: 'sum' }],
	['abs', { role: 'special', special: 'abs' }],
	['cdot', { role: 'op', op: '*' }],
	['times', { role: 'op', op: '*' }],
	['ast', { role: 'op', op: '*' }],
	['div', { role: 'op', op: '/' }],
	['coloneqq', { role: 'op', op: '=' }],
	['lvert', { role: 'bar' }],
	['rvert', { role: 'bar' }],
	['vert', { role: 'bar' }],
	['lbrace', { role: 'open', delimiter: '\\{' }],
	['rbrace', { role: 'close', delimiter: '\\}' }],
	['lbrack', { role: 'open', delimiter: '[' }],
	['rbrack', { role: 'close', delimiter: ']' }],
]);

/** The meaning of `\name`, or undefined for an unknown command. */
export function commandMeaning(name: string): CommandMeaning | undefined {
	return table.get(name);
}

/** The Greek letter (or `ℓ`, `∞`) a command names, for subscripts such as `\theta_\alpha`. */
export function greekLetter(command: string): string | undefined {
	const meaning = table.get(command);
	return meaning?.role === 'name' ? meaning.name : undefined;
}

/** Math environments whose `\begin`/`\end` markers are layout only. */
export const mathEnvironments: ReadonlySet<string> = new Set(['equation', 'equation*', 'align', 'align*', 'aligned',
	'gather', 'gather*', 'gathered', 'displaymath', 'math', 'split', 'multline', 'multline*']);
