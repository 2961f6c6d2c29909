/**
 * What a careless user meets in the editor (issue 15, items 18–21), checked in a real VS Code
 * on untitled maps: completion offers only what can be written at the cursor; a misspelt
 * reference or keyword gets its correction as the preferred quick fix; a persona written twice
 * on a touchpoint is flagged; the Problems panel shows the code of linking and parsing errors;
 * touchpoint and KPI ids are coloured by the default themes; and in the preview (item 22), the
 * error banner keeps its height while typing, and a file of shared declarations says so once.
 */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { JourneyExtensionApi } from '../../../extension/src/extension.js';
import type { RenderReport } from '../../../extension/src/preview/journey-preview.js';
import { assert, describe, test, waitFor } from './mini-test.js';
import { askRunner, readControl } from './runner-bridge.js';

const control = () => readControl(vscode.workspace.workspaceFolders![0].uri.fsPath);

const MAP = `journey editing "Editing" {
  persona alex "Alex"
  persona sam "Sam"
  channel phone "Phone" offline
  team sales "Sales"
  stage discover "Discover" {
    kpi calls_kpi "Calls" target 10
    touchpoint calls "Calls" {
      persona alex
      channel phone
      owner sales
      emotion 3
      next books
    }
    decision choose "Books?" {
      "yes" -> books
      "no" -> lost
    }
    touchpoint books "Books" {
      persona sam
      emotion 4
    }
  }
  outcome lost "Lost"
  action quote "Quote" {
    improves calls
    impact 4
    effort 2
  }
}
`;

/** Opens `text` as an untitled journey map in the first column and waits for its first diagnostics (or none). */
async function openMap(text: string): Promise<vscode.TextEditor> {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const document = await vscode.workspace.openTextDocument({ language: 'journey', content: text });
    const editor = await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    // The server has built the map once it answers with its outline.
    await waitFor('the map to be built', async () => {
        const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
        return symbols && symbols.length > 0 ? symbols : undefined;
    });
    return editor;
}

