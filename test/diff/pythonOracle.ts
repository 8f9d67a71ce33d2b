// CPython as the oracle of the Python (and plain-math) front ends: one long-lived `/usr/bin/python3` running
// oracle.py, fed many programs over a pipe so that a few hundred programs cost one interpreter start.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { decodeNumber, type OracleAnswer, type PointAnswer } from './oracleAnswer';

/** Debian's interpreter, which has numpy (and torch); the PATH one may be a pyenv build without them. */
export const pythonPath = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

export interface PythonRequest {
	readonly source: string;
	readonly name: string;
	/** Per parameter: null for a number, n for a list of n. */
	readonly shape: readonly (number | null)[];
	readonly points: readonly (readonly number[])[];
}

/** True when `module` imports in the oracle's interpreter. */
export function pythonHas(module: string): boolean {
	return spawnSync(pythonPath, ['-c', `import ${module}`], { stdio: 'ignore' }).status === 0;
}

export class PythonOracle {
	private readonly child: ChildProcessWithoutNullStreams;
	private readonly waiting = new Map<number, (answer: OracleAnswer) => void>();
	private buffered = '';
	private nextId = 0;
	private ready: Promise<void>;

	constructor() {
		this.child = spawn(pythonPath, [resolve('test/diff/oracle.py')], { stdio: 'pipe' });
		let started!: () => void;
		this.ready = new Promise((resolve) => (started = resolve));
		this.child.stdout.setEncoding('utf8');
		this.child.stdout.on('data', (chunk: string) => {
			this.buffered += chunk;
			let newline: number;
			while ((newline = this.buffered.indexOf('\n')) >= 0) {
				const line = this.buffered.slice(0, newline);
				this.buffered = this.buffered.slice(newline + 1);
				const reply = JSON.parse(line) as { id?: number } & Record<string, unknown>;
				if (reply.id === undefined) started();
				else this.settle(reply.id, reply);
			}
		});
		this.child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
	}

	private settle(id: number, reply: Record<string, unknown>): void {
		const resolve = this.waiting.get(id)!;
		this.waiting.delete(id);
		if (typeof reply.invalid === 'string') return resolve({ invalid: reply.invalid });
		const results = (reply.results as Record<string, unknown>[]).map((r): PointAnswer => ({
			value: r.value === 'undefined' ? 'undefined' : decodeNumber(r.value)!,
			gradient: (r.gradient as unknown[]).map(decodeNumber),
			errors: r.errors as (number | null)[],
			jumpy: r.jumpy === true,
		}));
		resolve({ results });
	}

	/** CPython's answers for `requests`, in order. */
	async run(requests: readonly PythonRequest[]): Promise<OracleAnswer[]> {
		await this.ready;
		return Promise.all(
			requests.map((request) => {
				const id = this.nextId++;
				const answer = new Promise<OracleAnswer>((resolve) => this.waiting.set(id, resolve));
				// JSON has no -0; CPython must see the same signed zero as Downhill (atan2, copysign).
				this.child.stdin.write(JSON.stringify({ id, ...request }, (_, v: unknown) => (Object.is(v, -0) ? '-0.0' : v)) + '\n');
				return answer;
			}),
		);
	}

	close(): void {
		this.child.stdin.end();
	}
}
