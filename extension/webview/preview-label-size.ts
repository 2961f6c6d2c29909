/** The font size of a picture's labels, as Mermaid drew them, so Fit can keep them readable. */

/**
 * The smallest font size (in the picture's own pixels) among the texts of the elements linked to
 * the map (touchpoints, stages…, marked `.journey-linked`), or among all texts when none is linked.
 * Undefined when the picture has no text.
 */
export function labelFontSize(svg: SVGSVGElement): number | undefined {
    const texts = Array.from(svg.querySelectorAll('text, foreignObject span, foreignObject div, foreignObject p')).filter(ownText);
    const linked = texts.filter((el) => el.closest('.journey-linked'));
    const sizes = (linked.length > 0 ? linked : texts).map((el) => parseFloat(getComputedStyle(el).fontSize)).filter((size) => size > 0);
    return sizes.length > 0 ? Math.min(...sizes) : undefined;
}

/** True when the element itself holds visible text (not only through its children). */
function ownText(el: Element): boolean {
    return Array.from(el.childNodes).some((node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '');
}
