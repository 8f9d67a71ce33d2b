/**
 * What every part of the panel gets from `main.ts`: the model to read, a way to post intents to the host, the
 * strings and theme of the moment, persisted view state, and a way to ask for a redraw on the next frame.
 */
import type { FromWebviewMessage, PanelViewState } from '../shared/messages';
import type { PanelModel } from './panelModel';
import type { Strings } from './strings';
import type { Theme } from './theme';

export interface ViewContext {
	readonly model: PanelModel;
	post(message: FromWebviewMessage): void;
	strings(): Strings;
	theme(): Theme;
	viewState(): PanelViewState;
	saveViewState(patch: PanelViewState): void;
	requestDraw(): void;
}
