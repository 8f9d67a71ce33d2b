// The differential run: generate programs from seeds, ask the oracle (CPython or Node) and Downhill, judge, shrink
// each new kind of failure, and count the constructs the programs used.
import type { LanguageId } from '../../src/engine/language/frontEnd';
import type { Generated } from './generatePython';
import { judge, type Verdict } from './judge';
import { runInNode } from './nodeOracle';
import type { OracleAnswer } from './oracleAnswer';
import type { Expr, Fn, Module } from './programAst';
import type { PythonOracle, PythonRequest } from './pythonOracle';
import { Random } from './random';
import { shrink } from './shrink';

/** A front end under test: how to generate for it, render for it and for its oracle. */
export interface Subject {
	readonly name: string;
	readonly language: LanguageId;
	readonly oracle: 'python' | 'javascript' | 'typescript';
	generate(seed: number): Generated;
	render(m: Module): string;
	/** What the oracle runs (the same program in the oracle's language). */
	oracleSource(m: Module): string;
	/** The loss's name as Downhill knows it. */
	readonly lossName: string;
}

export interface Failure {
	readonly seed: number;
	readonly kind: string;
	readonly detail: string;
	readonly source: string;
	readonly shrunk?: { readonly source: string; readonly detail: string };
}

export interface Report {
	tried: number;
	invalid: number;
	refused: number;
	passed: number;
	gradientsCompared: number;
	readonly failures: Failure[];
	readonly coverage: Map<string, number>;
	readonly invalidReasons: Map<string, number>;
}

function literalValue(e: Expr): number {
	if (e.k === 'num') return e.value;
	if (e.k === 'unary' && e.op === '-') return -literalValue(e.a);
	if (e.k === 'unary' && e.op === '+') return literalValue(e.a);
	throw new Error(`not a literal default: ${e.k}`);
}

function lossFn(m: Module): Fn {
	return m.items.flatMap((i) => (i.k === 'fn' && i.fn.name === m.loss ? [i.fn] : []))[0]!;
}

/** The start point (from the defaults, 0 where none) and a random point, and the parameters' shape. */
export function pointsOf(m: Module, seed: number): { shape: (number | null)[]; points: number[][] } {
	const shape = lossFn(m).params.map((p) => (p.default?.k === 'list' ? p.default.items.length : null));
	const start = lossFn(m).params.flatMap((p) => (p.default?.k === 'list' ? p.default.items.map(literalValue) : [p.default ? literalValue(p.default) : 0]));
	const r = new Random(seed ^ 0x5bd1e995);
	return { shape, points: [start, start.map(() => r.decimal(-3, 3, 2))] };
}

export class Differential {
	constructor(
		private readonly subject: Subject,
		private readonly python: PythonOracle | undefined,
	) {}

	private async answers(requests: PythonRequest[]): Promise<OracleAnswer[]> {
		if (this.subject.oracle === 'python') return this.python!.run(requests);
		return requests.map((r) => runInNode(r, this.subject.oracle === 'typescript'));
	}

	/** Verdicts on `modules` (each with the seed its random point comes from). */
	async verdicts(modules: readonly Module[], seed: number): Promise<Verdict[]> {
		const s = this.subject;
		const cases = modules.map((m) => ({ m, ...pointsOf(m, seed) }));
		const answers = await this.answers(cases.map((c) => ({ source: s.oracleSource(c.m), name: c.m.loss, shape: c.shape, points: c.points })));
		return cases.map((c, i) => judge(s.render(c.m), s.language, s.lossName, c.points, answers[i]!));
	}

	/** Runs `seeds` in batches, adding to `report`; shrinks the first failure of each kind. */
	async run(seeds: readonly number[], report: Report, shrinkLimit = 3): Promise<void> {
		const generated = seeds.map((seed) => ({ seed, ...this.subject.generate(seed) }));
		for (const g of generated) for (const c of g.constructs) report.coverage.set(c, (report.coverage.get(c) ?? 0) + 1);
		const verdicts = await Promise.all(generated.map((g) => this.verdicts([g.module], g.seed).then((v) => v[0]!)));
		for (let i = 0; i < generated.length; i++) {
			const { seed, module } = generated[i]!;
			const verdict = verdicts[i]!;
			report.tried++;
			if (verdict.k === 'pass') {
				report.passed++;
				report.gradientsCompared += verdict.gradientsCompared;
			} else if (verdict.k === 'invalid') {
				report.invalid++;
				const why = verdict.why.replace(/'[^']*'/g, "'…'").slice(0, 80);
				report.invalidReasons.set(why, (report.invalidReasons.get(why) ?? 0) + 1);
			} else if (verdict.k === 'refused') report.refused++;
			else {
				const seen = report.failures.filter((f) => f.kind === verdict.kind).length;
				const failure: Failure = { seed, kind: verdict.kind, detail: verdict.detail, source: this.subject.render(module) };
				report.failures.push(seen < shrinkLimit ? { ...failure, shrunk: await this.shrunk(module, seed, verdict.kind) } : failure);
			}
		}
	}

	private async shrunk(module: Module, seed: number, kind: string): Promise<{ source: string; detail: string }> {
		const size = (m: Module) => this.subject.render(m).length;
		const small = await shrink(module, size, async (candidates) =>
			(await this.verdicts(candidates, seed)).map((v) => v.k === 'fail' && v.kind === kind),
		);
		const [verdict] = await this.verdicts([small], seed);
		return { source: this.subject.render(small), detail: verdict!.k === 'fail' ? verdict!.detail : '' };
	}
}

export function emptyReport(): Report {
	return { tried: 0, invalid: 0, refused: 0, passed: 0, gradientsCompared: 0, failures: [], coverage: new Map(), invalidReasons: new Map() };
}
