/**
 * A canvas that fills its container, sized in device pixels (sharp on high-DPI screens) and kept in step with the
 * panel by a ResizeObserver and a device-pixel-ratio media query. Drawing code works in CSS pixels: `begin()`
 * returns the context with the ratio already applied.
 */

export class CanvasSurface {
	readonly canvas: HTMLCanvasElement;
	readonly context: CanvasRenderingContext2D;
	private widthValue = 0;
	private heightValue = 0;
	private ratioValue = 1;
	private readonly observer: ResizeObserver;

	constructor(readonly container: HTMLElement, private readonly onResize: () => void) {
		this.canvas = document.createElement('canvas');
		this.canvas.setAttribute('role', 'img');
		container.append(this.canvas);
		const context = this.canvas.getContext('2d');
		if (!context) throw new Error('2-D canvas is not available');
		this.context = context;
		// The observer also reports the first layout, so sizing waits until the container is in the document.
		this.observer = new ResizeObserver(() => this.measure());
		this.observer.observe(container);
		this.watchPixelRatio();
	}

	/** Size in CSS pixels. */
	get width(): number {
		return this.widthValue;
	}

	get height(): number {
		return this.heightValue;
	}

	get pixelRatio(): number {
		return this.ratioValue;
	}

	dispose(): void {
		this.observer.disconnect();
	}

	/** The context scaled to CSS pixels and cleared. */
	begin(): CanvasRenderingContext2D {
		const ctx = this.context;
		ctx.setTransform(this.ratioValue, 0, 0, this.ratioValue, 0, 0);
		ctx.clearRect(0, 0, this.widthValue, this.heightValue);
		return ctx;
	}

	private measure(): void {
		const box = this.container.getBoundingClientRect();
		const ratio = window.devicePixelRatio || 1;
		const width = Math.max(1, Math.floor(box.width));
		const height = Math.max(1, Math.floor(box.height));
		if (width === this.widthValue && height === this.heightValue && ratio === this.ratioValue) return;
		this.widthValue = width;
		this.heightValue = height;
		this.ratioValue = ratio;
		this.canvas.width = Math.round(width * ratio);
		this.canvas.height = Math.round(height * ratio);
		this.canvas.style.width = `${width}px`;
		this.canvas.style.height = `${height}px`;
		this.onResize();
	}

	private watchPixelRatio(): void {
		const query = matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
		query.addEventListener('change', () => {
			this.measure();
			this.watchPixelRatio();
		}, { once: true });
	}
}
