/**
 * `url` for the browser bundle (esbuild.mjs aliases the module to this file): @vscode/debugadapter imports `URL`
 * from it, which every browser and web worker has as a global.
 */
export const URL = globalThis.URL;