/** Closes the untitled map without saving it (closing it dirty would leave a dialog open). */
async function closeMap(editor: vscode.TextEditor): Promise<void> {
    await vscode.window.showTextDocument(editor.document, vscode.ViewColumn.One);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

/** The position after `needle` on the line holding `marker` (the first line holding `needle` when no marker). */
function after(document: vscode.TextDocument, needle: string, marker = needle): vscode.Position {
    const line = document.getText().split('\n').findIndex((l) => l.includes(marker));
    assert(line >= 0, `no line with ${marker}`);
    return new vscode.Position(line, document.lineAt(line).text.indexOf(needle) + needle.length);
}

/** The labels completion offers at `position`, from every provider (the server's and VS Code's snippets). */
async function labelsAt(document: vscode.TextDocument, position: vscode.Position): Promise<string[]> {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
    return list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
}

/** Replaces the text of line `line` and waits for the diagnostics that satisfy `accept`. */
async function setLine(editor: vscode.TextEditor, line: number, text: string, accept: (found: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
    await editor.edit((edit) => edit.replace(editor.document.lineAt(line).range, text));
    return waitFor(`diagnostics after writing "${text.trim()}"`, () => {
        const found = vscode.languages.getDiagnostics(editor.document.uri);
        return accept(found) ? found : undefined;
    });
}

/** Waits for the preview of `uri` to report a render that satisfies `accept`. */
function renderOf(uri: vscode.Uri, accept: (report: RenderReport) => boolean, what: string): Promise<RenderReport> {
    const api = vscode.extensions.getExtension<JourneyExtensionApi>('journey-maps.journey-maps')!.exports;
    return waitFor(what, () => {
        const report = api.previews.lastRender(uri);
        return report && accept(report) ? report : undefined;
    });
}

interface PreviewLayout {
    bannerHeight: number;
    viewportTop: number;
    text: string;
}

const lineOf = (document: vscode.TextDocument, text: string) => document.getText().split('\n').findIndex((l) => l.includes(text));
const codeOf = (diagnostic: vscode.Diagnostic) => (typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code);

describe('Editor hardening', () => {
    test('completion after persona, channel, expected and -> offers only what can be written there', async () => {
        const editor = await openMap(MAP);
        const document = editor.document;
        const blocks = ['journey', 'stage', 'touchpoint', 'decision', 'persona', 'channel', 'kpi', 'outcome', 'action'];
        const line = lineOf(document, 'emotion 4'); // in touchpoint books, which lists persona sam
        for (const [written, expected] of [['persona ', ['alex']], ['channel ', ['phone']], ['expected ', ['1', '2', '3', '4', '5']]] as const) {
            await editor.edit((edit) => edit.replace(document.lineAt(line).range, `      ${written}`));
            const labels = await labelsAt(document, new vscode.Position(line, 6 + written.length));
            const wrong = labels.filter((label) => blocks.includes(label));
            assert(wrong.length === 0, `after "${written}" completion offers ${wrong.join(', ')}: ${labels.join(', ')}`);
            for (const label of expected) assert(labels.includes(label), `after "${written}" completion lacks ${label}: ${labels.join(', ')}`);
            if (written === 'persona ') assert(!labels.includes('sam'), `after "persona " completion offers sam, already on the touchpoint: ${labels.join(', ')}`);
        }
        await editor.edit((edit) => edit.replace(document.lineAt(line).range, '      emotion 4'));
        const arrow = await labelsAt(document, after(document, '-> ', '"no" -> lost'));
        assert(!arrow.includes('choose'), `a branch of decision choose offers choose itself: ${arrow.join(', ')}`);
        assert(!arrow.some((label) => blocks.slice(0, 4).includes(label)), `after -> completion offers blocks: ${arrow.join(', ')}`);
        assert(arrow.includes('books') && arrow.includes('lost'), `after -> completion lacks books or lost: ${arrow.join(', ')}`);
        await closeMap(editor);
    });

    test('completion on an empty line of a stage lists each element once, and no journey', async () => {
        const editor = await openMap(MAP.replace('    decision choose', '    \n    decision choose'));
        const line = lineOf(editor.document, 'decision choose') - 1;
        const labels = await labelsAt(editor.document, new vscode.Position(line, 4));
        for (const label of ['touchpoint', 'decision', 'kpi']) {
            assert(labels.filter((l) => l === label).length === 1, `${label} is offered ${labels.filter((l) => l === label).length} times: ${labels.join(', ')}`);
        }
        assert(!labels.includes('journey') && !labels.includes('stage'), `a stage offers a journey or a stage: ${labels.join(', ')}`);
        await closeMap(editor);
    });

    test('a misspelt reference gets "Did you mean" as the preferred quick fix', async () => {
        const editor = await openMap(MAP);
        const line = lineOf(editor.document, 'persona alex') + 7; // `persona alex` of the touchpoint calls
        assert(editor.document.lineAt(line).text.trim() === 'persona alex', `line ${line} is ${editor.document.lineAt(line).text}`);
        const diagnostics = await setLine(editor, line, '      persona alx', (found) => found.some((d) => d.message.includes("Did you mean 'alex'?")));
        const diagnostic = diagnostics.find((d) => d.message.includes("Did you mean 'alex'?"))!;
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
        const preferred = actions.filter((action) => action.isPreferred);
        assert(preferred.length === 1 && preferred[0]!.title === "Change to 'alex'", `preferred fixes: ${preferred.map((a) => a.title).join(', ')}; all: ${actions.map((a) => a.title).join(', ')}`);
        await vscode.workspace.applyEdit(preferred[0]!.edit!);
        assert(editor.document.lineAt(line).text === '      persona alex', `the fix wrote ${editor.document.lineAt(line).text}`);
        await closeMap(editor);
    });

    test('a misspelt keyword gets the keyword as the preferred quick fix', async () => {
        const editor = await openMap(MAP);
        const line = lineOf(editor.document, 'emotion 3');
        const diagnostics = await setLine(editor, line, '      emotoin 3', (found) => found.some((d) => d.message.includes("'emotoin'")));
        const diagnostic = diagnostics.find((d) => d.message.includes("'emotoin'"))!;
        assert(diagnostic.message.includes("Did you mean 'emotion'?"), diagnostic.message);
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
        const preferred = actions.find((action) => action.isPreferred);
        assert(preferred?.title === "Change to 'emotion'", `fixes: ${actions.map((a) => `${a.title}${a.isPreferred ? ' (preferred)' : ''}`).join(', ')}`);
        await vscode.workspace.applyEdit(preferred.edit!);
        assert(editor.document.lineAt(line).text === '      emotion 3', `the fix wrote ${editor.document.lineAt(line).text}`);
        await closeMap(editor);
    });

    test('the same persona twice on a touchpoint is flagged, with a fix that removes the repetition', async () => {
        const editor = await openMap(MAP.replace('      persona alex\n', '      persona alex\n      persona alex\n'));
        const diagnostic = await waitFor('the repeated persona to be flagged', () =>
            vscode.languages.getDiagnostics(editor.document.uri).find((d) => d.message.includes("'alex'") && d.message.includes('already')));
        assert(diagnostic.severity === vscode.DiagnosticSeverity.Warning, `severity ${diagnostic.severity}`);
        assert(diagnostic.range.start.line === lineOf(editor.document, 'persona alex') + 8, `flagged on line ${diagnostic.range.start.line}`);
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
        assert(actions.some((action) => action.title === 'Remove this repeated fact'), `fixes: ${actions.map((a) => a.title).join(', ')}`);
        await closeMap(editor);
    });

    test('the Problems panel shows the code of linking and parsing errors', async () => {
        const editor = await openMap(MAP.replace('channel phone\n', 'channel nowhere\n').replace('emotion 4', 'emotion 4 }}'));
        const diagnostics = await waitFor('a linking and a parsing error', () => {
            const found = vscode.languages.getDiagnostics(editor.document.uri);
            return found.some((d) => d.message.includes("'nowhere'")) && found.some((d) => d.severity === vscode.DiagnosticSeverity.Error && !d.message.includes("'nowhere'")) ? found : undefined;
        });
        const linking = diagnostics.find((d) => d.message.includes("'nowhere'"))!;
        assert(codeOf(linking) === 'linking-error', `the linking error's code is ${JSON.stringify(linking.code)}`);
        // The extra '}' is left over after the map's end; what follows the 'emotion 4' expects more.
        const parsing = diagnostics.filter((d) => d.message.startsWith('Expected') || d.message.includes('comes after the end of the map'));
        assert(parsing.length > 0, `no parsing error: ${diagnostics.map((d) => d.message).join(' | ')}`);
        assert(parsing.every((d) => codeOf(d) === 'parsing-error'), `parsing errors' codes: ${parsing.map((d) => `${JSON.stringify(d.code)} ${d.message}`).join(' | ')}`);
        await closeMap(editor);
    });

    test('touchpoint, KPI and every other id are coloured in Dark Modern and Light Modern, unlike plain text and references to nothing', async () => {
        const settings = vscode.workspace.getConfiguration('workbench');
        const words = { journey: 'editing', persona: 'alex', channel: 'phone', team: 'sales', stage: 'discover', kpi: 'calls_kpi', touchpoint: 'calls', decision: 'choose', outcome: 'lost', action: 'quote' };
        const unresolved = 'nowhere';
        const report: string[] = [];
        try {
            for (const theme of ['Default Dark Modern', 'Default Light Modern']) {
                await settings.update('colorTheme', theme, vscode.ConfigurationTarget.Global);
                const editor = await openMap(MAP.replace('      next books\n', `      next books\n      next ${unresolved}\n`));
                const ask = () => askRunner<{ colors: Record<string, string | null>; foreground: string | null }>(control(), 'token-colors', { words: [...Object.values(words), unresolved] });
                await waitFor(`the colours in ${theme}`, async () => {
                    const found = await ask();
                    return found.foreground && Object.values(found.colors).every((c) => c) ? found : undefined;
                }, 10_000);
                // Semantic colours come after the TextMate ones: read them once they have settled.
                await new Promise((resolve) => setTimeout(resolve, 1500));
                const seen = await ask();
                const nothing = seen.colors[unresolved];
                for (const [kind, word] of Object.entries(words)) {
                    const color = seen.colors[word];
                    if (color === seen.foreground) report.push(`${theme}: the ${kind} id '${word}' is plain text (${color})`);
                    else if (color === nothing) report.push(`${theme}: the ${kind} id '${word}' looks like a reference to nothing (${color})`);
                }
                report.push(`(${theme}: ${JSON.stringify(seen.colors)}, plain text ${seen.foreground})`);
                await askRunner(control(), 'screenshot', { name: `token-colours-${theme.toLowerCase().replace(/ /g, '-')}` });
                await closeMap(editor);
            }
        } finally {
            await settings.update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
        }
        writeFileSync(path.join(path.dirname(control().resultsFile), 'token-colors.txt'), report.join('\n'));
        const wrong = report.filter((line) => !line.startsWith('('));
        assert(wrong.length === 0, report.join('\n'));
    });

    test('the error banner keeps its height while the number of errors changes, so the picture does not jump', async () => {
        const editor = await openMap(MAP);
        await vscode.commands.executeCommand('journey.preview.showToSide');
        await renderOf(editor.document.uri, (r) => r.shows === 'diagram', 'the first picture');
        const layouts: Array<PreviewLayout & { errors: number }> = [];
        const lines = ['      channel phone', '      owner sales', '      emotion 3', '      next books'].map((text) => lineOf(editor.document, text));
        for (let errors = 1; errors <= lines.length; errors++) {
            const line = lines[errors - 1]!;
            await editor.edit((edit) => edit.replace(editor.document.lineAt(line).range, `      next nowhere_${errors}`));
            const heading = errors === 1 ? '1 error:' : `${errors} errors:`;
            const layout = await waitFor(`the banner with ${heading}`, async () => {
                const found = await askRunner<PreviewLayout>(control(), 'preview-layout');
                return found.text.includes(heading) ? found : undefined;
            });
            layouts.push({ ...layout, errors });
        }
        await askRunner(control(), 'screenshot', { name: 'preview-banner-4-errors' });
        const heights = layouts.map((l) => `${l.errors} error(s): banner ${l.bannerHeight.toFixed(1)} px, picture at ${l.viewportTop.toFixed(1)} px`);
        assert(layouts.every((l) => l.bannerHeight > 0), heights.join('; '));
        assert(layouts.every((l) => Math.abs(l.bannerHeight - layouts[0]!.bannerHeight) < 0.5 && Math.abs(l.viewportTop - layouts[0]!.viewportTop) < 0.5), heights.join('; '));
        await closeMap(editor);
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    test('a file of shared declarations only says so once in the preview', async () => {
        const editor = await openMap('persona alex "Alex"\nchannel phone "Phone" offline\n');
        await vscode.commands.executeCommand('journey.preview.showToSide');
        await renderOf(editor.document.uri, (r) => r.shows === 'nothing', 'the preview of a file without a journey');
        let last = '';
        const layout = await waitFor('the notice', async () => {
            const found = await askRunner<PreviewLayout>(control(), 'preview-layout');
            last = found.text;
            return found.text.includes('holds no journey') ? found : undefined;
        }).catch((error: Error) => { throw new Error(`${error.message}; the preview shows: ${last}`); });
        const times = layout.text.split('holds no journey').length - 1;
        assert(times === 1, `the preview says "holds no journey" ${times} times:\n${layout.text}`);
        await closeMap(editor);
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });
});
