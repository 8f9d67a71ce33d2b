// The bench's web server: a page shaped like the one the extension host builds (same CSP, nonce on the scripts,
// <div id="app">, body data-locale), with the theme's CSS variables from a stylesheet and the fake host loaded
// before dist/webview.js.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { themes } from './themes.mjs';

const types = { '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json', '.html': 'text/html' };

/** Starts the server on 127.0.0.1 (a free port); resolves with its base URL and a close function. */
export async function startBenchServer(root) {
	const files = { '/dist/webview.js': 'dist/webview.js', '/dist/webview.js.map': 'dist/webview.js.map', '/media/panel.css': 'media/panel.css', '/bench/fakeHost.js': 'bench/webview/fakeHost.js' };
	const server = createServer(async (req, res) => {
		const url = new URL(req.url, 'http://localhost');
		try {
			if (url.pathname === '/') return send(res, '.html', page(url.searchParams));
			if (url.pathname === '/bench/theme.css') return send(res, '.css', themeCss(url.searchParams.get('theme') || 'dark'));
			const file = files[url.pathname];
			if (!file) return send(res, '.html', 'not found', 404);
			send(res, file.slice(file.lastIndexOf('.')), await readFile(join(root, file)));
		} catch (error) {
			send(res, '.html', String(error), 500);
		}
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { base: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

function send(res, ext, body, status = 200) {
	res.writeHead(status, { 'content-type': types[ext] ?? 'application/octet-stream', 'cache-control': 'no-store' });
	res.end(body);
}

function themeCss(name) {
	const vars = Object.entries((themes[name] ?? themes.dark).vars).map(([k, v]) => `\t${k}: ${v};`).join('\n');
	return `:root {\n${vars}\n}\n`;
}

function page(params) {
	const nonce = randomBytes(16).toString('base64');
	const theme = themes[params.get('theme')] ? params.get('theme') : 'dark';
	const attr = (name, value) => (value ? ` ${name}="${value.replace(/[^\w.-]/g, '')}"` : '');
	const csp = `default-src 'none'; img-src 'self' data:; style-src 'self'; script-src 'nonce-${nonce}'; font-src 'self'`;
	return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="/bench/theme.css?theme=${theme}">
<link rel="stylesheet" href="/media/panel.css">
<link rel="icon" href="data:,">
<title>Downhill</title>
</head>
<body class="${themes[theme].bodyClass}" data-locale="en"${attr('data-scenario', params.get('scenario'))}${attr('data-preload', params.get('preload'))}${attr('data-slow-map', params.get('slowMap'))}${params.get('bench') ? ' data-bench' : ''}>
<div id="app"></div>
<script nonce="${nonce}" src="/bench/fakeHost.js"></script>
<script nonce="${nonce}" src="/dist/webview.js"></script>
</body>
</html>`;
}
