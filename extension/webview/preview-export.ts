/** Turns the SVG on screen into files: a standalone SVG text, or a PNG (as base64). */
import { standaloneSvg } from '../../language-server/src/render/standalone-svg.js';

/** The SVG on screen as a standalone file, without the preview's own marks (click-to-source, highlight). */
export function exportedSvg(svg: SVGSVGElement): string {
    return standaloneSvg(svg, (copy) => {
        for (const el of Array.from(copy.querySelectorAll('[data-journey-entry], [data-journey-id]'))) {
            el.removeAttribute('data-journey-entry');
            el.removeAttribute('data-journey-id');
            el.classList.remove('journey-linked', 'journey-highlight');
        }
    });
}

/** Draws a standalone SVG text (which carries its natural size) on a canvas at twice its size, over `background`, and returns PNG bytes as base64. */
export async function canvasToPng(svgText: string, background: string): Promise<string> {
    const image = new Image();
    image.src = 'data:image/svg+xml;base64,' + toBase64(new TextEncoder().encode(svgText));
    await image.decode();
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil((image.naturalWidth || 800) * scale);
    canvas.height = Math.ceil((image.naturalHeight || 600) * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    context.fillStyle = background;
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
}

function toBase64(bytes: Uint8Array): string {
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
}
