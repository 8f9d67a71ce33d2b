// Every refusal the differential fuzzer accepts (test/diff/judge.ts) names a construct the README lists as
// unsupported.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentedRefusals } from '../../diff/judge';

describe('documented refusals', () => {
	it('each names a construct the README lists as unsupported', () => {
		const readme = readFileSync('README.md', 'utf8');
		expect(documentedRefusals.length).toBeGreaterThan(0);
		for (const refusal of documentedRefusals) expect(readme, refusal.readme).toContain(refusal.readme);
	});
});
