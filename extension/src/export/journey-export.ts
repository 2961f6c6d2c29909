/** The export commands of the preview: SVG, PNG, Copy Mermaid, Save as Markdown. Never overwrites without confirmation. */
import * as vscode from 'vscode';
import type { JourneyMarkdownDocumentResult } from '../../../language-server/src/lsp/journey-preview-protocol.js';
import type { JourneyPreview } from '../preview/journey-preview.js';

/** Optional arguments of the export commands (for keybindings, tasks and tests): where to write, without a dialog. */
export interface ExportArguments {
    target?: vscode.Uri | string;
}

/** Writes the picture on screen as an SVG file. */
export async function exportSvg(preview: JourneyPreview, args?: ExportArguments): Promise<vscode.Uri | undefined> {
    const answer = await preview.exportPicture('svg');
    if (!answer.data) return fail(answer.error ?? 'There is no picture to export.');
    const target = await chooseTarget(preview, 'svg', { 'SVG image': ['svg'] }, args);
    if (!target) return undefined;
    return write(target, new TextEncoder().encode(answer.data));
}

/** Writes the picture on screen as a PNG file (twice the screen resolution). */
export async function exportPng(preview: JourneyPreview, args?: ExportArguments): Promise<vscode.Uri | undefined> {
    const answer = await preview.exportPicture('png');
    if (!answer.data) return fail(answer.error ?? 'There is no picture to export.');
    const target = await chooseTarget(preview, 'png', { 'PNG image': ['png'] }, args);
    if (!target) return undefined;
    return write(target, Buffer.from(answer.data, 'base64'));
}

/** Copies the Mermaid text of the view on screen. */
export async function copyMermaid(preview: JourneyPreview): Promise<string | undefined> {
    const view = preview.currentViews.find((v) => v.view === preview.currentView);
    if (!view || view.kind !== 'diagram') return fail('The view on screen has no diagram to copy.');
    await vscode.env.clipboard.writeText(view.mermaid);
    void vscode.window.setStatusBarMessage(`Copied the Mermaid text of "${view.title}".`, 3000);
    return view.mermaid;
}

/** Asks the language server for the Markdown document of a journey. */
export type FetchMarkdown = (uri: vscode.Uri) => Promise<JourneyMarkdownDocumentResult>;

/**
 * Writes the journey's Markdown document (title, personas, KPIs, a Mermaid block per view, laid
 * out for GitHub's column), the one `journey render --format markdown` writes; the language
 * server writes it for the document as the editor has it now.
 */
export async function saveMarkdown(preview: JourneyPreview, fetchMarkdown: FetchMarkdown, args?: ExportArguments): Promise<vscode.Uri | undefined> {
    let answer: JourneyMarkdownDocumentResult;
    try {
        answer = await fetchMarkdown(preview.resource);
    } catch (error) {
        return fail(`The language server could not write the Markdown document: ${error instanceof Error ? error.message : String(error)}`);
    }
    const markdown = answer.markdown;
    if (markdown === undefined) return fail(answer.problem ?? 'The language server wrote no Markdown document for this map.');
    const target = await chooseTarget(preview, 'md', { Markdown: ['md'] }, args, false);
    if (!target) return undefined;
    return write(target, new TextEncoder().encode(markdown));
}

async function chooseTarget(preview: JourneyPreview, extension: string, filters: Record<string, string[]>, args: ExportArguments | undefined, perView = true): Promise<vscode.Uri | undefined> {
    if (args?.target) {
        const target = typeof args.target === 'string' ? vscode.Uri.file(args.target) : args.target;
        return (await confirmOverwrite(target)) ? target : undefined;
    }
    const suffix = perView && preview.currentView ? `-${preview.currentView}` : '';
    const defaultUri = vscode.Uri.joinPath(preview.resource, '..', `${baseName(preview.resource)}${suffix}.${extension}`);
    // The save dialog itself asks before replacing an existing file.
    return vscode.window.showSaveDialog({ defaultUri, filters, saveLabel: 'Export' });
}

async function confirmOverwrite(target: vscode.Uri): Promise<boolean> {
    try {
        await vscode.workspace.fs.stat(target);
    } catch {
        return true;
    }
    const replace = 'Replace';
    try {
        const answer = await vscode.window.showWarningMessage(`${target.fsPath} already exists. Replace it?`, { modal: true }, replace);
        return answer === replace;
    } catch {
        // No dialog can be shown (e.g. in automated runs): never replace without an answer.
        return false;
    }
}

async function write(target: vscode.Uri, bytes: Uint8Array): Promise<vscode.Uri> {
    await vscode.workspace.fs.writeFile(target, bytes);
    void vscode.window.setStatusBarMessage(`Exported ${target.fsPath}`, 3000);
    return target;
}

function fail(message: string): undefined {
    void vscode.window.showWarningMessage(message);
    return undefined;
}

function baseName(uri: vscode.Uri): string {
    const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    return name.replace(/\.journey$/, '');
}
