/**
 * Random expression trees for the property tests: a fast-check generator, an independent printer (its own
 * precedence table, random spellings and redundant parentheses) and a direct reference evaluation in plain
 * JavaScript. Nothing here imports the code under test.
 */
import fc from 'fast-check';

export const variables: Readonly<Record<string, number>> = {
	x: 3,
	y: -0.5,
	'grad.x': 0.25,
	'w[0]': 1.5,
	'w[1]': -2,
	θ: 0,
	lr: 0.01,
	step: 100,
};

type BinaryOp = '+' | '-' | '*' | '/' | '%' | '**' | '<' | '<=' | '>' | '>=' | '==' | '!=' | '&&' | '||';
type UnaryOp = '-' | '+' | '!';
type FunctionName = 'abs' | 'sqrt' | 'exp' | 'floor' | 'tanh' | 'min' | 'max' | 'pow' | 'atan2' | 'hypot';

export type Tree =
	| { readonly kind: 'num'; readonly value: number }
	| { readonly kind: 'var'; readonly name: string }
	| { readonly kind: 'unary'; readonly op: UnaryOp; readonly arg: Tree }
	| { readonly kind: 'bin'; readonly op: BinaryOp; readonly left: Tree; readonly right: Tree }
	| { readonly kind: 'cond'; readonly test: Tree; readonly yes: Tree; readonly no: Tree }
	| { readonly kind: 'call'; readonly fn: FunctionName; readonly args: readonly Tree[] };

const binaryOps: readonly BinaryOp[] = ['+', '-', '*', '/', '%', '**', '<', '<=', '>', '>=', '==', '!=', '&&', '||'];
const arity: Readonly<Record<FunctionName, number>> = {
	abs: 1,
	sqrt: 1,
	exp: 1,
	floor: 1,
	tanh: 1,
	min: 3,
	max: 2,
	pow: 2,
	atan2: 2,
	hypot: 2,
};

/** Trees up to a modest depth, over non-negative literals (negatives come from unary minus) and `variables`. */
export const treeArbitrary: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
	tree: fc.oneof(
		{ maxDepth: 5, depthSize: 'medium', withCrossShrink: true },
		fc.oneof(
			{ arbitrary: fc.integer({ min: 0, max: 9 }), weight: 4 },
			fc.double({ min: 0, max: 1e6, noNaN: true }),
			fc.constantFrom(0.5, 1e-7, 1e21, 5e-324, Infinity, NaN),
		).map((value): Tree => ({ kind: 'num', value })),
		fc.constantFrom(...Object.keys(variables)).map((name): Tree => ({ kind: 'var', name })),
		fc.record({
			kind: fc.constant('unary' as const),
			op: fc.constantFrom<UnaryOp>('-', '+', '!'),
			arg: tie('tree'),
		}),
		{
			arbitrary: fc.record({
				kind: fc.constant('bin' as const),
				op: fc.constantFrom(...binaryOps),
				left: tie('tree'),
				right: tie('tree'),
			}),
			weight: 4,
		},
		fc.record({ kind: fc.constant('cond' as const), test: tie('tree'), yes: tie('tree'), no: tie('tree') }),
		fc.constantFrom(...(Object.keys(arity) as FunctionName[])).chain((fn) =>
			fc
				.array(tie('tree'), { minLength: arity[fn], maxLength: arity[fn] })
				.map((args): Tree => ({ kind: 'call', fn, args })),
		),
	),
})).tree;

const truthy = (v: number): boolean => v !== 0 && !Number.isNaN(v);
const bit = (b: boolean): number => (b ? 1 : 0);

/** The value of `tree`, computed directly. */
export function referenceValue(tree: Tree): number {
	switch (tree.kind) {
		case 'num':
			return tree.value;
		case 'var':
			return variables[tree.name]!;
		case 'unary': {
			const a = referenceValue(tree.arg);
			return tree.op === '-' ? -a : tree.op === '+' ? a : bit(!truthy(a));
		}
		case 'bin':
			return referenceBinary(tree.op, tree.left, tree.right);
		case 'cond':
			return truthy(referenceValue(tree.test)) ? referenceValue(tree.yes) : referenceValue(tree.no);
		case 'call': {
			const args = tree.args.map(referenceValue);
			return (Math[tree.fn] as (...xs: number[]) => number)(...args);
		}
	}
}

