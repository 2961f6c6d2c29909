/**
 * What the walkthrough shows of the product, made by the product's own modules (bundled and run by
 * scripts/walkthrough-media.mjs): the template map drawn in the light and the dark theme, and what
 * completion offers in it.
 */
import { EmptyFileSystem, URI } from 'langium';
import { createJourneyServices } from '../language-server/src/journey-module.js';
import { buildJourneyModel } from '../language-server/src/model/build-model.js';
import { MermaidRenderer } from '../language-server/src/render/mermaid-renderer.js';
import { newJourneyMap, type NewJourneyMap } from '../language-server/src/templates/journey-template.js';
import { renderView, type ViewId } from '../language-server/src/views/index.js';

/** The view's Mermaid text in a theme, set in its front matter (or a new one). */
function themed(text: string, theme: 'default' | 'dark'): string {
    if (text.startsWith('---\n') && /^config:$/m.test(text)) return text.replace(/^config:$/m, `config:\n  theme: ${theme}`);
    return `---\nconfig:\n  theme: ${theme}\n---\n${text}`;
}

/** The template map for `name`, its views as SVG files (`<view>-light.svg`, `<view>-dark.svg`), and the completion after `channel `. */
export async function draw(name: string, views: ViewId[]): Promise<{ map: NewJourneyMap; files: Record<string, string>; completion: Array<{ label: string; detail: string }> }> {
    const map = newJourneyMap(name);
    const services = createJourneyServices(EmptyFileSystem);
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(map.text, URI.file(`/walkthrough/${map.id}.journey`));
    services.shared.workspace.LangiumDocuments.addDocument(document);
    await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
    const model = buildJourneyModel(document as Parameters<typeof buildJourneyModel>[0]);
    if (!model) throw new Error('the template holds no journey');
    const renderer = await MermaidRenderer.launch({ width: 900 });
    const files: Record<string, string> = {};
    try {
        for (const view of views) {
            const result = renderView(model, view);
            if (result.kind !== 'diagram') throw new Error(`the ${view} view of the template draws nothing`);
            for (const theme of ['default', 'dark'] as const) {
                const drawn = await renderer.render(themed(result.mermaid, theme));
                if (drawn.error !== undefined || !drawn.svg) throw new Error(`Mermaid could not draw the ${view} view: ${drawn.error}`);
                files[`${view}-${theme === 'default' ? 'light' : 'dark'}.svg`] = drawn.svg;
            }
        }
    } finally {
        await renderer.close();
    }
    const lines = map.text.split('\n');
    const line = lines.findIndex((text) => text.trim() === 'channel phone');
    const character = lines[line].indexOf('channel ') + 'channel '.length;
    const list = await services.Journey.lsp.CompletionProvider!.getCompletion(document, { textDocument: { uri: document.uri.toString() }, position: { line, character } });
    const completion = (list?.items ?? []).map((item) => ({ label: item.label, detail: item.detail ?? item.labelDetails?.description ?? '' }));
    return { map, files, completion };
}
