// The CLI reads the data files a loss names relative to the loss file, inside its root only: values against numpy
// (test/unit/data/fixtures/lossOracles.json), and the refusals of the path rule on a real file system: `..` out of
// the root, an absolute path elsewhere, a symbolic link that leads out, a folder, a missing file, the size limit.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDataFiles } from '../../../src/cli/readDataFiles';
import { dataFileSizeLimit, formatMessage, type DataFile } from '../../../src/engine/index';
import { json, run } from './runCli';

const base = mkdtempSync(join(tmpdir(), 'downhill-data-'));
const project = join(base, 'project');
mkdirSync(join(project, 'models'), { recursive: true });
mkdirSync(join(project, 'data'));
writeFileSync(join(base, 'secret.csv'), '1,2\n');
const houses = readFileSync(join(__dirname, '..', 'data', 'fixtures', 'houses.csv'), 'utf8');
writeFileSync(join(project, 'data', 'houses.csv'), houses);
symlinkSync(join(base, 'secret.csv'), join(project, 'data', 'link.csv'));
symlinkSync(join(project, 'data', 'houses.csv'), join(project, 'data', 'inside-link.csv'));
writeFileSync(join(project, 'data', 'huge.csv'), '');
truncateSync(join(project, 'data', 'huge.csv'), dataFileSizeLimit + 1);
afterAll(() => rmSync(base, { recursive: true, force: true }));

function describeFile(file: DataFile | undefined): string {
	if (!file) return 'absent';
	if (file.kind === 'error') return formatMessage(file.message);
	return file.kind === 'text' ? `text ${file.text.length}` : `bytes ${file.bytes.length}`;
}

function read(path: string): string {
	const source = `import numpy as np\nX = np.loadtxt(${JSON.stringify(path)}, delimiter=",")\n`;
	const files = readDataFiles(join(project, 'models', 'loss.py'), source, 'python', project);
	return describeFile(files.get(path));
}

describe('readDataFiles (CLI)', () => {
	it('reads a path relative to the loss file, and an absolute one inside the root', () => {
		expect(read('../data/houses.csv')).toBe(`text ${houses.length}`);
		expect(read(join(project, 'data', 'houses.csv'))).toBe(`text ${houses.length}`);
		expect(read('../data/inside-link.csv')).toBe(`text ${houses.length}`);
	});

	it('refuses .. out of the root, an absolute path elsewhere and a link that leads out', () => {
		expect(read('../../secret.csv')).toBe(`the path leads outside the workspace (${join(base, 'secret.csv')}); data files are read only inside it`);
		expect(read(join(base, 'secret.csv'))).toContain('the path leads outside the workspace');
		expect(read('../data/link.csv')).toBe(`a symbolic link leads outside the workspace (${join(base, 'secret.csv')}); data files are read only inside it`);
	});

	it('says what is wrong with a missing file, a folder and a file over the limit', () => {
		expect(read('../data/gone.csv')).toBe(`the file was not found (${join(project, 'data', 'gone.csv')})`);
		expect(read('../data')).toBe('the path is a folder, not a file');
		expect(read('../data/huge.csv')).toBe('the file is 50.0 MB, over the limit of 50.0 MB');
	});
});

describe('downhill with data files', () => {
	const lossFile = join(project, 'regression.py');
	writeFileSync(lossFile, [
		'import numpy as np',
		'X = np.loadtxt("data/houses.csv", delimiter=",", skiprows=1, usecols=(0,))',
		'y = np.loadtxt("data/houses.csv", delimiter=",", skiprows=1, usecols=2)',
		'',
		'def loss(w=4.0, b=50.0):',
		'    return np.mean((w * X + b - y) ** 2)',
		'',
	].join('\n'));
	const oracle = JSON.parse(readFileSync(join(__dirname, '..', 'data', 'fixtures', 'lossOracles.json'), 'utf8'))['loadtxt columns'];

	it('grad evaluates the loss on the file beside it, inside the loss file\'s folder when that is outside the current directory (numpy: the same value)', () => {
		const result = json('grad', lossFile);
		expect(result.points[0].value).toBeCloseTo(oracle.values[0], 9);
	});

	it('points a missing file at the path string', () => {
		const broken = join(project, 'broken.py');
		writeFileSync(broken, 'import numpy as np\nX = np.loadtxt("nowhere.csv")\ndef loss(w=1.0):\n    return w * np.sum(X)\n');
		const r = run('grad', broken);
		expect(r.code).not.toBe(0);
		expect(r.err.join('\n')).toContain(`${broken}:2:16: data file 'nowhere.csv': the file was not found (${join(project, 'nowhere.csv')})`);
	});
});

describe('the examples that read data files (numpy: exampleOracles.json)', () => {
	const oracles = JSON.parse(readFileSync(join(__dirname, '..', 'data', 'fixtures', 'exampleOracles.json'), 'utf8'));

	it('house_prices.py reads data/house-prices.csv with pandas', () => {
		const result = json('grad', 'examples/house_prices.py', '--at', '0,0', '--at', '1.5,0.5');
		expect(result.points[0].value).toBeCloseTo(oracles['house_prices.py'].start, 9);
		expect(result.points[1].value).toBeCloseTo(oracles['house_prices.py']['at (1.5, 0.5)'], 9);
	});

	it('exam-results.ts imports data/exam-results.json', () => {
		const result = json('grad', 'examples/exam-results.ts', '--at', '0,0', '--at', '0.8,-4');
		expect(result.points[0].value).toBeCloseTo(oracles['exam-results.ts'].start, 9);
		expect(result.points[1].value).toBeCloseTo(oracles['exam-results.ts']['at (0.8, -4)'], 9);
	});
});
