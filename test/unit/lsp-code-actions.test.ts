/** Quick fixes: each applies cleanly and leaves a valid document. */
import type { LangiumDocument } from 'langium';
import { testCodeAction } from 'langium/test';
import { describe, expect, test } from 'vitest';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver';
import { createTestServices, parseJourney } from '../helpers.js';

type Services = ReturnType<typeof createTestServices>;

const codeOf = (d: Diagnostic) => (d.data as { code?: string } | undefined)?.code ?? d.code;

function apply(document: LangiumDocument, edits: TextEdit[] = []): string {
    const doc = document.textDocument;
    let text = doc.getText();
    for (const edit of [...edits].sort((a, b) => doc.offsetAt(b.range.start) - doc.offsetAt(a.range.start))) {
        text = text.slice(0, doc.offsetAt(edit.range.start)) + edit.newText + text.slice(doc.offsetAt(edit.range.end));
    }
    return text;
}

/** The quick fixes offered for the diagnostics with `code` in `text`. */
async function fixes(text: string, code: string, services: Services = createTestServices(), uri = 'file:///ws/map.journey') {
    const document = await parseJourney(text, { services, uri });
    const diagnostics = (document.diagnostics ?? []).filter((d) => codeOf(d) === code);
    expect(diagnostics.length, `a ${code} diagnostic in:\n${text}\nall: ${JSON.stringify(document.diagnostics?.map(codeOf))}`).toBeGreaterThan(0);
    const actions = (await services.Journey.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri: document.uri.toString() },
        range: diagnostics[0]!.range,
        context: { diagnostics },
    })) as CodeAction[];
    return { document, actions, services };
}

/** Applies the action titled `title` and returns the text of `uri` afterwards. */
function applied(actions: CodeAction[], title: string | RegExp, document: LangiumDocument): string {
    const action = actions.find((a) => (typeof title === 'string' ? a.title === title : title.test(a.title)));
    expect(action, `an action "${title}" among ${actions.map((a) => a.title).join(' | ')}`).toBeDefined();
    return apply(document, action!.edit!.changes![document.uri.toString()]);
}

/** Parses `text` afresh and returns the codes of its errors. */
async function errorsOf(text: string, shared?: string): Promise<unknown[]> {
    const services = createTestServices();
    if (shared) await parseJourney(shared, { services, uri: 'file:///ws/people.journey' });
    const document = await parseJourney(text, { services, uri: 'file:///ws/map.journey' });
    return (document.diagnostics ?? []).filter((d) => d.severity === 1).map(codeOf);
}

const base = (touchpoint: string) => `journey j "J" {
  persona alex "Alex"
  channel web "Web" online
  team sales "Sales"

  stage s "S" {
    touchpoint a "A" {
${touchpoint.split('\n').map((l) => `      ${l}`).join('\n')}
    }
  }
}
`;

describe('create what an unresolved reference names', () => {
    test.each([
        ['persona alex\npersona sam', "Create persona 'sam' in this journey", '  persona sam "Sam"'],
        ['persona alex\nchannel phone', "Create channel 'phone' in this journey", '  channel phone "Phone"'],
        ['persona alex\nowner call_centre', "Create team 'call_centre' in this journey", '  team call_centre "Call centre"'],
        ['persona alex\nnext follow_up', "Create touchpoint 'follow_up' in stage 's'", '    touchpoint follow_up "Follow up"'],
        ['persona alex\nnext gone', "Create outcome 'gone'", '  outcome gone "Gone"'],
    ])('%s → %s', async (facts, title, line) => {
        const { document, actions } = await fixes(base(facts), 'linking-error');
        const text = applied(actions, title, document);
        expect(text.split('\n')).toContain(line);
        expect(await errorsOf(text)).toEqual([]);
    });

    test('a missing persona can also be created in the workspace\'s shared file', async () => {
        const services = createTestServices();
        const shared = await parseJourney('persona kim "Kim"\nchannel web "Web" online\n', { services, uri: 'file:///ws/people.journey' });
        const { actions } = await fixes(base('persona sam'), 'linking-error', services);
        const action = actions.find((a) => a.title === "Create shared persona 'sam' in people.journey")!;
        expect(action).toBeDefined();
        const sharedText = apply(shared, action.edit!.changes![shared.uri.toString()]);
        expect(sharedText).toBe('persona kim "Kim"\npersona sam "Sam"\nchannel web "Web" online\n');
        expect(await errorsOf(base('persona sam'), sharedText)).toEqual([]);
    });

    test('an action that improves a missing touchpoint creates it in the last stage', async () => {
        const text = 'journey j {\n  stage s {\n    touchpoint a\n  }\n  action fix {\n    improves b\n  }\n}\n';
        const { document, actions } = await fixes(text, 'linking-error');
        const result = applied(actions, "Create touchpoint 'b' in stage 's'", document);
        expect(result).toContain('    touchpoint a\n    touchpoint b "B"\n  }');
        expect(await errorsOf(result)).toEqual([]);
    });
});

