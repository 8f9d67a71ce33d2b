// The front ends under differential test, each with its generator, renderer and oracle.
import { generateJavaScript } from './generateJavaScript';
import { generateMath } from './generateMath';
import { generatePython } from './generatePython';
import { renderJavaScript } from './renderJavaScript';
import { renderLatex, renderMarkdown } from './renderLatex';
import { renderMath, renderMathAsPython } from './renderMath';
import { renderPython } from './renderPython';
import type { Subject } from './runDifferential';

export const pythonSubject: Subject = {
	name: 'python',
	language: 'python',
	oracle: 'python',
	lossName: 'loss',
	generate: generatePython,
	render: renderPython,
	oracleSource: renderPython,
};

export const javaScriptSubject: Subject = {
	name: 'javascript',
	language: 'javascript',
	oracle: 'javascript',
	lossName: 'loss',
	generate: generateJavaScript,
	render: (m) => renderJavaScript(m, false),
	oracleSource: (m) => renderJavaScript(m, false),
};

export const typeScriptSubject: Subject = {
	name: 'typescript',
	language: 'typescript',
	oracle: 'typescript',
	lossName: 'loss',
	generate: (seed) => generateJavaScript(seed + 0x10000),
	render: (m) => renderJavaScript(m, true),
	oracleSource: (m) => renderJavaScript(m, true),
};

export const mathSubject: Subject = {
	name: 'math',
	language: 'math',
	oracle: 'python',
	lossName: 'f',
	generate: generateMath,
	render: renderMath,
	oracleSource: renderMathAsPython,
};

export const latexSubject: Subject = {
	name: 'latex',
	language: 'latex',
	oracle: 'python',
	lossName: 'f',
	generate: (seed) => generateMath(seed + 0x20000),
	render: renderLatex,
	oracleSource: renderMathAsPython,
};

export const markdownSubject: Subject = {
	name: 'markdown',
	language: 'markdown',
	oracle: 'python',
	lossName: 'f',
	generate: (seed) => generateMath(seed + 0x30000),
	render: renderMarkdown,
	oracleSource: renderMathAsPython,
};

export const subjects: readonly Subject[] = [pythonSubject, javaScriptSubject, typeScriptSubject, mathSubject, latexSubject, markdownSubject];
