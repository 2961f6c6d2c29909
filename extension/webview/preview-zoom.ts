/** Zoom and pan of the preview's picture: buttons, mouse wheel (Ctrl/⌘ + wheel zooms), drag, and keyboard. */
import type { PreviewState } from '../src/preview/journey-preview-messages.js';

/** Controls of the zoom and pan; the values live in `state` so they survive live updates and reloads. */
export interface ZoomPan {
    apply(): void;
    reset(): void;
    /** Fits the picture to the window's width again (the default until the user zooms). */
    fit(): void;
    /** True right after a drag, so the click that ends it does not count as a click on a node. */
    wasDragged(): boolean;
    /** Sets the font size (in the picture's own pixels) of its smallest labels: Fit never zooms them below `READABLE_LABEL_PX`. */
    setLabelSize(px: number | undefined): void;
    /**
     * Pans so that `box` (client coordinates) is on screen: `nearest` moves it just inside the
     * window (the node under the cursor), `start` puts its top-left corner at the window's top-left
     * along each direction in which the picture is larger than the window (scroll sync). Keeps the zoom.
     */
    reveal(box: DOMRect, mode: 'nearest' | 'start'): void;
}

/** The smallest label size, in CSS pixels on screen (font size × zoom), that Fit keeps: below it, people zoom before they can read. */
export const READABLE_LABEL_PX = 11;

const MIN_ZOOM = 0.1;
const MAX_ZOOM = 8;

