/**
 * A small element builder. Text goes in through `textContent` only: nothing the host or the user wrote is ever
 * parsed as HTML (the panel has no innerHTML anywhere).
 */

export interface ElementOptions {
	readonly className?: string;
	readonly text?: string;
	readonly attrs?: Readonly<Record<string, string>>;
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, options: ElementOptions = {}, children: readonly Node[] = []): HTMLElementTagNameMap[K] {
	const element = document.createElement(tag);
	if (options.className) element.className = options.className;
	if (options.text !== undefined) element.textContent = options.text;
	for (const [name, value] of Object.entries(options.attrs ?? {})) element.setAttribute(name, value);
	for (const child of children) element.append(child);
	return element;
}

/** Sets `textContent` only when it changed (cheap to call every frame). */
export function setText(element: Element, text: string): void {
	if (element.textContent !== text) element.textContent = text;
}

/** Sets an attribute only when it changed. */
export function setAttr(element: Element, name: string, value: string): void {
	if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}

let idCounter = 0;

/** A document-unique id for label/aria wiring. */
export function uniqueId(prefix: string): string {
	return `${prefix}-${++idCounter}`;
}

/** Marks a toolbar button that needs two parameter axes (hidden while the map is a principal-directions slice). */
export const needsAxes = 'data-needs-axes';
