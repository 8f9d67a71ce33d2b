/**
 * The browser entry (`package.json` "browser", `dist/web/extension.js`): the same extension, run by VS Code's web
 * worker extension host (vscode.dev, github.dev, code-server for extensions without "main"). Everything it imports
 * is free of Node APIs: the engine never has any; the debugger's paths go through ./debug/pathText; the inline debug
 * adapter (@vscode/debugadapter, its "browser" field stubs the Node-only logger and stdio runner) gets the `events`
 * package and ./url for the two Node modules it still names (esbuild.mjs aliases them). The standalone adapter
 * (debug/debugAdapterMain.ts) is Node-only and not part of this bundle. After mock-debug's web-extension.ts.
 */
export { activate, deactivate, type DownhillApi } from '../extension';
