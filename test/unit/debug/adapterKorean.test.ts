/**
 * The debug adapter in another language: the same `DownhillDebugSession`, run in-process behind a socket and given
 * a translator over the Korean bundle (as activateDebug.ts gives it `vscode.l10n.t`), answers with Korean scope
 * names, thread and frame names, and Korean launch errors, engine messages included. The standalone adapter the
 * other tests spawn keeps the English default.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { compileLoss } from '../../../src/engine/compileLoss';
import { languageForPath } from '../../../src/engine/language/languageForPath';
import { fillTemplate } from '../../../src/engine/message';
import { describeStop } from '../../../src/engine/session/stopReason';
import { DownhillDebugSession, type ControllerProvider } from '../../../src/extension/debug/downhillDebugSession';
import type { AdapterText } from '../../../src/extension/debug/translate';
import { SessionController } from '../../../src/extension/session/sessionController';
import { failureOf, fixture, launchToEntry, repoRoot, scopeValues, topFrame } from './adapterClient';

const bundleKo = JSON.parse(readFileSync(path.join(repoRoot, 'l10n/bundle.l10n.ko.json'), 'utf8')) as Record<string, string>;

/** `vscode.l10n.t` with the Korean bundle loaded. */
const korean: AdapterText = {
	t: (message, ...args) => fillTemplate(bundleKo[message] ?? message, args.map(String)),
	stop: describeStop,
};

/** debugAdapterMain.ts's provider: the loss file from disk, a session of its own. */
const provideController: ControllerProvider = async (launch) => {
	const fileName = path.resolve(launch.program);
	const loss = compileLoss(await readFile(fileName, 'utf8'), { language: languageForPath(fileName)!, name: launch.functionName });
	return new SessionController(loss, { uri: fileName, fileName, line: loss.site.span.line }, launch.settings, launch.start);
};

let server: Server;
let client: DebugClient;
let folder: string;

beforeAll(async () => {
	server = createServer((socket) => {
		const session = new DownhillDebugSession({ provideController, text: korean });
		session.setRunAsServer(true);
		session.start(socket, socket);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	folder = mkdtempSync(path.join(tmpdir(), 'downhill-ko-'));
});

afterAll(async () => {
	rmSync(folder, { recursive: true, force: true });
	await new Promise((resolve) => server.close(resolve));
});

beforeEach(async () => {
	client = new DebugClient('node', '', 'downhill');
	client.defaultTimeout = 10_000;
	await client.start((server.address() as AddressInfo).port);
});

afterEach(async () => {
	await client.stop();
});

describe('the adapter with a Korean translator', () => {
	it('names the scopes, the thread and the frame in Korean', async () => {
		await launchToEntry(client, { program: fixture('quadratic.ts'), optimizer: 'sgd', lr: 0.1 });
		const frame = await topFrame(client);
		expect(frame.name).toBe('0단계 · 손실 = 17');
		const scopes = (await client.scopesRequest({ frameId: frame.id })).body.scopes.map((scope) => scope.name);
		expect(scopes).toEqual(['매개변수', '기울기', '손실과 단계', '하이퍼파라미터', '옵티마이저 상태']);
		expect(await scopeValues(client, '매개변수')).toEqual({ x: '5' });
		expect((await client.threadsRequest()).body.threads).toEqual([{ id: 1, name: '옵티마이저' }]);
	});

	it('reports a launch attribute error in Korean', async () => {
		const message = await failureOf(client.launch({ program: fixture('quadratic.ts'), stopOnEntry: 'yes' }));
		expect(message).toBe("'stopOnEntry'은(는) true 또는 false여야 합니다(입력값: \"yes\")");
	});

	it("reports the engine's error for a loss it cannot take in Korean, names and position kept", async () => {
		const program = path.join(folder, 'whileLoss.ts');
		writeFileSync(program, 'export function loss(x = 5) {\n\twhile (x > 0) x -= 1;\n\treturn x;\n}\n');
		const message = await failureOf(client.launch({ program }));
		expect(message).toBe(`${program}:2:2: while 반복문은 지원하지 않습니다. 경계가 고정된 for 반복문을 사용하세요`);
	});

	it('refuses a Watch assignment in Korean', async () => {
		await launchToEntry(client, { program: fixture('quadratic.ts'), optimizer: 'sgd', lr: 0.1 });
		const message = await failureOf(client.evaluateRequest({ expression: 'lr = 1', context: 'watch' }));
		expect(message).toBe("대입은 디버그 콘솔에서만 실행됩니다. 'lr'은(는) 바뀌지 않았습니다");
		expect(await failureOf(client.evaluateRequest({ expression: 'zz * 2', context: 'repl' }))).toBe("알 수 없는 이름 'zz' (1열)");
	});

	it('gives the reasons of unverified breakpoints in Korean', async () => {
		const program = fixture('quadratic.ts');
		await launchToEntry(client, { program, optimizer: 'sgd', lr: 0.1 });
		const { breakpoints } = (
			await client.setBreakpointsRequest({ source: { path: program }, breakpoints: [{ line: 2, condition: 'loss = 1' }, { line: 40 }] })
		).body;
		expect(breakpoints.map((bp) => bp.verified)).toEqual([false, false]);
		expect(breakpoints[0]!.message).toBe("조건은 비교입니다. 'loss = 1'에서 = 대신 ==를 사용하세요");
		expect(breakpoints[1]!.message).toMatch(/^40번 줄은 손실 함수 'loss' 밖에 있습니다/);
	});
});
