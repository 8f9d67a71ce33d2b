/**
 * The report's stylesheet, inlined in its `<style>`: a readable single column, system fonts, light by default and
 * dark under `prefers-color-scheme: dark` (the inline SVGs carry their own dark overrides by class).
 */
export const reportStyle = `
:root { --fg: #1f2328; --muted: #59636e; --bg: #ffffff; --panel: #f6f8fa; --line: #d1d9e0; --accent: #0066b8; --current: #fff4e5; }
@media (prefers-color-scheme: dark) {
	:root { --fg: #d4d4d4; --muted: #9da5b0; --bg: #181818; --panel: #1e1e1e; --line: #3c3c3c; --accent: #4fc1ff; --current: #3a2a1a; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
main { max-width: 920px; margin: 0 auto; padding: 32px 24px 48px; }
h1 { font-size: 28px; margin: 0 0 4px; font-family: ui-monospace, "SF Mono", Menlo, Consolas, monospace; overflow-wrap: anywhere; }
h2 { font-size: 18px; margin: 36px 0 12px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
.kicker { margin: 0; color: var(--accent); font-weight: 600; text-transform: uppercase; letter-spacing: 0.06em; font-size: 12px; }
.note { color: var(--muted); margin: 0 0 8px; font-size: 13px; overflow-wrap: anywhere; }
.summary { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 12px; margin: 24px 0 0; }
.summary div { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; }
.summary dt { color: var(--muted); font-size: 12px; }
.summary dd { margin: 2px 0 0; font-family: ui-monospace, "SF Mono", Menlo, Consolas, monospace; font-size: 14px; overflow-wrap: anywhere; }
figure { margin: 0 0 16px; }
pre.call { white-space: pre-wrap; overflow-wrap: anywhere; }
figure svg { display: block; width: 100%; height: auto; border: 1px solid var(--line); border-radius: 6px; }
pre { tab-size: 4; background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 12px 14px; overflow-x: auto; font-size: 13px; line-height: 1.45; }
code, td { font-family: ui-monospace, "SF Mono", Menlo, Consolas, monospace; }
table { border-collapse: collapse; font-size: 13px; width: 100%; }
th, td { text-align: left; padding: 4px 10px; border-bottom: 1px solid var(--line); }
.records td, .records th { text-align: right; }
.records td:first-child, .records th:first-child { text-align: left; }
.settings th { width: 35%; font-weight: 500; color: var(--muted); }
tr.current td { background: var(--current); }
tr.gap td { text-align: center; color: var(--muted); }
footer { margin-top: 40px; color: var(--muted); font-size: 12px; }
`;
