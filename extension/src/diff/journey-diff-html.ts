/** The compare page: a strict Content-Security-Policy, scripts by nonce only, styles inline (Mermaid needs them). */
import { escapeAttribute } from '../preview/journey-preview-html.js';

/** The addresses (already converted with `asWebviewUri`) and the CSP source of the webview. */
export interface DiffPageResources {
    cspSource: string;
    mermaidScript: string;
    diffScript: string;
}

/** The full HTML of the compare page. */
export function diffPageHtml(resources: DiffPageResources, nonce: string): string {
    const csp = ["default-src 'none'", `img-src ${resources.cspSource} data:`, "style-src 'unsafe-inline'", `script-src 'nonce-${nonce}'`].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Journey Compare</title>
<style>
  body { font-family: var(--vscode-font-family, sans-serif); color: var(--vscode-foreground, #222); background: var(--vscode-editor-background, #fff); padding: 0 16px 24px; }
  h1 { font-size: 1.3em; margin: 12px 0 4px; }
  h2 { font-size: 1.1em; margin: 20px 0 8px; }
  h3 { font-size: 1em; margin: 14px 0 6px; }
  #summary { margin: 0 0 8px; opacity: 0.9; }
  .sides { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
  figure { margin: 0; border: 1px solid var(--vscode-panel-border, #ccc); border-radius: 4px; padding: 8px; overflow: auto; background: #fff; color: #222; }
  figcaption { font-weight: 600; margin-bottom: 6px; }
  figure svg { max-width: 100%; height: auto; }
  .empty, .error { font-style: italic; opacity: 0.8; }
  .error { color: var(--vscode-errorForeground, #b00020); font-style: normal; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; vertical-align: top; border-bottom: 1px solid var(--vscode-panel-border, #ddd); padding: 4px 8px; }
  td ul { margin: 0; padding-left: 1.2em; }
  code { font-family: var(--vscode-editor-font-family, monospace); }
</style>
</head>
<body>
<div id="root" aria-live="polite"><p class="empty">Comparing…</p></div>
<script nonce="${nonce}" src="${escapeAttribute(resources.mermaidScript)}"></script>
<script nonce="${nonce}" src="${escapeAttribute(resources.diffScript)}"></script>
</body>
</html>`;
}
