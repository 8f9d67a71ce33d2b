/**
 * The panel's debugger keys: Space or → = step, Shift+→ = ×10, Enter = continue/pause, ← = step back, R = restart.
 * Keys typed into a field, a menu or a slider belong to that control, and Space/Enter on a button or checkbox
 * activate it as usual, so shortcuts never fight native keyboard behaviour.
 */
import type { SessionCommand } from '../shared/messages';

export type ShortcutCommand = SessionCommand | 'toggle';

/** What has focus, as far as shortcuts care: a control that uses the keys itself, a button-like control, or neither. */
export type FocusKind = 'ownsKeys' | 'activates' | 'other';

/** The command for a key press with focus on a `focus` control, or undefined when the key is not a shortcut there. */
export function shortcutFor(event: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'altKey' | 'ctrlKey' | 'metaKey'>, focus: FocusKind): ShortcutCommand | undefined {
	if (event.altKey || event.ctrlKey || event.metaKey || focus === 'ownsKeys') return undefined;
	switch (event.key) {
		case ' ':
		case 'Spacebar':
			return focus === 'activates' ? undefined : 'step';
		case 'ArrowRight':
			return event.shiftKey ? 'stepMany' : 'step';
		case 'Enter':
			return focus === 'activates' ? undefined : 'toggle';
		case 'ArrowLeft':
			return event.shiftKey ? undefined : 'stepBack';
		case 'r':
		case 'R':
			return 'restart';
		default:
			return undefined;
	}
}

export function installShortcuts(run: (command: ShortcutCommand) => void): void {
	document.addEventListener('keydown', (event) => {
		if (event.defaultPrevented) return;
		const command = shortcutFor(event, focusKind(event.target));
		// Holding a step key repeats it; holding Enter or R must not toggle or restart over and over.
		if (!command || (event.repeat && (command === 'toggle' || command === 'restart'))) return;
		event.preventDefault();
		run(command);
	});
}

/** Text fields, menus and sliders use the keys themselves; buttons and checkboxes take Space and Enter. */
function focusKind(target: EventTarget | null): FocusKind {
	if (!(target instanceof HTMLElement)) return 'other';
	if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return 'ownsKeys';
	if (target instanceof HTMLInputElement) return target.type === 'checkbox' || target.type === 'button' ? 'activates' : 'ownsKeys';
	return target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement ? 'activates' : 'other';
}
