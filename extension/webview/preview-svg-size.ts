/** Mermaid's SVG at its natural size and without empty margins, so zoom and Fit measure the drawing itself. */

/**
 * Gives the picture its natural size. Some diagram types ignore `useMaxWidth: false` and write
 * `width="100%"` (Mermaid's xychart, the emotion view, always does): inside the canvas, which is
 * as wide as its content, such a picture would shrink to a 300-pixel thumbnail.
 */
export function naturalSize(svg: SVGSVGElement | null): void {
    const box = svg?.viewBox.baseVal;
    if (!svg || !box || box.width <= 0 || box.height <= 0 || /^\d+(\.\d+)?(px)?$/.test(svg.getAttribute('width') ?? '')) return;
    svg.setAttribute('width', String(box.width));
    svg.setAttribute('height', String(box.height));
    svg.style.removeProperty('max-width');
}

/**
 * Crops empty space around the drawing. Mermaid's journey diagram reserves about a third more
 * width than it draws; since the preview fits the picture to the panel's width, that space would
 * shrink every task to unreadable text. Pictures with less than 5% slack are left as they are.
 */
export function trimMargins(svg: SVGSVGElement | null): void {
    const box = svg?.viewBox.baseVal;
    if (!svg || !box || box.width <= 0 || box.height <= 0) return;
    const content = svg.getBBox();
    if (content.width <= 0 || content.height <= 0) return;
    if (content.width > box.width * 0.95 && content.height > box.height * 0.95) return;
    const margin = 10;
    const x = Math.max(box.x, content.x - margin);
    const y = Math.max(box.y, content.y - margin);
    const width = Math.min(box.x + box.width, content.x + content.width + margin) - x;
    const height = Math.min(box.y + box.height, content.y + content.height + margin) - y;
    svg.setAttribute('viewBox', `${x} ${y} ${width} ${height}`);
    if (/^\d+(\.\d+)?(px)?$/.test(svg.getAttribute('width') ?? '')) {
        svg.setAttribute('width', String(width));
        svg.setAttribute('height', String(height));
    }
    svg.style.removeProperty('max-width');
}
