/** The compare page: a strict Content-Security-Policy, scripts by nonce only, styles inline (Mermaid needs them). */
import { escapeAttribute, ZOOM_CONTROLS } from '../preview/journey-preview-html.js';

/** The addresses (already converted with `asWebviewUri`) and the CSP source of the webview. */
export interface DiffPageResources {
    cspSource: string;
    mermaidScript: string;
    diffScript: string;
    /** The preview's stylesheet: the compare view has the same toolbar, tabs and zoom. */
    previewStyle?: string;
}

/** The full HTML of the compare page: title and summary, the views' tabs and zoom, one picture area full width, the changes below. */
export function diffPageHtml(resources: DiffPageResources, nonce: string): string {
    const csp = ["default-src 'none'", `img-src ${resources.cspSource} data:`, `style-src ${resources.cspSource} 'unsafe-inline'`, `script-src 'nonce-${nonce}'`].join('; ');
    const stylesheet = resources.previewStyle ? `<link rel="stylesheet" href="${escapeAttribute(resources.previewStyle)}">\n` : '';
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${stylesheet}<title>Journey Compare</title>
<style>
  body { font-family: var(--vscode-font-family, sans-serif); color: var(--vscode-foreground, #222); background: var(--vscode-editor-background, #fff); }
  #header { padding: 0 12px; }
  h1 { font-size: 1.3em; margin: 10px 0 2px; }
  h2 { font-size: 1.1em; margin: 12px 0 6px; }
  h3 { font-size: 1em; margin: 10px 0 4px; }
  #summary { margin: 0 0 6px; opacity: 0.9; }
  #viewport { flex: 1 1 60%; min-height: 200px; }
  #changes { flex: 0 1 40%; overflow: auto; padding: 0 12px 16px; border-top: 1px solid var(--vscode-panel-border, #ccc); }
  figure { margin: 0 0 16px; padding: 8px; border: 1px solid var(--vscode-panel-border, #ccc); border-radius: 4px; background: #fff; color: #222; width: max-content; }
  figcaption { font-weight: 600; margin-bottom: 6px; }
  figure svg { display: block; height: auto; }
  .empty, .error { font-style: italic; opacity: 0.8; }
  .error { color: var(--vscode-errorForeground, #b00020); font-style: normal; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; vertical-align: top; border-bottom: 1px solid var(--vscode-panel-border, #ddd); padding: 4px 8px; }
  td ul { margin: 0; padding-left: 1.2em; }
  code { font-family: var(--vscode-editor-font-family, monospace); }
</style>
</head>
<body>
<div id="header" aria-live="polite"><p class="empty">Comparing…</p></div>
<div id="toolbar" role="toolbar" aria-label="Journey compare">
  <div id="tabs" role="tablist" aria-label="Views"></div>
${ZOOM_CONTROLS}
</div>
<div id="viewport" tabindex="0" aria-label="The view after and before (arrow keys pan, + and - zoom)">
  <div id="canvas"></div>
</div>
<div id="changes"></div>
<script nonce="${nonce}" src="${escapeAttribute(resources.mermaidScript)}"></script>
<script nonce="${nonce}" src="${escapeAttribute(resources.diffScript)}"></script>
</body>
</html>`;
}
