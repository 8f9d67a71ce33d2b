// The data-file path rule: relative to the loss file, inside the workspace roots only (no `..` escape, no absolute
// path elsewhere). Symbolic links are checked by the readers with real paths (test/unit/cli/readDataFiles.test.ts).
import { describe, expect, it } from 'vitest';
import { formatMessage, isInside, normalizePath, resolveDataPath, type DataPathResult } from '../../../src/engine/index';

const roots = ['/work/project'];
const loss = '/work/project/models/regression.py';

function text(result: DataPathResult): string {
	return result.kind === 'ok' ? `ok ${result.path}` : formatMessage(result.message);
}

describe('resolveDataPath', () => {
	it('resolves a path against the loss file’s folder', () => {
		expect(text(resolveDataPath(loss, 'houses.csv', roots))).toBe('ok /work/project/models/houses.csv');
		expect(text(resolveDataPath(loss, './data/houses.csv', roots))).toBe('ok /work/project/models/data/houses.csv');
		expect(text(resolveDataPath(loss, '../data/houses.csv', roots))).toBe('ok /work/project/data/houses.csv');
		expect(text(resolveDataPath(loss, 'data\\houses.csv', roots))).toBe('ok /work/project/models/data/houses.csv');
	});

	it('refuses a .. that climbs out of the workspace', () => {
		expect(text(resolveDataPath(loss, '../../secrets.csv', roots))).toBe(
			'the path leads outside the workspace (/work/secrets.csv); data files are read only inside it',
		);
		expect(text(resolveDataPath(loss, '../../../../../../etc/passwd', roots))).toContain('(/etc/passwd)');
		// A sibling folder whose name starts like the root's is outside too.
		expect(resolveDataPath(loss, '../../project-other/x.csv', roots).kind).toBe('error');
	});

	it('takes an absolute path only inside the workspace', () => {
		expect(text(resolveDataPath(loss, '/work/project/data/x.csv', roots))).toBe('ok /work/project/data/x.csv');
		expect(text(resolveDataPath(loss, '/etc/passwd', roots))).toContain('outside the workspace (/etc/passwd)');
	});

	it('uses any of several roots, and none for a loss outside them', () => {
		expect(text(resolveDataPath('/b/loss.py', 'x.csv', ['/a', '/b']))).toBe('ok /b/x.csv');
		expect(text(resolveDataPath('/c/loss.py', 'x.csv', ['/a', '/b']))).toBe(
			'the loss file is not inside a workspace folder, so Downhill reads no data file for it',
		);
		expect(text(resolveDataPath(loss, '  ', roots))).toBe('the path is empty');
	});
});

describe('normalizePath and isInside', () => {
	it('normalizes dots and slashes', () => {
		expect(normalizePath('/a/./b/../c/')).toBe('/a/c');
		expect(normalizePath('/../..')).toBe('/');
	});

	it('tells inside from a name prefix', () => {
		expect(isInside('/a/b', '/a')).toBe(true);
		expect(isInside('/a', '/a')).toBe(true);
		expect(isInside('/ab', '/a')).toBe(false);
	});
});
