/**
 * Pointer input on a plot canvas: wheel zooms about the cursor, a drag pans, a click (pointer released within a few
 * pixels of where it went down) picks a point. Reports positions in CSS pixels relative to the canvas; the view
 * decides what they mean.
 */

export interface MapGestures {
	zoom(px: number, py: number, factor: number): void;
	pan(dxPx: number, dyPx: number): void;
	/** The drag ended (a good moment to ask for a new grid). */
	panEnd(): void;
	click(px: number, py: number): void;
}

/** Pixels a pointer may move and still count as a click. */
const clickSlop = 4;

export function attachMapGestures(canvas: HTMLCanvasElement, gestures: MapGestures): void {
	canvas.addEventListener('wheel', (event) => {
		event.preventDefault();
		const unit = event.deltaMode === WheelEvent.DOM_DELTA_LINE ? 16 : event.deltaMode === WheelEvent.DOM_DELTA_PAGE ? 400 : 1;
		const factor = Math.exp(Math.max(-3, Math.min(3, event.deltaY * unit * 0.0015)));
		const [px, py] = local(canvas, event);
		gestures.zoom(px, py, factor);
	}, { passive: false });

	let drag: { id: number; startX: number; startY: number; lastX: number; lastY: number; moved: boolean } | undefined;
	canvas.addEventListener('pointerdown', (event) => {
		if (event.button !== 0) return;
		const [px, py] = local(canvas, event);
		drag = { id: event.pointerId, startX: px, startY: py, lastX: px, lastY: py, moved: false };
		canvas.setPointerCapture(event.pointerId);
	});
	canvas.addEventListener('pointermove', (event) => {
		if (!drag || event.pointerId !== drag.id) return;
		const [px, py] = local(canvas, event);
		if (!drag.moved && Math.hypot(px - drag.startX, py - drag.startY) > clickSlop) {
			drag.moved = true;
			canvas.classList.add('dragging');
		}
		if (drag.moved) gestures.pan(px - drag.lastX, py - drag.lastY);
		drag.lastX = px;
		drag.lastY = py;
	});
	const finish = (event: PointerEvent, cancelled: boolean) => {
		if (!drag || event.pointerId !== drag.id) return;
		const { moved, startX, startY } = drag;
		drag = undefined;
		canvas.classList.remove('dragging');
		if (moved) gestures.panEnd();
		else if (!cancelled) gestures.click(startX, startY);
	};
	canvas.addEventListener('pointerup', (event) => finish(event, false));
	canvas.addEventListener('pointercancel', (event) => finish(event, true));
}

function local(canvas: HTMLCanvasElement, event: MouseEvent): [number, number] {
	const box = canvas.getBoundingClientRect();
	return [event.clientX - box.left, event.clientY - box.top];
}
