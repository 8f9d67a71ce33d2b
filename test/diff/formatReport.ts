// The differential fuzzer's printout: counts, failures grouped by kind with their shrunk programs, and the coverage
// table (construct → programs that used it).
import type { Report } from './runDifferential';

export function formatReport(name: string, report: Report): string {
	const lines = [
		`== ${name}: ${report.tried} programs, ${report.passed} agreed (${report.gradientsCompared} partial derivatives compared), ` +
			`${report.refused} documented refusals, ${report.invalid} invalid in the interpreter, ${report.failures.length} failed`,
	];
	const kinds = new Map<string, typeof report.failures>();
	for (const f of report.failures) kinds.set(f.kind, [...(kinds.get(f.kind) ?? []), f]);
	for (const [kind, failures] of kinds) {
		lines.push(`-- ${failures.length} × ${kind} (seeds ${failures.slice(0, 8).map((f) => f.seed).join(', ')}${failures.length > 8 ? ', …' : ''})`);
		for (const f of failures.filter((f) => f.shrunk)) lines.push(`   shrunk from seed ${f.seed}: ${f.shrunk!.detail}`, ...f.shrunk!.source.trimEnd().split('\n').map((l) => `   | ${l}`));
	}
	if (report.invalidReasons.size) {
		lines.push('-- invalid in the interpreter (the generator strayed; not a test of Downhill):');
		for (const [why, n] of [...report.invalidReasons].sort((a, b) => b[1] - a[1]).slice(0, 8)) lines.push(`   ${n} × ${why}`);
	}
	lines.push('-- coverage (construct: programs)');
	const rows = [...report.coverage].sort((a, b) => a[0].localeCompare(b[0]));
	for (let i = 0; i < rows.length; i += 3) lines.push('   ' + rows.slice(i, i + 3).map(([c, n]) => `${c}: ${n}`.padEnd(46)).join('').trimEnd());
	return lines.join('\n');
}
