// A small well-formedness check for the exported markup (node has no DOMParser): every tag closes in order, void
// HTML elements stand alone, `<style>` content is raw text, and every `&` starts a character reference.

const voidElements = new Set(['meta', 'link', 'br', 'hr', 'img', 'input', 'col', 'source', 'wbr']);
const namedReferences = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

/** The problems found in `markup` (empty when well-formed); `html` allows void elements and a doctype. */
export function wellFormedProblems(markup: string, html = false): string[] {
	const problems: string[] = [];
	const open: string[] = [];
	let i = 0;
	while (i < markup.length) {
		const c = markup[i]!;
		if (c === '&') {
			const end = markup.indexOf(';', i);
			const name = end < 0 ? '' : markup.slice(i + 1, end);
			const numeric = name.startsWith('#') && name.length > 1 && [...name.slice(1)].every((d) => d >= '0' && d <= '9');
			if (!numeric && !namedReferences.has(name)) problems.push(`bare & at ${i}`);
			i++;
			continue;
		}
		if (c !== '<') {
			i++;
			continue;
		}
		const close = markup.indexOf('>', i);
		if (close < 0) return [...problems, `unclosed < at ${i}`];
		const tag = markup.slice(i + 1, close);
		i = close + 1;
		if (tag.startsWith('!')) {
			if (!html) problems.push(`<!${tag}> in SVG`);
			continue;
		}
		if (tag.startsWith('/')) {
			const name = tag.slice(1).trim();
			const top = open.pop();
			if (top !== name) problems.push(`</${name}> closes <${top ?? 'nothing'}>`);
			continue;
		}
		if (tag.includes('<')) problems.push(`< inside a tag at ${i}`);
		const name = tag.split(/[\s/]/, 1)[0]!;
		if (tag.endsWith('/') || (html && voidElements.has(name))) continue;
		open.push(name);
		if (name === 'style') {
			const end = markup.indexOf('</style>', i);
			if (end < 0) return [...problems, 'unclosed <style>'];
			if (markup.slice(i, end).includes('<')) problems.push('< inside <style>');
			i = end;
		}
	}
	if (open.length > 0) problems.push(`unclosed: ${open.join(' ')}`);
	return problems;
}

/** How many `<name` elements `markup` holds. */
export function countElements(markup: string, name: string): number {
	return markup.split(`<${name} `).length - 1 + markup.split(`<${name}>`).length - 1;
}
