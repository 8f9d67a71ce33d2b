/**
 * What every part of the panel gets from `main.ts`: the model to read, a way to post intents to the host and to ask
 * it for data, the strings and theme of the moment, persisted view state, and a way to ask for a redraw on the next
 * frame.
 */
import type { ReplyOf } from '../shared/envelope';
import type { PendingRequest } from '../shared/endpoint';
import type { PanelContract, PanelNotice, PanelRequest, PanelViewState } from '../shared/messages';
import type { PanelModel } from './panelModel';
import type { Strings } from './strings';
import type { Theme } from './theme';

export interface ViewContext {
	readonly model: PanelModel;
	/** Posts a notice to the host. */
	post(message: PanelNotice): void;
	/** Asks the host; each reply goes to `onReply` (`final` for the last). An error reply is shown in the panel. */
	request<R extends PanelRequest>(body: R, onReply: (reply: ReplyOf<PanelContract, R>, final: boolean) => void): PendingRequest<ReplyOf<PanelContract, R>>;
	strings(): Strings;
	theme(): Theme;
	viewState(): PanelViewState;
	saveViewState(patch: PanelViewState): void;
	requestDraw(): void;
}
