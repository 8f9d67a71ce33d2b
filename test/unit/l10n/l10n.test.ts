// English and Korean stay complete: package.json's %keys% against package.nls.json and package.nls.ko.json, the
// runtime bundle (l10n/) against the `vscode.l10n.t` calls in src/extension, and the panel's Korean table against
// the protocol's English one. Translations must keep their placeholders ({0}, {step}), code spans and command links.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it, vi } from 'vitest';
import { stopAt } from '../../../src/engine/session/stopRules';
import { describeStop, stopMessage, type StopReason } from '../../../src/engine/session/stopReason';
import { messageTemplates } from '../../../src/shared/messageTemplate';
import { OptimizationSession } from '../../../src/engine/session/optimizationSession';
import { compileLoss } from '../../../src/engine/compileLoss';
import { koreanStrings, panelLocale, panelStrings } from '../../../src/extension/panel/panelStrings';
import { stopText } from '../../../src/extension/stopText';
import { englishStrings, panelStringKeys } from '../../../src/shared/panelStrings';
import { doubleWell, quadratic } from '../session/sessionFixtures';
import { adapterMessages, engineMessages } from './sourceMessages';

const root = join(__dirname, '..', '..', '..');
const readJson = (path: string): Record<string, string> => JSON.parse(readFileSync(join(root, path), 'utf8'));

const nls = readJson('package.nls.json');
const nlsKo = readJson('package.nls.ko.json');
const bundle = readJson('l10n/bundle.l10n.json');
const bundleKo = readJson('l10n/bundle.l10n.ko.json');

// `vscode.l10n.t` as VS Code runs it: look the message up in the active bundle, then fill {0}, {1}, ...
const l10n = vi.hoisted(() => ({ bundle: undefined as Record<string, string> | undefined }));
vi.mock('vscode', () => ({
	l10n: {
		t: (message: string, ...args: unknown[]) =>
			(l10n.bundle?.[message] ?? message).replace(/\{(\d+)\}/g, (match, i: string) =>
				Number(i) < args.length ? String(args[Number(i)]) : match,
			),
	},
}));