describe('scores and numbers', () => {
    test.each([
        ['emotion 7', 'emotion 5'],
        ['emotion 0', 'emotion 1'],
        ['expected 3.6', 'expected 4'],
    ])('%s → %s', async (fact, fixed) => {
        const code = fact.includes('.') ? 'score-not-whole' : 'score-out-of-range';
        const { document, actions } = await fixes(base(`persona alex\n${fact}`), code);
        const text = applied(actions, /^Change .* to \d$/, document);
        expect(text).toContain(fixed);
        expect(await errorsOf(text)).toEqual([]);
    });

    test('an action\'s impact outside 1..5 is clamped', async () => {
        const text = 'journey j {\n  stage s {\n    touchpoint a\n  }\n  action fix {\n    improves a\n    impact 9\n    effort 2\n  }\n}\n';
        const { document, actions } = await fixes(text, 'score-out-of-range');
        expect(applied(actions, 'Change 9 to 5', document)).toContain('impact 5');
    });
});

describe('labels', () => {
    test('a decision branch without a label gets the label of its target', async () => {
        const text = 'journey j {\n  stage s {\n    touchpoint a\n    decision d "Go?" {\n      "yes" -> a\n      -> lost\n    }\n  }\n  outcome lost "Lost to a competitor"\n}\n';
        const { document, actions } = await fixes(text, 'missing-label');
        const result = applied(actions, 'Add the label "Lost to a competitor"', document);
        expect(result).toContain('      "Lost to a competitor" -> lost\n');
        expect(await errorsOf(result)).toEqual([]);
    });

    test('an empty label becomes one made from the id', async () => {
        const text = base('persona alex').replace('touchpoint a "A"', 'touchpoint calls_back ""');
        const { document, actions } = await fixes(text, 'empty-label');
        expect(applied(actions, 'Use the label "Calls back"', document)).toContain('touchpoint calls_back "Calls back" {');
    });

    test('an empty branch label becomes the label of the step it leads to, not the decision\'s id', async () => {
        const text = 'journey j {\n  stage s {\n    touchpoint a\n    decision pick_one "Q" {\n      "" -> lost\n      "b" -> a\n    }\n  }\n  outcome lost "Lost to a competitor"\n}\n';
        const { document, actions } = await fixes(text, 'empty-label');
        expect(actions.map((a) => a.title)).toEqual(['Use the label "Lost to a competitor"']);
        expect(applied(actions, 'Use the label "Lost to a competitor"', document)).toContain('      "Lost to a competitor" -> lost\n');
    });

    test('"Add a label" is offered on the id of an element without one', async () => {
        const services = createTestServices();
        const text = 'journey j {\n  stage first_steps {\n    touchpoint a\n  }\n}\n';
        const document = await parseJourney(text, { services });
        const at = text.indexOf('first_steps') + 2;
        const actions = (await services.Journey.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.uri.toString() },
            range: { start: document.textDocument.positionAt(at), end: document.textDocument.positionAt(at) },
            context: { diagnostics: [] },
        })) as CodeAction[];
        expect(applied(actions, 'Add the label "First steps"', document)).toContain('stage first_steps "First steps" {');
    });
});

describe('repeated facts', () => {
    test('a second reach is removed with its line', async () => {
        const { document, actions } = await fixes(base('persona alex\nreach 100\nreach 200'), 'duplicate-fact');
        const text = applied(actions, 'Remove this repeated fact', document);
        expect(text).toBe(base('persona alex\nreach 100'));
        expect(await errorsOf(text)).toEqual([]);
    });
});

describe('a local copy of a shared element', () => {
    test('is removed so that the shared one is used', async () => {
        const services = createTestServices();
        await parseJourney('channel web "Website" online\n', { services, uri: 'file:///ws/people.journey' });
        const { document, actions } = await fixes(base('persona alex\nchannel web'), 'hides-shared', services);
        const text = applied(actions, "Remove this channel and use the shared channel 'web'", document);
        expect(text).toBe(base('persona alex\nchannel web').replace('  channel web "Web" online\n', ''));
        expect(await errorsOf(text, 'channel web "Website" online\n')).toEqual([]);
    });
});

describe('unused persona', () => {
    test('is removed with its lines', async () => {
        const text = base('persona alex').replace('  persona alex "Alex"\n', '  persona alex "Alex"\n  persona ghost "Ghost" {\n    goal "Nothing"\n  }\n');
        const { document, actions } = await fixes(text, 'unused-persona');
        const result = applied(actions, "Remove unused persona 'ghost'", document);
        expect(result).toBe(base('persona alex'));
    });
});

