/** The Markdown example (examples/b2b/trial-week.md): every ```journey block is a clean map that uses the shared people of its folder. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { FenceWorkspace } from '../../language-server/src/markdown/markdown-fence-views.js';
import { findJourneyFences } from '../../language-server/src/markdown/markdown-fences.js';

const folder = resolve(import.meta.dirname, '../../examples/b2b');
const document = join(folder, 'trial-week.md');

describe('examples/b2b/trial-week.md', () => {
    test('each block draws its view without a diagnostic, with the personas, channels and teams of people.journey', async () => {
        const workspace = new FenceWorkspace();
        const texts = new Map(readdirSync(folder).filter((name) => name.endsWith('.journey'))
            .map((name) => [URI.file(join(folder, name)).toString(), readFileSync(join(folder, name), 'utf8')] as const));
        await workspace.setWorkspaceFiles(texts);
        const fences = findJourneyFences(readFileSync(document, 'utf8'));
        expect(fences.map((fence) => fence.argument)).toEqual(['emotion', 'blueprint']);
        for (const fence of fences) {
            const views = await workspace.viewsOf(fence.content, URI.file(document).toString(), fence.argument);
            expect(views.diagnostics.map((d) => `line ${fence.startLine + 2 + d.range.start.line}: ${d.message}`), `the ${fence.argument} block`).toEqual([]);
            expect(views.result?.kind, `the ${fence.argument} block`).toBe('diagram');
        }
    });
});
