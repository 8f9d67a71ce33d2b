/**
 * The registry of language front ends, by language id. `compileLoss.ts` and `findLosses` look languages up here.
 */
import type { FrontEnd, LanguageId } from './frontEnd';

export const frontEnds: Partial<Record<LanguageId, FrontEnd>> = {
};
