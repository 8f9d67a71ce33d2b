/**
 * Python's arithmetic where it differs from JavaScript's. `%` takes the sign of the divisor and `//` floors, both
 * computed the way CPython's `float_rem` and `float_floor_div` do (from `fmod`, then corrected), so results agree
 * with Python to the last bit; `round` rounds half to even. The shared `binary()` handles the rest.
 */
import type { GraphBuilder } from '../../graph/graphBuilder';
import type { Node } from '../../graph/node';
import { binary } from '../lowering/operators';
import type { ArithmeticOperator } from './pythonAst';

/** `x op y` with Python's semantics. */
export function arithmetic(b: GraphBuilder, op: ArithmeticOperator, x: Node, y: Node): Node {
	switch (op) {
		case '+':
		case '-':
		case '*':
		case '/':
		case '**':
			return binary(b, op, x, y);
		case '%':
			return floorMod(b, x, y);
		case '//':
			return floorDiv(b, x, y);
		case '@':
			throw new Error('internal: @ is lowered by arrayOperators.ts');
		default: {
			const never: never = op;
			return never;
		}
	}
}

/** True where `fmod(x, y)` = `r` has the other sign than `y`, so Python moves it by one `y`. */
function needsShift(b: GraphBuilder, r: Node, y: Node): Node {
	const zero = b.constant(0);
	return b.op('and', b.op('ne', r, zero), b.op('ne', b.op('lt', r, zero), b.op('lt', y, zero)));
}

/** Python's `x % y`: the remainder with the sign of `y`. Its derivative is 1 in `x` and `-floor(x / y)` in `y`. */
export function floorMod(b: GraphBuilder, x: Node, y: Node): Node {
	const r = b.op('mod', x, y);
	return b.select(needsShift(b, r, y), b.add(r, y), r);
}

/**
 * Python's `x // y`: `floor(x / y)`, exact for floats as CPython computes it (`1 // 0.1` is 9). Where CPython raises
 * (`y` = 0) it is IEEE's `floor(x / 0)`: ±∞, or NaN for `0 // 0`, as numpy's `floor_divide` gives.
 */
export function floorDiv(b: GraphBuilder, x: Node, y: Node): Node {
	const r = b.op('mod', x, y);
	const quotient = b.div(b.sub(x, r), y);
	const div = b.select(needsShift(b, r, y), b.sub(quotient, b.constant(1)), quotient);
	const floor = b.op('floor', div);
	const python = b.select(b.op('gt', b.sub(div, floor), b.constant(0.5)), b.add(floor, b.constant(1)), floor);
	return b.select(b.op('eq', y, b.constant(0)), b.op('floor', b.div(x, y)), python);
}

/** Python's `round(x)`: to the nearest whole number, halves to even (`round(2.5)` is 2). */
export function roundHalfEven(b: GraphBuilder, x: Node): Node {
	const r = b.op('round', x);
	const tie = b.op('eq', b.sub(x, b.op('floor', x)), b.constant(0.5));
	const odd = b.op('ne', b.op('mod', r, b.constant(2)), b.constant(0));
	return b.select(b.op('and', tie, odd), b.sub(r, b.constant(1)), r);
}

/**
 * Python's `round(x, n)` for 0 ≤ n ≤ 22: the double nearest to `x` rounded to `n` decimals, halves to even, decided
 * on the exact value of `x` as CPython does (`round(0.15, 1)` is 0.1: the double 0.15 lies below the tie). `x·10ⁿ`
 * is split into its rounded product `p` and the exact error `e` (Dekker's two-product with Veltkamp's splitting,
 * T. J. Dekker, "A floating-point technique for extending the available precision", Numer. Math. 18, 1971); only a
 * `p` that is a tie needs `e`'s sign. Where `x·10ⁿ` is 2⁵² or more `x` has no digits to round and is returned.
 */
export function roundDigits(b: GraphBuilder, x: Node, n: number): Node {
	const scale = 10 ** n;
	const p = b.mul(x, b.constant(scale));
	const e = productError(b, x, p, scale);
	const floor = b.op('floor', p);
	const tie = b.op('eq', b.sub(p, floor), b.constant(0.5));
	const up = b.select(tie, b.op('gt', e, b.constant(0)), b.op('gt', b.sub(p, floor), b.constant(0.5)));
	const down = b.select(tie, b.op('lt', e, b.constant(0)), b.constant(1));
	const even = b.op('eq', b.op('mod', floor, b.constant(2)), b.constant(0));
	const roundUp = b.select(up, b.constant(1), b.select(down, b.constant(0), b.op('not', even)));
	const rounded = b.div(b.add(floor, roundUp), b.constant(scale));
	return b.select(b.op('lt', b.op('abs', p), b.constant(2 ** 52)), rounded, x);
}

/** The exact error `x·s − p` of the rounded product `p = x·s` (Dekker's TwoProduct; `s` a constant). */
function productError(b: GraphBuilder, x: Node, p: Node, s: number): Node {
	const split = 134217729; // 2^27 + 1, Veltkamp's splitter for doubles
	const c = b.mul(b.constant(split), x);
	const xh = b.sub(c, b.sub(c, x));
	const xl = b.sub(x, xh);
	const cs = split * s;
	const sh = cs - (cs - s);
	const sl = s - sh;
	const high = b.add(b.add(b.sub(b.mul(xh, b.constant(sh)), p), b.mul(xh, b.constant(sl))), b.mul(xl, b.constant(sh)));
	return b.add(high, b.mul(xl, b.constant(sl)));
}