/** Every `%key%` used as a string value anywhere in package.json. */
function manifestKeys(): Set<string> {
	const keys = new Set<string>();
	const visit = (value: unknown): void => {
		if (typeof value === 'string') {
			const match = /^%(.+)%$/.exec(value);
			if (match) keys.add(match[1]!);
		} else if (Array.isArray(value)) value.forEach(visit);
		else if (value && typeof value === 'object') Object.values(value).forEach(visit);
	};
	visit(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')));
	return keys;
}

function sourceFiles(dir: string): string[] {
	return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
		.filter((file) => file.endsWith('.ts'))
		.map((file) => join(dir, file));
}

/** The `vscode.l10n.t(...)` calls of src/extension: their literal messages, and calls whose message is not a literal. */
function l10nCalls(): { messages: Map<string, string>; nonLiteral: string[] } {
	const messages = new Map<string, string>();
	const nonLiteral: string[] = [];
	for (const file of sourceFiles('src/extension')) {
		const text = readFileSync(join(root, file), 'utf8');
		const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
		const visit = (node: ts.Node): void => {
			if (ts.isCallExpression(node) && node.expression.getText(source).replace(/\s/g, '') === 'vscode.l10n.t') {
				const first = node.arguments[0];
				const where = `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
				if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) messages.set(first.text, where);
				// localizeMessage.ts passes the engine's templates, which the tests below check instead.
				else if (!file.endsWith('localizeMessage.ts')) nonLiteral.push(where);
			}
			ts.forEachChild(node, visit);
		};
		visit(source);
	}
	return { messages, nonLiteral };
}

const placeholders = (text: string): string[] => [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();
const codeSpans = (text: string): string[] => (text.match(/`[^`]+`/g) ?? []).sort();
const commandLinks = (text: string): string[] => (text.match(/\]\((command:[^)]+)\)/g) ?? []).sort();

/** Translations that are empty or lost a placeholder, a code span or a command link of their English text. */
function brokenTranslations(english: Record<string, string>, translated: Record<string, string>): string[] {
	return Object.keys(english).filter((key) => {
		const en = english[key]!;
		const ko = translated[key];
		if (typeof ko !== 'string' || ko.trim() === '') return true;
		return (
			placeholders(ko).join() !== placeholders(en).join() ||
			codeSpans(ko).join() !== codeSpans(en).join() ||
			commandLinks(ko).join() !== commandLinks(en).join()
		);
	});
}

const hangul = /[\uac00-\ud7a3]/;

describe('package.json contributions', () => {
	it('declares the runtime bundle folder', () => {
		expect(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).l10n).toBe('./l10n');
	});

	it('has an English string for every %key%, and no English string that nothing uses', () => {
		const used = [...manifestKeys()].sort();
		expect(used.filter((key) => !(key in nls))).toEqual([]);
		expect(Object.keys(nls).filter((key) => !used.includes(key))).toEqual([]);
	});

	it('has a Korean string for every English one, and no others', () => {
		expect(Object.keys(nlsKo).sort()).toEqual(Object.keys(nls).sort());
	});

	it('keeps code spans and command links, and is written in Korean', () => {
		expect(brokenTranslations(nls, nlsKo)).toEqual([]);
		expect(nlsKo['command.step']).toBe('한 단계 진행');
		expect(nlsKo['command.setLearningRate']).toMatch(/^학습률 설정/);
	});
});

describe('runtime messages (vscode.l10n)', () => {
	const { messages, nonLiteral } = l10nCalls();

	it('calls vscode.l10n.t with a literal message, so the export finds it', () => {
		expect(nonLiteral).toEqual([]);
		expect(messages.size).toBeGreaterThan(50);
	});

	it('has every message of src/extension in l10n/bundle.l10n.json (run `npm run l10n:export` after adding one)', () => {
		expect([...messages.keys()].filter((message) => !(message in bundle))).toEqual([]);
	});

	it('has no message in the bundle that the sources no longer use', () => {
		expect(Object.keys(bundle).filter((message) => !messages.has(message))).toEqual([]);
	});

	it('has a Korean translation of every message, keeping its placeholders', () => {
		const beyondExport = new Set([...engineMessages().templates.keys(), ...adapterMessages().messages.keys()]);
		expect(Object.keys(bundleKo).filter((key) => !beyondExport.has(key)).sort()).toEqual(Object.keys(bundle).sort());
		expect(brokenTranslations(bundle, bundleKo)).toEqual([]);
	});
});

describe('engine and debug adapter messages (beyond the l10n export)', () => {
	const engine = engineMessages();
	const adapter = adapterMessages();
	const asTable = (keys: Iterable<string>): Record<string, string> => Object.fromEntries([...keys].map((key) => [key, key]));

	it('builds every engine error from msg`...`, so it can be translated', () => {
		expect(engine.plainStrings).toEqual([]);
		expect(engine.templates.size).toBeGreaterThan(300);
	});

	it('writes no literal {n} in a msg`...` template, where it would read as a placeholder', () => {
		expect(engine.lookalikes).toEqual([]);
	});

	it('calls the adapter translator with literal messages', () => {
		expect(adapter.nonLiteral).toEqual([]);
		expect([...adapter.messages.keys()]).toEqual(expect.arrayContaining(['Parameters', 'Gradient', 'Loss & step']));
	});

	it('has a Korean translation of every engine template and adapter message, keeping its placeholders', () => {
		const english = asTable([...engine.templates.keys(), ...adapter.messages.keys()]);
		expect(Object.keys(english).filter((key) => !(key in bundleKo)).map((key) => `${key} (${engine.templates.get(key) ?? adapter.messages.get(key)})`)).toEqual([]);
		expect(brokenTranslations(english, bundleKo)).toEqual([]);
		// Every template with words in it reads in Korean ("{0}: {1}" has none to translate).
		for (const key of Object.keys(english).filter((k) => /[a-z]{2}/i.test(k.replace(/\{\d+\}/g, '')))) {
			expect(bundleKo[key], key).toMatch(hangul);
		}
	});
});

describe('the panel table', () => {
	it('has exactly the protocol keys in Korean, none empty, placeholders kept', () => {
		expect(Object.keys(koreanStrings).sort()).toEqual([...panelStringKeys].sort());
		expect(brokenTranslations(englishStrings, koreanStrings)).toEqual([]);
	});

	it('is Korean for a Korean display language and English otherwise', () => {
		expect(panelLocale('ko')).toBe('ko');
		expect(panelLocale('ko-KR')).toBe('ko');
		expect(panelLocale('en')).toBe('en');
		expect(panelLocale('de')).toBe('en');
		expect(panelStrings('ko')['control.step']).toBe('한 단계');
		expect(panelStrings('en')).toBe(englishStrings);
		expect(panelStrings('zh-cn')).toBe(englishStrings);
	});
});

describe('Korean terminology', () => {
	// One word per idea across the manifest, the runtime bundle and the panel (the study note's terms).
	const preferred: readonly [RegExp, string][] = [
		[/국소/, '지역 (지역 최솟값)'],
		[/랜덤/, '무작위'],
		[/그래디언트|그라디언트/, '기울기'],
		[/러닝 ?레이트/, '학습률'],
		[/로스(?!팅)/, '손실'],
		[/(?<!하이퍼)파라미터/, '매개변수'],
		[/스텝/, '단계'],
	];
	const tables = { 'package.nls.ko.json': nlsKo, 'l10n/bundle.l10n.ko.json': bundleKo, koreanStrings } as const;

	it('uses the same Korean word for the same idea everywhere', () => {
		const found: string[] = [];
		for (const [name, table] of Object.entries(tables))
			for (const [key, text] of Object.entries(table as Record<string, string>))
				for (const [pattern, use] of preferred) if (pattern.test(text)) found.push(`${name} ${key}: "${text}" (use ${use})`);
		expect(found).toEqual([]);
	});
});

describe('stop reasons in the display language', () => {
	const rules = { gradientTolerance: 1e-6, lossTolerance: 1e-12, divergenceSteps: 3 };
	const outcome = { step: 7, loss: 1, previousLoss: 1, gradientNorm: 1, stepLength: 1, pointNorm: 1, growthRun: 0, lossBeforeGrowth: 1, startLoss: 1 };
	const diverging = new OptimizationSession(doubleWell(), { optimizerOptions: { lr: 1.5 } }).continue(1000).reason;
	// λ_max = 8, so 2/λ_max = 0.25 < η = 0.3: the divergence carries the curvature note.
	const steep = compileLoss('f(x, y) = 0.5 (8 x^2 + 0.5 y^2)', { language: 'math' });
	const aboveStability = new OptimizationSession(steep, { optimizer: 'sgd', optimizerOptions: { lr: 0.3 } }, [1, 1]).continue(500).reason;
	const reasons: StopReason[] = [
		{ kind: 'entry' },
		{ kind: 'step' },
		{ kind: 'steps', limit: 10000 },
		{ kind: 'breakpoint', ids: [1], condition: 'loss < 0.1' },
		{ kind: 'paused' },
		{ kind: 'historyStart' },
		stopAt(rules, { ...outcome, loss: Number.POSITIVE_INFINITY })!,
		stopAt(rules, { ...outcome, gradientNorm: Number.NaN })!,
		stopAt(rules, { ...outcome, loss: 9e7, growthRun: 3, lossBeforeGrowth: 2 })!,
		stopAt(rules, { ...outcome, pointNorm: Number.POSITIVE_INFINITY })!,
		stopAt(rules, { ...outcome, gradientNorm: 1e-9 })!,
		stopAt({ ...rules, lossTolerance: 1e-3 }, { ...outcome, stepLength: 1e-9 })!,
		diverging,
		new OptimizationSession(quadratic(), { optimizerOptions: { lr: 0.1 } }).continue(10000).reason,
		aboveStability,
		{ kind: 'historyFull', records: 2_000_000, megabytes: 256 },
	];

	it('covers every kind of stop the engine reports, with a suggested learning rate and a curvature note among them', () => {
		expect(reasons.every((reason) => reason !== undefined)).toBe(true);
		expect(aboveStability.kind === 'diverged' && aboveStability.aboveStability).toEqual({ learningRate: 0.3, threshold: 0.25 });
		expect(diverging.kind === 'diverged' && diverging.suggestedLearningRate !== undefined).toBe(true);
	});

	it('reads exactly as the engine writes it in English', () => {
		l10n.bundle = undefined;
		for (const reason of reasons) expect(stopText(reason)).toBe(describeStop(reason));
	});

	it('is translated in Korean, numbers and all', () => {
		l10n.bundle = bundleKo;
		try {
			for (const reason of reasons) {
				const text = stopText(reason);
				expect(text, describeStop(reason)).toMatch(hangul);
				expect(text).not.toMatch(/Diverged|Converged|Try a learning rate|Stopped|Paused/);
				for (const number of describeStop(reason).match(/\d+(\.\d+)?(e-?\d+)?/g) ?? []) expect(text).toContain(number);
			}
			expect(stopText({ kind: 'paused' })).toBe('일시 중지됨');
		} finally {
			l10n.bundle = undefined;
		}
	});

	it('travels as templates with arguments, each with a Korean translation', () => {
		for (const reason of reasons) {
			for (const template of messageTemplates(stopMessage(reason))) expect(Object.hasOwn(bundleKo, template), template).toBe(true);
		}
	});
});
