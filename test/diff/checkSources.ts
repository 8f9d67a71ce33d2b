// Judges hand-kept sources (the shrunk failures the fuzzer found, committed as regression tests) against the real
// interpreter, at their start point and at given points.
import { judge, type Verdict } from './judge';
import { runInNode } from './nodeOracle';
import { pythonHas, PythonOracle } from './pythonOracle';

export interface SourceCase {
	readonly source: string;
	/** The oracle's program, when it is not `source` itself (plain math's Python rendering). */
	readonly oracleSource?: string;
	/** Per parameter: null for a number, n for a list of n. */
	readonly shape: readonly (number | null)[];
	/** The first point is the start point Downhill must read from the defaults. */
	readonly points: readonly (readonly number[])[];
	readonly name?: string;
}

export type OracleLanguage = 'python' | 'javascript' | 'typescript' | 'math';

/** Verdicts on `cases` in `language` (plain math is judged against CPython running `oracleSource`). */
export async function checkSources(language: OracleLanguage, cases: readonly SourceCase[]): Promise<Verdict[]> {
	const requests = cases.map((c) => ({ source: c.oracleSource ?? c.source, name: c.name ?? 'loss', shape: c.shape, points: c.points }));
	let answers;
	if (language === 'python' || language === 'math') {
		const oracle = new PythonOracle();
		answers = await oracle.run(requests);
		oracle.close();
	} else answers = requests.map((r) => runInNode(r, language === 'typescript'));
	return cases.map((c, i) => judge(c.source, language, c.name ?? 'loss', c.points, answers[i]!));
}

/** True when the Python oracle can run here (Debian's python3 with numpy). */
export const pythonOracleAvailable = pythonHas('math');
