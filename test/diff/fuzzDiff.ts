// `npm run fuzz:diff -- --seconds N [--only python|javascript|typescript|math] [--seed S]`: the differential fuzzer
// for as long as asked, round-robin over the front ends; prints each failure kind with its shrunk program, the counts
// and the coverage table. Exit code 1 when anything failed.
import { formatReport } from './formatReport';
import { PythonOracle, pythonHas } from './pythonOracle';
import { Differential, emptyReport, type Failure, type Report } from './runDifferential';
import { subjects } from './subjects';

/** A failure as soon as it is found (the summary at the end groups them). */
function printFailure(name: string, f: Failure): void {
	const program = f.shrunk ? `shrunk: ${f.shrunk.detail}\n${f.shrunk.source}` : f.detail;
	console.log(`[${new Date().toISOString().slice(11, 19)}] ${name} seed ${f.seed}: ${f.kind}${f.shrunk ? `\n${program}` : ''}`);
}

function option(name: string): string | undefined {
	const i = process.argv.indexOf(`--${name}`);
	return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
	const seconds = Number(option('seconds') ?? 60);
	const only = option('only');
	let seed = Number(option('seed') ?? Date.now() % 1_000_000_000);
	const chosen = subjects.filter((s) => only === undefined || only.split(',').includes(s.name));
	if (!pythonHas('numpy')) console.log('note: /usr/bin/python3 has no numpy; the numpy calls are checked by CPython errors only');
	if (!pythonHas('torch')) console.log('note: torch is not installed for /usr/bin/python3; torch-style programs are skipped');
	console.log(`seeds from ${seed}, ${seconds} s, front ends: ${chosen.map((s) => s.name).join(', ')}`);
	const python = new PythonOracle();
	const reports = new Map<string, Report>(chosen.map((s) => [s.name, emptyReport()]));
	const runners = chosen.map((s) => new Differential(s, python));
	const end = Date.now() + seconds * 1000;
	while (Date.now() < end) {
		for (let i = 0; i < chosen.length && Date.now() < end; i++) {
			const seeds = Array.from({ length: 25 }, (_, k) => seed + k);
			const report = reports.get(chosen[i]!.name)!;
			const before = report.failures.length;
			await runners[i]!.run(seeds, report);
			for (const f of report.failures.slice(before)) printFailure(chosen[i]!.name, f);
		}
		seed += 25;
	}
	python.close();
	let failed = 0;
	for (const [name, report] of reports) {
		console.log(formatReport(name, report));
		failed += report.failures.length;
	}
	process.exitCode = failed ? 1 : 0;
}

void main();