/** Wires zoom and pan on `viewport`, moving `canvas`. `save` persists `state`. */
export function createZoomPan(viewport: HTMLElement, canvas: HTMLElement, state: PreviewState, save: () => void): ZoomPan {
    const label = document.getElementById('zoom-reset');
    let dragged = false;
    let labelPx: number | undefined;

    /** The width of the picture(s) at 100%: the canvas less its padding (12 px each side), once it holds an SVG. */
    const naturalWidth = () => {
        const svg = canvas.querySelector('svg');
        const width = canvas.offsetWidth - 24;
        return svg && width > 0 ? width : undefined;
    };
    const apply = () => {
        // Until the user zooms, the picture fits the window's width (never enlarged), as images in Markdown
        // do, but never below the zoom at which its labels stay readable: a wide map then scrolls instead.
        const width = naturalWidth();
        if (state.fit !== false && width) {
            const fitWidth = Math.min(1, (viewport.clientWidth - 24) / width);
            const readable = labelPx ? (READABLE_LABEL_PX + 0.05) / labelPx : MIN_ZOOM;
            state.zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, fitWidth, readable));
            clampPan();
        }
        const zoom = state.zoom ?? 1;
        canvas.style.transform = `translate(${state.panX ?? 0}px, ${state.panY ?? 0}px) scale(${zoom})`;
        if (label) label.textContent = `${Math.round(zoom * 100)}%`;
    };
    /** While fitted, the picture scrolls like a page: never past its edges. */
    const clampPan = () => {
        const zoom = state.zoom ?? 1;
        const minX = Math.min(0, viewport.clientWidth - canvas.offsetWidth * zoom);
        const minY = Math.min(0, viewport.clientHeight - canvas.offsetHeight * zoom);
        state.panX = Math.min(0, Math.max(minX, state.panX ?? 0));
        state.panY = Math.min(0, Math.max(minY, state.panY ?? 0));
    };
    const reveal = (box: DOMRect, mode: 'nearest' | 'start') => {
        const view = viewport.getBoundingClientRect();
        const margin = 16;
        const zoom = state.zoom ?? 1;
        const shift = (start: number, end: number, viewStart: number, viewEnd: number, overflows: boolean) => {
            if (mode === 'start') return overflows ? viewStart + margin - start : 0;
            if (start >= viewStart && end <= viewEnd) return 0;
            // Larger than the window, or before it: its start comes first.
            if (end - start > viewEnd - viewStart - 2 * margin || start < viewStart) return viewStart + margin - start;
            return viewEnd - margin - end;
        };
        const dx = shift(box.left, box.right, view.left, view.right, canvas.offsetWidth * zoom > viewport.clientWidth);
        const dy = shift(box.top, box.bottom, view.top, view.bottom, canvas.offsetHeight * zoom > viewport.clientHeight);
        if (Math.abs(dx) < 0.5 && Math.abs(dy) < 0.5) return;
        state.panX = (state.panX ?? 0) + dx;
        state.panY = (state.panY ?? 0) + dy;
        if (state.fit !== false) clampPan();
        apply();
        save();
    };
    const zoomAt = (factor: number, x = viewport.clientWidth / 2, y = viewport.clientHeight / 2) => {
        const old = state.zoom ?? 1;
        state.fit = false;
        const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, old * factor));
        // Keep the point under the pointer where it is.
        state.panX = x - ((x - (state.panX ?? 0)) * zoom) / old;
        state.panY = y - ((y - (state.panY ?? 0)) * zoom) / old;
        state.zoom = zoom;
        apply();
        save();
    };
    const panBy = (dx: number, dy: number) => {
        // A fitted picture scrolls within its edges and stays fitted; a zoomed one pans freely.
        if (state.fit !== false) {
            state.panX = (state.panX ?? 0) + dx;
            state.panY = (state.panY ?? 0) + dy;
            clampPan();
            apply();
            save();
            return;
        }
        state.panX = (state.panX ?? 0) + dx;
        state.panY = (state.panY ?? 0) + dy;
        apply();
        save();
    };
    const reset = () => {
        state.fit = false;
        state.zoom = 1;
        state.panX = 0;
        state.panY = 0;
        apply();
        save();
    };

    const fit = () => {
        state.fit = true;
        state.panX = 0;
        state.panY = 0;
        apply();
        save();
    };

    document.getElementById('zoom-fit')?.addEventListener('click', fit);
    document.getElementById('zoom-in')?.addEventListener('click', () => zoomAt(1.25));
    document.getElementById('zoom-out')?.addEventListener('click', () => zoomAt(0.8));
    label?.addEventListener('click', reset);

    viewport.addEventListener('wheel', (event) => {
        event.preventDefault();
        const box = viewport.getBoundingClientRect();
        if (event.ctrlKey || event.metaKey) zoomAt(Math.exp(-event.deltaY / 300), event.clientX - box.left, event.clientY - box.top);
        else panBy(-event.deltaX, -event.deltaY);
    }, { passive: false });

    let start: { x: number; y: number; panX: number; panY: number } | undefined;
    viewport.addEventListener('pointerdown', (event) => {
        if (event.button !== 0) return;
        dragged = false;
        start = { x: event.clientX, y: event.clientY, panX: state.panX ?? 0, panY: state.panY ?? 0 };
    });
    window.addEventListener('pointermove', (event) => {
        if (!start) return;
        const dx = event.clientX - start.x;
        const dy = event.clientY - start.y;
        if (!dragged && Math.hypot(dx, dy) < 4) return;
        dragged = true;
        state.fit = false;
        viewport.classList.add('dragging');
        state.panX = start.panX + dx;
        state.panY = start.panY + dy;
        apply();
    });
    window.addEventListener('pointerup', () => {
        if (start && dragged) save();
        start = undefined;
        viewport.classList.remove('dragging');
    });

    window.addEventListener('keydown', (event) => {
        if (event.target instanceof HTMLButtonElement && (event.key === 'Enter' || event.key === ' ')) return;
        // Ctrl, Cmd or Alt with + or - zoom the whole window (VS Code's own keys), not the picture.
        if (event.ctrlKey || event.metaKey || event.altKey) return;
        const step = event.shiftKey ? 200 : 40;
        switch (event.key) {
            case '+': case '=': zoomAt(1.25); break;
            case '-': case '_': zoomAt(0.8); break;
            case '0': reset(); break;
            case 'f': case 'F': fit(); break;
            case 'ArrowLeft': panBy(step, 0); break;
            case 'ArrowRight': panBy(-step, 0); break;
            case 'ArrowUp': panBy(0, step); break;
            case 'ArrowDown': panBy(0, -step); break;
            default: return;
        }
        event.preventDefault();
    });

    window.addEventListener('resize', () => {
        if (state.fit !== false) apply();
    });
    apply();
    return {
        apply,
        reset,
        fit,
        setLabelSize: (px) => {
            labelPx = px && px > 0 ? px : undefined;
        },
        reveal,
        wasDragged: () => {
            const was = dragged;
            dragged = false;
            return was;
        },
    };
}
