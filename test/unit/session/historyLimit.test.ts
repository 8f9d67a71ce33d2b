// The history has a memory cap: a run that would grow past `maxHistoryBytes` stops with `historyFull` (a clear
// sentence) instead of growing until the host runs out of memory. And in an untrusted workspace, the settings that
// cost time or memory are the user's, not the workspace's.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileLoss } from '../../../src/engine/compileLoss';
import { OptimizationSession } from '../../../src/engine/session/optimizationSession';
import { describeStop } from '../../../src/engine/session/stopReason';

const d = 200;
// Unbounded below along every coordinate with a constant gradient: never converges, never diverges.
const downhillForEver = () =>
	compileLoss('function loss(w: number[]) { let s = 0; for (let i = 0; i < w.length; i++) s -= w[i]; return s; }', { language: 'typescript', sizes: { w: d } });

describe('the history limit', () => {
	// A record is x, loss, gradient and lr: (2d + 2) float64s.
	const bytesPerRecord = (2 * d + 2) * 8;
	const limit = 2 ** 20;
	const records = Math.floor(limit / bytesPerRecord);

	it('stops continue with historyFull when the next record would pass it', () => {
		const s = new OptimizationSession(downhillForEver(), { optimizerOptions: { lr: 0.1 }, maxHistoryBytes: limit });
		const r = s.continue(100_000);
		expect(r.reason).toEqual({ kind: 'historyFull', records, megabytes: Math.round((records * bytesPerRecord) / 2 ** 20) });
		expect(r.step).toBe(records - 1);
		expect(s.history.length).toBe(records);
		expect(describeStop(r.reason)).toMatch(/^History limit reached: 326 records take 1 MiB; restart, or step back/);
	});

	it('stops step too, and lets a step back go on from an earlier point', () => {
		const s = new OptimizationSession(downhillForEver(), { optimizerOptions: { lr: 0.1 }, maxHistoryBytes: limit });
		expect(s.step(records + 10).reason.kind).toBe('historyFull');
		s.stepBack(5);
		expect(s.step(5).reason.kind).toBe('step');
		expect(s.step().reason.kind).toBe('historyFull');
		expect(s.snapshot().loss).toBeCloseTo(-d * 0.1 * (records - 1), 6);
	});

	it('is 256 MiB by default and at least 64 KiB', () => {
		expect(new OptimizationSession(downhillForEver()).settings.maxHistoryBytes).toBe(256 * 2 ** 20);
		expect(() => new OptimizationSession(downhillForEver(), { maxHistoryBytes: 1000 })).toThrow(/maxHistoryBytes/);
	});
});

describe('untrusted workspaces', () => {
	it('restrict every setting that sets how long a run goes or how much it keeps', () => {
		const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
		const trust = manifest.capabilities.untrustedWorkspaces;
		expect(trust.supported).toBe('limited');
		const settings = Object.keys(manifest.contributes.configuration.properties);
		for (const key of ['downhill.maxSteps', 'downhill.gradientTolerance', 'downhill.lossTolerance', 'downhill.divergenceSteps', 'downhill.batchSize']) {
			expect(trust.restrictedConfigurations).toContain(key);
			expect(settings).toContain(key);
		}
	});
});
