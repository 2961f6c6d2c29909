/** ```journey fences in VS Code's built-in Markdown preview, checked in a real VS Code. */
import * as vscode from 'vscode';
import { assert, describe, test, waitFor } from './mini-test.js';
import { askRunner, readControl } from './runner-bridge.js';
import { VIEW_IDS } from '../../../language-server/src/views/view-types.js';
import type { JourneyExtensionApi } from '../../../extension/src/extension.js';
import { generateMap } from '../../support/generate-map.js';

const EXTENSION_ID = 'journey-maps.journey-maps';
const folder = () => vscode.workspace.workspaceFolders![0].uri;
const fileUri = (name: string) => vscode.Uri.joinPath(folder(), name);
const control = () => readControl(folder().fsPath);

/** What the runner reads of a ```journey block in the Markdown preview's webview. */
interface PreviewBlock {
    state: string | null;
    view: string | null;
    dataLine: string | null;
    svgs: number;
    captions: string[];
    widths: number[];
    cellFills: string[];
    role: string | null;
    style: string;
    text: string;
}

async function previewBlocks(): Promise<{ bodyClass: string; mermaid?: string; scripts?: string[]; blocks: PreviewBlock[] }> {
    return askRunner(control(), 'markdown-preview');
}

/** Waits until the preview shows `count` blocks that satisfy `accept`. */
async function blocksWhen(what: string, count: number, accept: (blocks: PreviewBlock[], bodyClass: string) => boolean): Promise<PreviewBlock[]> {
    let last: Awaited<ReturnType<typeof previewBlocks>> | undefined;
    return waitFor(what, async () => {
        last = await previewBlocks();
        return last.blocks.length === count && accept(last.blocks, last.bodyClass) ? last.blocks : undefined;
    }, 30_000).catch((e) => {
        const blocks = last?.blocks.map((b) => ({ ...b, style: b.style.length, text: b.text.slice(0, 200) }));
        const stats = vscode.extensions.getExtension<JourneyExtensionApi>(EXTENSION_ID)?.exports?.markdownStats();
        throw new Error(`${e.message}: the preview shows ${JSON.stringify(blocks)}, Mermaid ${last?.mermaid}, scripts ${JSON.stringify(last?.scripts)}; the fences' plugin: ${JSON.stringify(stats)}`);
    });
}

/**
 * Waits until both maps are drawn in the theme whose body class is `bodyClass`, in colours unlike
 * those of `earlier` themes, and still are after a moment (VS Code may load the preview's page
 * again for a new theme); takes a screenshot; returns the first picture's style.
 */
async function drawnInTheme(name: string, bodyClass: string, earlier: string[]): Promise<string> {
    const drawn = (b: PreviewBlock[], classes: string) => classes.split(' ').includes(bodyClass) && b[0].svgs === 1 && b[1].svgs === 1 && !earlier.includes(b[0].style);
    await blocksWhen(`the maps redrawn in ${name} colours`, 3, drawn);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const [first] = await blocksWhen(`the maps still drawn in ${name} colours`, 3, drawn);
    await askRunner(control(), 'screenshot', { name: `markdown-preview-${name}-theme` });
    // Still (or again) drawn in these colours: a refresh the plugin asks for after its answers may
    // be redrawing the blocks at this very moment; a picture lost for good would fail here.
    await blocksWhen(`the maps drawn in ${name} colours after the screenshot`, 3, drawn);
    return first.style;
}

/** The brightness (0 black … 1 white) of a CSS colour as `getComputedStyle` gives it (`rgb(r, g, b)`). */
function brightness(colour: string): number {
    const [r, g, b] = (colour.match(/\d+(\.\d+)?/g) ?? ['255', '255', '255']).map(Number);
    return (0.299 * r + 0.587 * g + 0.114 * b) / 255;
}

const FENCE = [
    'journey plan "Planning a trip" {',
    '  stage search "Search" {',
    '    touchpoint compares "Compares offers" {',
    '      persona dana',
    '      channel app',
    '      emotion 4',
    '    }',
    '  }',
    '}',
];
const GUIDE = [
    '# Trip guide',                 // line 1
    '',
    'The first view by default:',
    '',
    '```journey',                   // line 5
    ...FENCE,
    '```',
    '',
    'The flow view, named after `journey`:',
    '',
    '```journey flow',
    ...FENCE,
    '```',
    '',
    'A mistake:',
    '',
    '```journey',                   // line 33
    'journey broken "Broken" {',
    '  stage s "S" {',
    '    touchpoint t "T" {',
    '      channel nowhere',         // line 37
    '    }',
    '  }',
    '}',
    '```',
    '',
].join('\n');

