/**
 * Turns an SVG element drawn by Mermaid into a standalone SVG file: an XML declaration, the
 * namespaces, its natural size instead of `width="100%"`, and XML syntax throughout (Mermaid's
 * own text writes HTML labels as HTML, `<br>` included, which is not well-formed XML).
 *
 * Portable: Mermaid writes the labels of flowcharts, journeys and block diagrams as HTML
 * inside `<foreignObject>`, which only a browser draws (rsvg, Inkscape, slide and design
 * tools show empty boxes). Each one becomes real SVG `<text>`: one `<tspan>` per line as
 * the browser laid it out (same line breaks, same place, font, size, weight and colour).
 *
 * Runs in a browser, on an SVG that is in the page (the layout is read from it): the
 * preview's export calls it, and the command line's renderer runs its source text in its
 * Chromium page, so it must stay self-contained (no imports, no helpers outside its body).
 */
export function standaloneSvg(svg: SVGSVGElement, clean: (copy: SVGSVGElement) => void = () => {}): string {
    const copy = svg.cloneNode(true) as SVGSVGElement;
    clean(copy);
    const SVG_NS = 'http://www.w3.org/2000/svg';
    // A line break inside an SVG text (the sankey's "name\nvalue") is a space in a browser, but
    // SVG 1.1 renderers drop it and glue the words ("show800"): it is written as the space shown.
    const texts = document.createTreeWalker(copy, NodeFilter.SHOW_TEXT);
    for (let node = texts.nextNode(); node; node = texts.nextNode()) {
        const owner = node.parentElement;
        if (owner?.namespaceURI !== SVG_NS || !['text', 'tspan', 'textPath'].includes(owner.localName)) continue;
        if (/\S[\r\n]/.test(node.nodeValue ?? '')) node.nodeValue = (node.nodeValue ?? '').replace(/(\S)\s*[\r\n]\s*(?=\S)/g, '$1 ');
    }
    const copies = Array.from(copy.querySelectorAll('foreignObject'));
    Array.from(svg.querySelectorAll('foreignObject')).forEach((object, index) => {
        const target = copies[index];
        const parent = object.parentNode as SVGGraphicsElement | null;
        const screen = parent && typeof parent.getScreenCTM === 'function' ? parent.getScreenCTM() : null;
        if (!target || !screen) return;
        const toUser = screen.inverse();
        type Run = { text: string; style: string; size: number };
        type Line = { top: number; bottom: number; left: number; right: number; runs: Run[] };
        const lines: Line[] = [];
        const range = document.createRange();
        const walker = document.createTreeWalker(object, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const owner = node.parentElement;
            if (!owner) continue;
            const css = getComputedStyle(owner);
            if (css.display === 'none' || css.visibility === 'hidden') continue;
            const size = parseFloat(css.fontSize) || 16;
            const style = `fill:${css.color};stroke:none;font-family:${css.fontFamily.replace(/"/g, "'")};font-size:${size}px;font-weight:${css.fontWeight};font-style:${css.fontStyle}`;
            let offset = 0;
            let space = false;
            for (const token of (node.nodeValue ?? '').split(/(\s+)/)) {
                const start = offset;
                offset += token.length;
                if (token === '') continue;
                if (/^\s+$/.test(token)) {
                    space = true;
                    continue;
                }
                // A word is drawn on one line, unless the browser had to break it: then character by character.
                range.setStart(node, start);
                range.setEnd(node, offset);
                const pieces: { text: string; rect: DOMRect }[] = [];
                if (range.getClientRects().length <= 1) {
                    pieces.push({ text: token, rect: range.getBoundingClientRect() });
                } else {
                    let at = start;
                    for (const character of Array.from(token)) {
                        range.setStart(node, at);
                        range.setEnd(node, at + character.length);
                        at += character.length;
                        pieces.push({ text: character, rect: range.getBoundingClientRect() });
                    }
                }
                for (const piece of pieces) {
                    const { rect } = piece;
                    if (rect.width === 0 && rect.height === 0) continue;
                    const middle = (rect.top + rect.bottom) / 2;
                    let line = lines.find((candidate) => middle > candidate.top && middle < candidate.bottom);
                    if (!line) {
                        line = { top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right, runs: [] };
                        lines.push(line);
                        space = false;
                    }
                    line.left = Math.min(line.left, rect.left);
                    line.right = Math.max(line.right, rect.right);
                    line.bottom = Math.max(line.bottom, rect.bottom);
                    const last = line.runs[line.runs.length - 1];
                    const text = (space && line.runs.length > 0 ? ' ' : '') + piece.text;
                    if (last && last.style === style) last.text += text;
                    else line.runs.push({ text, style, size });
                    space = false;
                }
            }
        }
        // A label's own background (an edge label's box over its line) becomes a rectangle behind the text.
        for (const element of Array.from(object.querySelectorAll('*'))) {
            const background = getComputedStyle(element).backgroundColor;
            const box = element.getBoundingClientRect();
            if (!background || /^(transparent|rgba\(.*,\s*0\))$/.test(background) || box.width === 0 || box.height === 0) continue;
            const from = new DOMPoint(box.left, box.top).matrixTransform(toUser);
            const to = new DOMPoint(box.right, box.bottom).matrixTransform(toUser);
            const rect = document.createElementNS(SVG_NS, 'rect');
            rect.setAttribute('x', String(Math.round(from.x * 100) / 100));
            rect.setAttribute('y', String(Math.round(from.y * 100) / 100));
            rect.setAttribute('width', String(Math.round((to.x - from.x) * 100) / 100));
            rect.setAttribute('height', String(Math.round((to.y - from.y) * 100) / 100));
            rect.setAttribute('style', `fill:${background};stroke:none`);
            target.parentNode?.insertBefore(rect, target);
        }
        const text = document.createElementNS(SVG_NS, 'text');
        text.setAttribute('text-anchor', 'middle');
        text.setAttribute('class', 'journey-label');
        for (const line of lines.sort((a, b) => a.top - b.top)) {
            const size = Math.max(...line.runs.map((run) => run.size));
            // The baseline sits about a fifth of the font size above the bottom of the glyphs' box.
            const point = new DOMPoint((line.left + line.right) / 2, line.bottom - 0.22 * size * screen.d).matrixTransform(toUser);
            line.runs.forEach((run, i) => {
                const span = document.createElementNS(SVG_NS, 'tspan');
                if (i === 0) {
                    span.setAttribute('x', String(Math.round(point.x * 100) / 100));
                    span.setAttribute('y', String(Math.round(point.y * 100) / 100));
                }
                span.setAttribute('style', run.style);
                span.textContent = run.text;
                text.appendChild(span);
            });
        }
        target.parentNode?.insertBefore(text, target);
        target.remove();
    });
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
