// What the bench's bundle gets for `vscode` (esbuild alias in bench/run.mjs): only `l10n.t`, in English, which the
// panel's update messages use to word stop reasons. The bench runs in plain Node, outside VS Code.
export const l10n = {
	t: (message: string, ...args: unknown[]): string => message.replace(/\{(\d+)\}/g, (match, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : match)),
};
