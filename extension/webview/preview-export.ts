/** Turns the SVG on screen into files: a standalone SVG text, or a PNG (as base64). */

/** The SVG as a standalone document: XML declaration, namespaces, and its natural size instead of `width="100%"`. */
export function standaloneSvg(svg: SVGSVGElement): string {
    const copy = svg.cloneNode(true) as SVGSVGElement;
    for (const el of Array.from(copy.querySelectorAll('[data-journey-entry], [data-journey-id]'))) {
        el.removeAttribute('data-journey-entry');
        el.removeAttribute('data-journey-id');
        el.classList.remove('journey-linked', 'journey-highlight');
    }
    copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
    copy.setAttribute('xmlns:xlink', 'http://www.w3.org/1999/xlink');
    const { width, height } = naturalSize(svg);
    copy.setAttribute('width', String(width));
    copy.setAttribute('height', String(height));
    copy.style.removeProperty('max-width');
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(copy);
}

/** Draws the SVG text on a canvas at twice its size, over `background`, and returns PNG bytes as base64. */
export async function canvasToPng(svgText: string, svg: SVGSVGElement, background: string): Promise<string> {
    const { width, height } = naturalSize(svg);
    const image = new Image();
    image.src = 'data:image/svg+xml;base64,' + toBase64(new TextEncoder().encode(svgText));
    await image.decode();
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    context.fillStyle = background;
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
}

function naturalSize(svg: SVGSVGElement): { width: number; height: number } {
    const box = svg.viewBox.baseVal;
    if (box && box.width > 0 && box.height > 0) return { width: Math.ceil(box.width), height: Math.ceil(box.height) };
    const rect = svg.getBoundingClientRect();
    return { width: Math.ceil(rect.width) || 800, height: Math.ceil(rect.height) || 600 };
}

function toBase64(bytes: Uint8Array): string {
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
}