describe('Markdown preview', () => {
    test('draws each ```journey fence with its view, resolves shared channels and personas, and lists the errors of a broken one', async () => {
        await vscode.workspace.fs.writeFile(fileUri('md-people.journey'), new TextEncoder().encode('channel app "Booking app" online\npersona dana "Dana the planner"\n'));
        await vscode.workspace.fs.writeFile(fileUri('guide.md'), new TextEncoder().encode(GUIDE));
        // Opened, so the language server has the new shared file before the preview asks (its
        // file event can come after the preview's first request on a loaded machine).
        await vscode.workspace.openTextDocument(fileUri('md-people.journey'));
        const document = await vscode.workspace.openTextDocument(fileUri('guide.md'));
        await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
        await vscode.commands.executeCommand('markdown.showPreviewToSide', document.uri);
        const blocks = await blocksWhen('the two maps drawn and the broken one listed', 3, (b) => b[0].svgs === 1 && b[1].svgs === 1 && b[2].state === 'errors');
        assert(blocks[0].view === VIEW_IDS[0], `first fence: the ${blocks[0].view} view, expected the first view (${VIEW_IDS[0]})`);
        assert(blocks[1].view === 'flow' && blocks[1].role === 'flowchart-v2', `second fence: ${blocks[1].view} ${blocks[1].role}`);
        // The shared channel of md-people.journey resolved: its label is drawn.
        assert(blocks[1].text.includes('Compares offers') && blocks[1].text.includes('Booking app'), `flow: ${blocks[1].text}`);
        assert(blocks[2].svgs === 0, 'the broken map is drawn');
        assert(/Line 37:\s*No channel 'nowhere'/.test(blocks[2].text), `the error block: ${blocks[2].text}`);
        assert(blocks[0].dataLine === '4', `scroll sync: data-line ${blocks[0].dataLine}`);
        await askRunner(control(), 'screenshot', { name: 'markdown-preview-journey-fences' });
    });

    test('an edit of a fence redraws it', async () => {
        const document = await vscode.workspace.openTextDocument(fileUri('guide.md'));
        const editor = await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
        // The flow fence's touchpoint (the second fence).
        const line = document.getText().split('\n').lastIndexOf('    touchpoint compares "Compares offers" {');
        await editor.edit((edit) => edit.replace(new vscode.Range(line, 0, line, 100), '    touchpoint compares "Reads the reviews" {'));
        await blocksWhen('the flow fence redrawn with the new label', 3, (b) => b[1].svgs === 1 && b[1].text.includes('Reads the reviews') && b[0].svgs === 1);
    });

    test('a change of a shared channel in its .journey file redraws the fences that use it', async () => {
        const people = await vscode.workspace.openTextDocument(fileUri('md-people.journey'));
        const edit = new vscode.WorkspaceEdit();
        edit.replace(people.uri, new vscode.Range(0, 12, 0, 25), '"Travel app"');
        assert(await vscode.workspace.applyEdit(edit), 'the edit of md-people.journey failed');
        assert(people.getText().startsWith('channel app "Travel app" online'), `md-people.journey: ${people.getText()}`);
        await blocksWhen('the flow fence redrawn with the new channel label', 3, (b) => b[1].svgs === 1 && b[1].text.includes('Travel app'));
        const guide = await vscode.workspace.openTextDocument(fileUri('guide.md'));
        await vscode.window.showTextDocument(guide, vscode.ViewColumn.One);
    });

    test('follows the theme of VS Code', async () => {
        const before = (await blocksWhen('the drawn maps', 3, (b) => b[0].svgs === 1))[0].style;
        const settings = vscode.workspace.getConfiguration('workbench');
        await settings.update('colorTheme', 'Default Dark Modern', vscode.ConfigurationTarget.Global);
        try {
            const dark = await drawnInTheme('dark', 'vscode-dark', [before]);
            // The canvas (the first fence's view) gets the preview's dark cells, not Mermaid's light pastels.
            const [canvas] = (await previewBlocks()).blocks;
            assert(canvas.view === 'canvas' && canvas.cellFills.length > 0, `the first fence: the ${canvas.view} view, ${canvas.cellFills.length} step cells`);
            assert(canvas.cellFills.every((fill) => brightness(fill) < 0.35), `step cells on a dark page: ${canvas.cellFills.join(', ')}`);
            // High contrast: the theme's own colours (black background, white lines), not Mermaid's dark theme.
            await settings.update('colorTheme', 'Default High Contrast', vscode.ConfigurationTarget.Global);
            await drawnInTheme('high-contrast', 'vscode-high-contrast', [before, dark]);
        } finally {
            await settings.update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
        }
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await vscode.workspace.fs.delete(fileUri('guide.md'));
        await vscode.workspace.fs.delete(fileUri('md-people.journey'));
    });

    test('a map too wide for the page comes in pieces, each under the stages it shows, as on GitHub', async () => {
        const wide = ['# A long journey', '', '```journey journey', generateMap(30).text.trimEnd(), '```', ''].join('\n');
        await vscode.workspace.fs.writeFile(fileUri('wide.md'), new TextEncoder().encode(wide));
        try {
            const document = await vscode.workspace.openTextDocument(fileUri('wide.md'));
            await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
            await vscode.commands.executeCommand('markdown.showPreviewToSide', document.uri);
            const inPieces = (b: PreviewBlock[]) => b[0].state === 'diagram' && b[0].svgs >= 2 && b[0].svgs === b[0].captions.length;
            await blocksWhen('the journey view drawn in pieces', 1, inPieces);
            // The plugin asks the preview to render again a few times after its answers: the pieces stay drawn.
            await new Promise((resolve) => setTimeout(resolve, 6000));
            const [block] = await blocksWhen('the pieces still drawn', 1, inPieces);
            assert(block.view === 'journey' && block.role === 'journey', `the ${block.view} view, drawn as ${block.role}`);
            assert(block.captions.every((caption) => caption.trim() !== ''), `captions: ${JSON.stringify(block.captions)}`);
            // Each piece is laid out for GitHub's 880-pixel column: its 14-pixel labels read at 11 or more there
            // (the whole view is several times wider). A preview narrower than the column shows them smaller, as GitHub would.
            assert(block.widths.every((width) => width > 0 && width * (11 / 14) <= 880), `pieces ${block.widths.map(Math.round).join(', ')} pixels wide`);
            await askRunner(control(), 'screenshot', { name: 'markdown-preview-pieces' });
        } finally {
            await vscode.commands.executeCommand('workbench.action.closeAllEditors');
            await vscode.workspace.fs.delete(fileUri('wide.md'));
        }
    });
});
