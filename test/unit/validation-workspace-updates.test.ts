/** Specification: workspace-wide diagnostics follow edits of other files, as in the editor (the workspace is updated, not rebuilt from scratch). */
import { DocumentState, URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createTestServices, issuesOf, validateJourney, validateWorkspace } from '../helpers.js';

/** Builds `files`, then returns a function that edits one file as the editor does and waits for the rebuild. */
async function workspaceWith(files: Record<string, string>) {
    const services = createTestServices();
    const results = await validateWorkspace(files, services);
    const workspace = services.shared.workspace;
    const validated: string[] = [];
    workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, (document) => {
        validated.push(document.uri.path.slice('/workspace/'.length));
    });
    let version = 1;
    const edit = async (name: string, text: string) => {
        const uri = URI.parse(`file:///workspace/${name}`);
        workspace.TextDocuments!.set(TextDocument.create(uri.toString(), 'journey', ++version, text));
        validated.length = 0;
        await workspace.DocumentBuilder.update([uri], []);
    };
    const issues = (name: string) => issuesOf({ diagnostics: results[name].document.diagnostics ?? [] });
    return { issues, edit, validated };
}

describe('after an edit in another file', () => {
    test('a shared persona stops being "unused" when a map starts using it', async () => {
        const { issues, edit } = await workspaceWith({
            'people.journey': 'persona alex\npersona sam',
            'map.journey': 'journey m { stage s { touchpoint t { persona alex } } }',
        });
        expect(issues('people.journey')).toEqual([
            "unused-persona: Shared persona 'sam' is not used by any map of the workspace yet. Add 'persona sam' to a touchpoint, or remove it.",
        ]);
        await edit('map.journey', 'journey m { stage s { touchpoint t { persona alex persona sam } } }');
        expect(issues('people.journey')).toEqual([]);
    });

    test('a duplicate shared id disappears from both files when one is renamed', async () => {
        const { issues, edit } = await workspaceWith({
            'people.journey': 'persona alex',
            'more.journey': 'persona alex',
            'map.journey': 'journey m { stage s { touchpoint t { persona bob } } }',
        });
        expect(issues('people.journey').filter((line) => line.startsWith('duplicate-id'))).toHaveLength(1);
        await edit('more.journey', 'persona bob');
        expect(issues('more.journey')).toEqual([]);
        expect(issues('people.journey').filter((line) => line.startsWith('duplicate-id'))).toEqual([]);
    });

    test('a journey renamed to an id already taken is reported in both files, and the clash clears when renamed back', async () => {
        const { issues, edit } = await workspaceWith({
            'a.journey': 'journey booking { stage s { touchpoint t } }',
            'b.journey': 'journey renewal { stage s { touchpoint t } }',
        });
        await edit('b.journey', 'journey booking { stage s { touchpoint t } }');
        expect(issues('a.journey')).toEqual(["duplicate-id: Another journey also has the id 'booking' (in b.journey (line 1)). Rename one: each map needs its own id."]);
        expect(issues('b.journey')).toEqual(["duplicate-id: Another journey also has the id 'booking' (in a.journey (line 1)). Rename one: each map needs its own id."]);
        await edit('b.journey', 'journey renewal { stage s { touchpoint t } }');
        expect(issues('a.journey')).toEqual([]);
    });

    test('a map learns that its local persona now hides a new shared one', async () => {
        const { issues, edit } = await workspaceWith({
            'people.journey': 'persona bob',
            'map.journey': 'journey m { persona alex stage s { touchpoint t { persona alex } } }',
        });
        expect(issues('map.journey')).toEqual([]);
        await edit('people.journey', 'persona bob\npersona alex');
        expect(issues('map.journey')).toEqual([
            "hides-shared: This persona hides the shared persona 'alex' declared in people.journey (line 2): in this journey, 'alex' now means this one. Rename it, or remove it to use the shared one.",
        ]);
    });

    test('maps with nothing in common with the edited file are not revalidated', async () => {
        const { edit, validated } = await workspaceWith({
            'people.journey': 'persona alex',
            'a.journey': 'journey a { stage s { touchpoint t { persona alex } } }',
            'b.journey': 'journey b { stage s { touchpoint t { persona alex } } }',
        });
        await edit('b.journey', 'journey b { stage s { touchpoint u { persona alex } } }');
        expect(validated.sort()).toEqual(['b.journey', 'people.journey']);
    });
});

describe('building one more document', () => {
    test('keeps the diagnostics of the documents already built', async () => {
        const services = createTestServices();
        const people = await validateJourney('persona alex\npersona sam', { services, uri: 'file:///workspace/people.journey' });
        expect(issuesOf(people)).toHaveLength(2);
        await validateJourney('journey m { stage s { touchpoint t { persona alex } } }', { services, uri: 'file:///workspace/map.journey' });
        expect(people.document.diagnostics).toBeDefined();
        expect(people.document.state).toBe(DocumentState.Validated);
    });
});
