/**
 * Colours for what the panel paints itself (canvases and Chart.js cannot read CSS variables): read from VS Code's
 * theme variables on the document, and read again when VS Code switches theme (it rewrites the body class and the
 * variables on <html>). Everything styled by CSS uses the variables directly in media/panel.css.
 */

export interface Theme {
	readonly foreground: string;
	readonly muted: string;
	readonly background: string;
	readonly gridLine: string;
	readonly focus: string;
	readonly red: string;
	readonly blue: string;
	readonly yellow: string;
	readonly orange: string;
	readonly green: string;
	readonly purple: string;
	readonly font: string;
	readonly fontSize: number;
	readonly kind: 'light' | 'dark' | 'highContrast' | 'highContrastLight';
}

/** The current theme from the CSS variables, with VS Code's Dark Modern values as fallbacks. */
export function readTheme(): Theme {
	const style = getComputedStyle(document.documentElement);
	const bodyStyle = getComputedStyle(document.body);
	const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || bodyStyle.getPropertyValue(name).trim() || fallback;
	const foreground = v('--vscode-foreground', '#cccccc');
	return {
		foreground,
		muted: v('--vscode-descriptionForeground', foreground),
		background: v('--vscode-editor-background', '#1f1f1f'),
		gridLine: v('--vscode-charts-lines', 'rgba(128, 128, 128, 0.5)'),
		focus: v('--vscode-focusBorder', '#0078d4'),
		red: v('--vscode-charts-red', '#f14c4c'),
		blue: v('--vscode-charts-blue', '#3794ff'),
		yellow: v('--vscode-charts-yellow', '#cca700'),
		orange: v('--vscode-charts-orange', '#d18616'),
		green: v('--vscode-charts-green', '#89d185'),
		purple: v('--vscode-charts-purple', '#b180d7'),
		font: v('--vscode-font-family', 'system-ui, sans-serif'),
		fontSize: parseFloat(v('--vscode-font-size', '13')) || 13,
		kind: themeKind(document.body.classList),
	};
}

function themeKind(classes: DOMTokenList): Theme['kind'] {
	if (classes.contains('vscode-high-contrast-light')) return 'highContrastLight';
	if (classes.contains('vscode-high-contrast')) return 'highContrast';
	return classes.contains('vscode-light') ? 'light' : 'dark';
}

/** Calls `onChange` after VS Code changes the theme. */
export function watchTheme(onChange: () => void): void {
	const observer = new MutationObserver(() => onChange());
	observer.observe(document.body, { attributes: true, attributeFilter: ['class'] });
	observer.observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'class'] });
}
