/**
 * The panel's HTML: an empty `#app` the webview bundle fills, locked down with a content security policy that
 * allows only the extension's own stylesheet, fonts, images and the one script carrying a fresh nonce. After
 * webview-sample's `_getHtmlForWebview` and `getNonce`.
 */
import * as vscode from 'vscode';

/** 32 random letters and digits for the script's nonce (a fresh one per page load). */
export function getNonce(): string {
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
	const bytes = crypto.getRandomValues(new Uint8Array(32));
	return Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join('');
}

/** The folders the webview may load from: the bundle and the stylesheet, nothing else. */
export function localResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
	return [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')];
}

/** The page for `webview`, in the panel's language `locale` (`panelLocale`: the language its strings are in). */
export function panelHtml(webview: vscode.Webview, extensionUri: vscode.Uri, locale: string): string {
	const nonce = getNonce();
	const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview.js'));
	const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'panel.css'));
	const source = webview.cspSource;
	const csp = [
		`default-src 'none'`,
		`img-src ${source} data:`,
		`style-src ${source}`,
		`font-src ${source}`,
		`script-src 'nonce-${nonce}'`,
	].join('; ');
	return `<!DOCTYPE html>
<html lang="${escapeAttribute(locale)}">
<head>
	<meta charset="UTF-8">
	<meta http-equiv="Content-Security-Policy" content="${csp}">
	<meta name="viewport" content="width=device-width, initial-scale=1.0">
	<link href="${style.toString()}" rel="stylesheet">
	<title>Downhill</title>
</head>
<body data-locale="${escapeAttribute(locale)}">
	<div id="app"></div>
	<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
}

function escapeAttribute(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