function referenceBinary(op: BinaryOp, left: Tree, right: Tree): number {
	const a = referenceValue(left);
	if (op === '&&') return bit(truthy(a) && truthy(referenceValue(right)));
	if (op === '||') return bit(truthy(a) || truthy(referenceValue(right)));
	const b = referenceValue(right);
	const table: Record<Exclude<BinaryOp, '&&' | '||'>, number> = {
		'+': a + b,
		'-': a - b,
		'*': a * b,
		'/': a / b,
		'%': a % b,
		'**': a ** b,
		'<': bit(a < b),
		'<=': bit(a <= b),
		'>': bit(a > b),
		'>=': bit(a >= b),
		'==': bit(a === b),
		'!=': bit(a !== b),
	};
	return table[op];
}

/** Every variable in `tree`, including those evaluation would skip. */
export function referenceNames(tree: Tree, into = new Set<string>()): Set<string> {
	switch (tree.kind) {
		case 'num':
			break;
		case 'var':
			into.add(tree.name);
			break;
		case 'unary':
			referenceNames(tree.arg, into);
			break;
		case 'bin':
			referenceNames(tree.left, into);
			referenceNames(tree.right, into);
			break;
		case 'cond':
			[tree.test, tree.yes, tree.no].forEach((t) => referenceNames(t, into));
			break;
		case 'call':
			tree.args.forEach((t) => referenceNames(t, into));
			break;
	}
	return into;
}

// The printer's own precedence levels; a child is parenthesized when its level is below what its slot needs.
const levels: Readonly<Record<BinaryOp, number>> = {
	'||': 1,
	'&&': 2,
	'<': 3,
	'<=': 3,
	'>': 3,
	'>=': 3,
	'==': 3,
	'!=': 3,
	'+': 4,
	'-': 4,
	'*': 5,
	'/': 5,
	'%': 5,
	'**': 7,
};
const atom = 8;
const spellings: Partial<Record<BinaryOp, readonly string[]>> = {
	'**': ['**', '^'],
	'&&': ['&&', 'and'],
	'||': ['||', 'or'],
	'==': ['==', '==='],
	'!=': ['!=', '!=='],
};

/** Prints `tree` as text the expression language should read back as the same tree; `random` picks spellings. */
export function printTree(tree: Tree, random: () => number): string {
	return print(tree, random).text;
}

interface Printed {
	readonly text: string;
	readonly level: number;
}

function slot(child: Tree, min: number, random: () => number): string {
	const printed = print(child, random);
	return printed.level >= min && random() > 0.15 ? printed.text : `(${printed.text})`;
}

function print(tree: Tree, random: () => number): Printed {
	const pick = <T>(options: readonly T[]): T => options[Math.floor(random() * options.length)]!;
	switch (tree.kind) {
		case 'num':
			return { text: printNumber(tree.value, random), level: atom };
		case 'var':
			return { text: tree.name, level: atom };
		case 'unary':
			if (tree.op === '!' && random() < 0.5) {
				return { text: `not ${slot(tree.arg, 3, random)}`, level: 2.5 };
			}
			return { text: `${tree.op}${slot(tree.arg, 6, random)}`, level: 6 };
		case 'bin': {
			const level = levels[tree.op];
			const [left, right] = tree.op === '**' ? [7.5, 6] : level === 3 ? [3.5, 3.5] : [level, level + 0.5];
			const op = pick(spellings[tree.op] ?? [tree.op]);
			return { text: `${slot(tree.left, left, random)} ${op} ${slot(tree.right, right, random)}`, level };
		}
		case 'cond':
			return {
				text: `${slot(tree.test, 0.5, random)} ? ${slot(tree.yes, 0, random)} : ${slot(tree.no, 0, random)}`,
				level: 0,
			};
		case 'call':
			return { text: `${tree.fn}(${tree.args.map((a) => slot(a, 0, random)).join(', ')})`, level: atom };
	}
}

function printNumber(value: number, random: () => number): string {
	if (value === 1 && random() < 0.3) return random() < 0.5 ? 'True' : 'true';
	if (value === 0 && random() < 0.3) return random() < 0.5 ? 'False' : 'false';
	return String(value);
}

/** A small deterministic generator for printing choices. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0 || 1;
	return () => {
		state ^= state << 13;
		state ^= state >>> 17;
		state ^= state << 5;
		return (state >>> 0) / 4294967296;
	};
}
