// Engine messages as templates: msg`...` records the English template and its arguments, formats the English text at
// once (what Error.message, the CLI and the English tests read), and translates through any lookup, nested phrases
// first. The last block runs real engine errors through the Korean bundle the way localizeMessage.ts does.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileLoss } from '../../../src/engine/compileLoss';
import { isLossSyntaxError, LossSyntaxError, pointSpan } from '../../../src/engine/errors';
import type { LanguageId } from '../../../src/engine/language/frontEnd';
import { fillTemplate, formatMessage, messageTemplates, msg, verbatim, type Message, type TemplateTranslator } from '../../../src/engine/message';
import { root } from './sourceMessages';

const bundleKo = JSON.parse(readFileSync(join(root, 'l10n/bundle.l10n.ko.json'), 'utf8')) as Record<string, string>;

/** `vscode.l10n.t` over a bundle: the entry for the template (or the template), filled. */
const lookup = (bundle: Record<string, string>): TemplateTranslator => (template, args) => fillTemplate(bundle[template] ?? template, args);

describe('msg', () => {
	it('keeps the template with numbered placeholders and the arguments', () => {
		const name = 'xs';
		const message = msg`index ${3} is out of range for '${name}' (length ${2})`;
		expect(message.template).toBe("index {0} is out of range for '{1}' (length {2})");
		expect(message.args).toEqual([3, 'xs', 2]);
		expect(formatMessage(message)).toBe("index 3 is out of range for 'xs' (length 2)");
	});

	it('cooks escapes the way a template literal does', () => {
		expect(msg`a lone '\\'`.template).toBe("a lone '\\'");
		expect(msg`no arguments`).toEqual({ template: 'no arguments', args: [] });
	});

	it('formats nested messages, and translates them before the outer one', () => {
		const inner: Message = msg`an array of ${3}`;
		const outer = msg`${"'w'"} is ${inner}, not a function`;
		expect(formatMessage(outer)).toBe("'w' is an array of 3, not a function");
		expect(messageTemplates(outer)).toEqual(['{0} is {1}, not a function', 'an array of {0}']);
		const bundle = { '{0} is {1}, not a function': '{0}은(는) {1}이며 함수가 아닙니다', 'an array of {0}': '요소 {0}개짜리 배열' };
		expect(formatMessage(outer, lookup(bundle))).toBe("'w'은(는) 요소 3개짜리 배열이며 함수가 아닙니다");
	});

	it('fills argument text once: a name that looks like a placeholder stays as written', () => {
		expect(formatMessage(msg`unknown name '${'{1}'}' near ${'x'}`)).toBe("unknown name '{1}' near x");
	});

	it('leaves a placeholder without an argument alone, as vscode.l10n.t does', () => {
		expect(fillTemplate('like \\sum_{i=1}^{10}', [])).toBe('like \\sum_{i=1}^{10}');
	});

	it('shows verbatim text as written in every language', () => {
		const message = verbatim('Unexpected token');
		expect(formatMessage(message, () => '번역')).toBe('Unexpected token');
		expect(messageTemplates(message)).toEqual([]);
	});
});

describe('LossSyntaxError', () => {
	it('has the English text as its message and keeps the template as its detail', () => {
		const error = new LossSyntaxError(msg`'${'y'}' is not declared`, pointSpan(2, 5));
		expect(error.message).toBe("'y' is not declared");
		expect(error.detail.template).toBe("'{0}' is not declared");
		expect(isLossSyntaxError(error)).toBe(true);
	});
});

describe('real engine errors in Korean', () => {
	const korean = lookup(bundleKo);
	const errorOf = (source: string, language: LanguageId): LossSyntaxError => {
		try {
			compileLoss(source, { language });
		} catch (error) {
			if (isLossSyntaxError(error)) return error;
			throw error;
		}
		throw new Error('compiled');
	};

	it.each([
		['function loss(x = 1) { return x + y; }', 'javascript', "알 수 없는 이름 'y'"],
		['function loss(x = 1) { while (x > 0) x -= 1; return x; }', 'javascript', 'while 반복문은 지원하지 않습니다. 경계가 고정된 for 반복문을 사용하세요'],
		['def loss(w=1.0):\n    return {"a": w}\n', 'python', '손실 함수에서는 딕셔너리를 지원하지 않습니다'],
		['def loss(w=1.0):\n    return math.sin(w)\n', 'python', "알 수 없는 이름 'math': 파일 맨 위에 'import math'를 추가하세요"],
		['f(x) = \\nabla x', 'math', '\\nabla을(를) 사용했습니다: 손실 함수가 아니라 갱신 규칙입니다'],
		['f(x) = sin(x, x)', 'math', 'sin은(는) 인수를 1개 받지만 2개가 주어졌습니다'],
		['function loss(x = 1) { return (x + 1; }', 'javascript', '예상하지 못한 토큰: ","이(가) 필요합니다'],
	] as const)('%s', (source, language, expected) => {
		const error = errorOf(source, language);
		expect(formatMessage(error.detail, korean)).toBe(expected);
		expect(formatMessage(error.detail)).toBe(error.message);
	});

	it('translates the phrases nested in a message too', () => {
		const error = errorOf('function loss(x = 1) { const f = (a) => a; return f + 1; }', 'javascript');
		const text = formatMessage(error.detail, korean);
		expect(text).toMatch(/[\uac00-\ud7a3]/);
		expect(text).not.toMatch(/\b(is|a|the|function)\b/);
	});
});
