/** The preview's HTML page: a strict Content-Security-Policy, scripts by nonce only, styles inline (Mermaid needs them). */

/** The addresses (already converted with `asWebviewUri`) and the CSP source of the webview. */
export interface PreviewPageResources {
    cspSource: string;
    mermaidScript: string;
    previewScript: string;
    previewStyle: string;
    /** The state to start from (the serializer's), as JSON-safe data. */
    initialState: unknown;
}

/** A random nonce for the page's script tags. */
/** The zoom buttons of the preview and of Compare (preview-zoom.ts drives them by these ids). */
export const ZOOM_CONTROLS = `  <div id="zoom-controls">
    <button id="zoom-out" type="button" title="Zoom out (-)" aria-label="Zoom out">−</button>
    <button id="zoom-reset" type="button" title="Actual size (0)" aria-label="Actual size">100%</button>
    <button id="zoom-fit" type="button" title="Fit to the window (F)" aria-label="Fit to the window">Fit</button>
    <button id="zoom-in" type="button" title="Zoom in (+)" aria-label="Zoom in">+</button>
  </div>`;

export function createNonce(): string {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    let nonce = '';
    for (let i = 0; i < 32; i++) nonce += alphabet.charAt(Math.floor(Math.random() * alphabet.length));
    return nonce;
}

/** The full HTML of the preview page. */
export function previewPageHtml(resources: PreviewPageResources, nonce: string = createNonce()): string {
    const csp = [
        "default-src 'none'",
        `img-src ${resources.cspSource} data: blob:`,
        `style-src ${resources.cspSource} 'unsafe-inline'`,
        `font-src ${resources.cspSource}`,
        `script-src 'nonce-${nonce}'`,
    ].join('; ');
    const state = escapeAttribute(JSON.stringify(resources.initialState ?? {}));
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta id="journey-preview-state" data-state="${state}">
<link rel="stylesheet" href="${escapeAttribute(resources.previewStyle)}">
<title>Journey Preview</title>
</head>
<body>
<div id="toolbar" role="toolbar" aria-label="Journey preview">
  <div id="tabs" role="tablist" aria-label="Views"></div>
${ZOOM_CONTROLS}
</div>
<div id="banner" role="alert" hidden></div>
<div id="part" hidden></div>
<div id="viewport" tabindex="0" aria-label="Diagram (arrow keys pan, + and - zoom)">
  <div id="canvas"></div>
  <div id="message" hidden></div>
</div>
<script nonce="${nonce}" src="${escapeAttribute(resources.mermaidScript)}"></script>
<script nonce="${nonce}" src="${escapeAttribute(resources.previewScript)}"></script>
</body>
</html>`;
}

/** `value` made safe inside a double-quoted HTML attribute. */
export function escapeAttribute(value: string): string {
    return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
