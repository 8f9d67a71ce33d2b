/**
 * The Debug Adapter Protocol capabilities the Downhill adapter declares: only the ones it implements, each with the
 * reason it exists (STYLE.md guideline 8, after mock-debug's `initializeRequest`). Anything not listed here is
 * absent on purpose, so VS Code hides the matching UI.
 */
import type { DebugProtocol } from '@vscode/debugprotocol';

export const downhillCapabilities: DebugProtocol.Capabilities = {
	// launch waits for the breakpoints VS Code sends between `initialized` and `configurationDone`.
	supportsConfigurationDoneRequest: true,
	// History makes every step reversible: VS Code shows Step Back and Reverse Continue.
	supportsStepBack: true,
	// `loss < 0.01`, `gradNorm < 1e-3 && step > 10`: conditions in the engine's expression language.
	supportsConditionalBreakpoints: true,
	// `5`, `>= 5`, `% 10`: which hits of a breakpoint stop.
	supportsHitConditionalBreakpoints: true,
	// `step {step}: loss = {loss}` prints to the Debug Console during continue without stopping.
	supportsLogPoints: true,
	// Hovering a parameter or a local shows its value at the current point.
	supportsEvaluateForHovers: true,
	// Edit a parameter, the learning rate or another hyper-parameter; it applies from the next update.
	supportsSetVariable: true,
	// Restart goes back to the start point with the same settings, without a new session.
	supportsRestartRequest: true,
	// Copy Value asks again with context 'clipboard' and gets every digit; the views show 6 significant digits.
	supportsClipboardContext: true,
};
