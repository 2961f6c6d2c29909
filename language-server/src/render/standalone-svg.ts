/**
 * Turns an SVG element drawn by Mermaid into a standalone SVG file: an XML declaration, the
 * namespaces, its natural size instead of `width="100%"`, and XML syntax throughout (Mermaid's
 * own text writes HTML labels as HTML, `<br>` included, which is not well-formed XML).
 *
 * Runs in a browser: the preview's export calls it, and the command line's renderer runs its
 * source text in its Chromium page, so it must stay self-contained (no imports, no helpers
 * outside its body).
 */
export function standaloneSvg(svg: SVGSVGElement, clean: (copy: SVGSVGElement) => void = () => {}): string {
    const copy = svg.cloneNode(true) as SVGSVGElement;
    clean(copy);
    copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
    copy.setAttribute('xmlns:xlink', 'http://www.w3.org/1999/xlink');
    const box = svg.viewBox.baseVal;
    const rect = svg.getBoundingClientRect();
    const hasBox = box && box.width > 0 && box.height > 0;
    copy.setAttribute('width', String(Math.ceil(hasBox ? box.width : rect.width) || 800));
    copy.setAttribute('height', String(Math.ceil(hasBox ? box.height : rect.height) || 600));
    copy.style.removeProperty('max-width');
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(copy);
}
