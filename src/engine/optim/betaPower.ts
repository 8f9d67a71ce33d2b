/**
 * `beta ** step` for the bias corrections of Adam, AdamW, Adamax, NAdam and RAdam: the power of a coefficient to the
 * whole step count, correctly rounded and memoized per coefficient.
 *
 * PyTorch computes `beta1 ** step` on Python floats, that is with C's `pow`, which glibc rounds correctly (its
 * documented error is below 0.52 ULP). A JavaScript engine's `**` is a different `pow` (fdlibm in V8, < 1 ULP) and costs
 * ~40 ns, more than the rest of an Adam update for a few parameters. Here the power is a running product kept in
 * double-double arithmetic (Dekker, "A floating-point technique for extending the available precision", Numer. Math.
 * 18, 1971: exact products by Veltkamp splitting), about 2^-100 relative error after a million factors, so its
 * rounding to a double is the correctly rounded power. Values are tabled per coefficient: every run with the same
 * betas (restarts, basin maps, sweeps, replays) looks them up, and a value depends only on `(beta, step)`, so replays
 * stay bit for bit. Once the power is below 2^-80 it is taken as 0: it enters only as `1 - power`, exactly 1 either way,
 * and in RAdam's `rho_t`, where `2 t beta^t` is then far below half an ULP of `rho_inf`. Past `maxTabled` steps
 * before that (betas very close to 1), the engine's `**` serves.
 */

const maxTabled = 1 << 18;
/** Powers computed past the one asked for, so the table grows in runs rather than one call per step. */
const extendAhead = 1023;
const negligible = 2 ** -80;
/** 2^27 + 1: Veltkamp's constant for splitting a double into two 26-bit halves. */
const splitter = 134217729;

/** The powers of one coefficient computed so far, and the unrounded running product to extend them with. */
class PowerTable {
	values = new Float64Array(64);
	/** Powers 0..count-1 are in `values`. */
	count = 1;
	private hi = 1;
	private lo = 0;
	private readonly baseHi: number;
	private readonly baseLo: number;
	/** True once the power no longer matters next to 1, or the table is full. */
	closed = false;
	/** True when the table closed because the power became negligible: later powers are 0. */
	private vanished = false;

	constructor(private readonly base: number) {
		this.values[0] = 1;
		const c = splitter * base;
		this.baseHi = c - (c - base);
		this.baseLo = base - this.baseHi;
	}

	/** Appends powers up to `step` (or until the table closes). */
	extendTo(step: number): void {
		while (this.count <= step && !this.closed) {
			this.multiply();
			this.vanished = this.hi < negligible;
			if (this.vanished) break;
			if (this.count === this.values.length) this.grow();
			this.values[this.count++] = this.hi;
			this.closed = this.count === maxTabled;
		}
		this.closed ||= this.vanished;
	}

	/** (hi, lo) ← (hi, lo) · base, exactly to double-double precision (Dekker's mul12 and add2). */
	private multiply(): void {
		const { hi, lo, base, baseHi, baseLo } = this;
		const product = hi * base;
		const c = splitter * hi;
		const aHi = c - (c - hi);
		const aLo = hi - aHi;
		const error = aHi * baseHi - product + aHi * baseLo + aLo * baseHi + aLo * baseLo;
		const tail = error + lo * base;
		const sum = product + tail;
		this.lo = tail - (sum - product);
		this.hi = sum;
	}

	private grow(): void {
		const next = new Float64Array(Math.min(this.values.length * 2, maxTabled));
		next.set(this.values);
		this.values = next;
	}

	/** `base ** step`, from the table when it holds it. */
	at(step: number): number {
		if (step >= this.count) this.extendTo(step + extendAhead);
		if (step < this.count) return this.values[step]!;
		return this.vanished ? 0 : this.base ** step;
	}
}

/** Coefficients remembered for new optimizers (a user trying many betas does not pile up tables). */
const maxTables = 16;
const tables = new Map<number, PowerTable>();

/**
 * The powers of a coefficient `0 <= beta < 1`: `powers(step)` is `beta ** step` for a whole `step >= 0`, correctly
 * rounded (see the file comment), the same value for the same arguments every time. Optimizers take it once when
 * they are created; the table behind it is shared by every optimizer with the same coefficient.
 */
export function betaPowers(beta: number): (step: number) => number {
	let table = tables.get(beta);
	if (table === undefined) {
		table = new PowerTable(beta);
		tables.set(beta, table);
		// Optimizers created earlier keep their tables; only the lookup forgets the oldest coefficients.
		if (tables.size > maxTables) tables.delete(tables.keys().next().value!);
	}
	const found = table;
	return (step) => found.at(step);
}
