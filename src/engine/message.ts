/**
 * The engine's user-facing sentences as templates with arguments. The code lives in `src/shared/messageTemplate.ts`
 * (the host, the worker and the panel read the same form); the engine's modules import it from here.
 */
export * from '../shared/messageTemplate';