describe('through langium/test testCodeAction (one fix, applied, diagnostic gone)', () => {
    test('an emotion of 9 becomes 5', async () => {
        const before = 'journey j {\n  stage s {\n    touchpoint t {\n      emotion 9\n    }\n  }\n}\n';
        await testCodeAction(createTestServices().Journey)(before, 'score-out-of-range', before.replace('emotion 9', 'emotion 5'));
    });
});

describe('an empty fact', () => {
    test('is removed with its keyword, and the map is clean of it', async () => {
        const text = base('emotion 3\npain ""\ngain "Quick"');
        const { document, actions } = await fixes(text, 'empty-fact');
        const after = applied(actions, 'Remove this empty fact', document);
        expect(after).toBe(text.replace('      pain ""\n', ''));
        const again = await parseJourney(after, { uri: 'file:///ws/map.journey' });
        expect((again.diagnostics ?? []).map(codeOf)).not.toContain('empty-fact');
    });

    test('written on the line of other words, it goes with the space before it', async () => {
        const text = 'journey j "J" {\n  stage s "S" {\n    kpi k "K" unit "" target 5\n    touchpoint t "T"\n  }\n}\n';
        const { document, actions } = await fixes(text, 'empty-fact');
        expect(applied(actions, 'Remove this empty fact', document)).toBe(text.replace(' unit ""', ''));
    });
});

describe('a backslash that makes no escape', () => {
    test('is written as a backslash, and the label then reads as typed', async () => {
        const text = base(String.raw`backstage "Shared drive C:\Journeys"`);
        const { document, actions } = await fixes(text, 'unknown-escape');
        const after = applied(actions, String.raw`Keep the backslash: write \\J`, document);
        expect(after).toContain(String.raw`backstage "Shared drive C:\\Journeys"`);
        expect(actions[0]!.isPreferred).toBe(true);
        const again = await parseJourney(after, { uri: 'file:///ws/map.journey' });
        expect((again.diagnostics ?? []).map(codeOf)).not.toContain('unknown-escape');
    });
});

describe('a label between typographic quotes', () => {
    test('gets straight quotes, and the map is valid', async () => {
        const text = base('pain “Slow reply”\ngain ‘Friendly’');
        const { document, actions } = await fixes(text, 'lexing-error');
        const after = applied(actions, 'Use straight quotes', document);
        expect(after).toContain('pain "Slow reply"');
        expect(after).toContain('gain ‘Friendly’'); // each label is fixed on its own
        expect(actions[0]!.isPreferred).toBe(true);
        const second = await fixes(after, 'lexing-error');
        const fixed = applied(second.actions, 'Use straight quotes', second.document);
        expect(fixed).toContain("gain 'Friendly'");
        expect(await errorsOf(fixed)).toEqual([]);
    });

    test('a lone typographic quote gets no fix', async () => {
        const { actions } = await fixes(base('pain “Slow reply'), 'lexing-error');
        expect(actions.filter((a) => a.title === 'Use straight quotes')).toEqual([]);
    });
});


describe('a misspelt word gets the suggested correction as the preferred fix', () => {
    test('a reference: "Did you mean \'alex\'?" → Change to \'alex\', preferred over creating \'alx\'', async () => {
        const { document, actions } = await fixes(base('persona alx'), 'linking-error');
        expect(actions.filter((a) => a.isPreferred).map((a) => a.title)).toEqual(["Change to 'alex'"]);
        expect(actions.map((a) => a.title)).toContain("Create persona 'alx' in this journey");
        const text = applied(actions, "Change to 'alex'", document);
        expect(text).toContain('      persona alex\n');
        expect(await errorsOf(text)).toEqual([]);
    });

    test('a keyword: `emotoin 4` → Change to \'emotion\', preferred', async () => {
        const { document, actions } = await fixes(base('persona alex\nemotoin 4'), 'parsing-error');
        expect(actions.find((a) => a.isPreferred)?.title).toBe("Change to 'emotion'");
        const text = applied(actions, "Change to 'emotion'", document);
        expect(text).toContain('      emotion 4\n');
        expect(await errorsOf(text)).toEqual([]);
    });

    test('the same persona twice on a touchpoint is a warning, and its fix removes the repetition', async () => {
        const { document, actions } = await fixes(base('persona alex\nchannel web\npersona alex'), 'duplicate-fact');
        const warning = document.diagnostics!.find((d) => codeOf(d) === 'duplicate-fact')!;
        expect(warning.severity).toBe(2);
        expect(warning.message).toBe("Persona 'alex' is already listed on this touchpoint (line 8); remove the repetition.");
        const text = applied(actions, 'Remove this repeated fact', document);
        expect(text).toBe(base('persona alex\nchannel web'));
    });
});
