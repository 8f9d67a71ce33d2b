import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { basename, hasUriScheme, isAbsolutePath, normalizePath } from '../../../src/extension/debug/pathText';

// The debugger's string path helpers run where node:path does not (the browser); on POSIX paths they must agree
// with it, and Windows and URI spellings get the documented treatment.
describe('path helpers without node:path', () => {
	const posix = ['/a/b/loss.ts', '/a/./b//c/../loss.ts', '/../x', 'a/b/../../c', 'a/../../b', '/a/b/', 'loss.ts', './a/b'];

	it('normalize POSIX paths as node:path.posix does', () => {
		for (const p of posix) expect(normalizePath(p), p).toBe(path.posix.normalize(p).replace(/^\.\//, '').replace(/\/$/, '') || '.');
	});

	it('agree with node:path.posix on basename and absoluteness', () => {
		for (const p of posix) {
			expect(basename(p), p).toBe(path.posix.basename(p));
			expect(isAbsolutePath(p), p).toBe(path.posix.isAbsolute(p));
		}
	});

	it('handle Windows drive and UNC paths and leave URIs alone', () => {
		expect(normalizePath('C:\\a\\..\\b\\loss.ts')).toBe('C:/b/loss.ts');
		expect(normalizePath('C:\\..\\loss.ts')).toBe('C:/loss.ts');
		expect(normalizePath('\\\\server\\share\\..\\x')).toBe('//server/share/x');
		expect(basename('C:\\a\\loss.ts')).toBe('loss.ts');
		expect(isAbsolutePath('C:/a')).toBe(true);
		expect(hasUriScheme('untitled:Untitled-1')).toBe(true);
		expect(hasUriScheme('C:\\a')).toBe(false);
	});
});
