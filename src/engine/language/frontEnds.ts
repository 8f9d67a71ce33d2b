/**
 * The registry of language front ends, by language id. `compileLoss.ts` and `findLosses` look languages up here.
 */
import type { FrontEnd, LanguageId } from './frontEnd';
import { javaScriptFrontEnd, typeScriptFrontEnd } from './javascript/javaScriptFrontEnd';
import { markdownFrontEnd } from './math/markdownFrontEnd';
import { latexFrontEnd, mathFrontEnd } from './math/mathFrontEnd';
import { pythonFrontEnd } from './python/pythonFrontEnd';

export const frontEnds: Partial<Record<LanguageId, FrontEnd>> = {
	math: mathFrontEnd,
	latex: latexFrontEnd,
	markdown: markdownFrontEnd,
	javascript: javaScriptFrontEnd,
	typescript: typeScriptFrontEnd,
	python: pythonFrontEnd,
};
