/** The formatter: one canonical layout, idempotent, never losing a comment or a label's character. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expectFormatting } from 'langium/test';
import { describe, expect, test } from 'vitest';
import { applyTextEdits, formatDocumentText } from '../../language-server/src/editor/journey-formatter.js';
import { createTestServices, parseJourney } from '../helpers.js';

const services = createTestServices();
const expectFormatted = expectFormatting(services.Journey);

/** Formats `text` the way the editor and the CLI do. */
async function format(text: string): Promise<string> {
    const fresh = createTestServices();
    const document = await parseJourney(text, { services: fresh });
    return formatDocumentText(fresh.Journey.lsp.Formatter!, document);
}

function journeyFiles(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
        const file = join(dir, name);
        return statSync(file).isDirectory() ? journeyFiles(file) : name.endsWith('.journey') ? [file] : [];
    });
}

const messy = `// A map written in a hurry.
journey   booking 'Booking a cleaning'{state current
description "From search to review"
persona alex "Alex" { goal "Clean house" need "Book in the evening" }
  channel phone "Phone"   offline
   team sales "Sales"
stage awareness "Awareness" { kpi views "Views" target 5000 unit "views"
touchpoint finds "Finds us" { channel phone owner sales emotion 3 for alex
expected 4 pain "Slow" moment of truth next calls } }
stage consideration { touchpoint calls { emotion 1 } decision choose "Books?" { "yes" -> calls "no" -> lost } }
outcome lost "Lost"
action quote "Instant quote" { improves calls impact 5 effort 2 owner sales } }`;

const canonical = `// A map written in a hurry.
journey booking "Booking a cleaning" {
  state current
  description "From search to review"

  persona alex "Alex" {
    goal "Clean house"
    need "Book in the evening"
  }

  channel phone "Phone" offline
  team sales "Sales"

  stage awareness "Awareness" {
    kpi views "Views" target 5000 unit "views"
    touchpoint finds "Finds us" {
      channel phone
      owner sales
      emotion 3 for alex
      expected 4
      pain "Slow"
      moment of truth
      next calls
    }
  }

  stage consideration {
    touchpoint calls {
      emotion 1
    }
    decision choose "Books?" {
      "yes" -> calls
      "no" -> lost
    }
  }

  outcome lost "Lost"

  action quote "Instant quote" {
    improves calls
    impact 5
    effort 2
    owner sales
  }
}
`;

describe('the canonical layout', () => {
    test('indents by two spaces, puts one fact per line and a blank line around stages and blocks', async () => {
        await expectFormatted({ before: messy, after: canonical });
    });

    test('is idempotent: formatting a formatted file changes nothing', async () => {
        expect(await format(canonical)).toBe(canonical);
        expect(await format(await format(messy))).toBe(await format(messy));
    });

    test('ignores the editor\'s indentation settings so every editor and the CLI agree', async () => {
        await expectFormatted({ before: messy, after: canonical, options: { tabSize: 8, insertSpaces: false } });
    });

    test('keeps at most one blank line that the author wrote between touchpoints, and removes the others', async () => {
        const before = 'journey j {\n  stage s {\n    touchpoint a\n\n\n\n    touchpoint b\n    touchpoint c\n  }\n}\n';
        await expectFormatted({ before, after: 'journey j {\n  stage s {\n    touchpoint a\n\n    touchpoint b\n    touchpoint c\n  }\n}\n' });
    });

    test('puts shared declarations one per line at the top level, without indentation', async () => {
        await expectFormatted({
            before: '  persona alex "Alex"   channel web "Web" online\n\n\n team sales',
            after: 'persona alex "Alex"\nchannel web "Web" online\n\nteam sales\n',
        });
    });

    test('writes an empty block as `{ }`', async () => {
        await expectFormatted({ before: 'journey j {\nstage s {\n\n}\n}', after: 'journey j {\n  stage s { }\n}\n' });
    });
});

describe('comments and labels', () => {
    const commented = `/* Header
   over two lines */
persona p "P" // shared persona
journey j {
// before state
state current
      /* before stage */
stage s {
    // first in stage
    touchpoint t { emotion 3 for p // trailing
      // inside, own line
      moment of truth }
}
// before the last stage
stage s2 { }
    // after the last element
}
// end of file`;

    test('keeps every comment, indented like the fact it precedes, and end-of-line comments where they are', async () => {
        const formatted = await format(commented);
        expect(formatted).toBe(`/* Header
   over two lines */
persona p "P" // shared persona

journey j {
  // before state
  state current

  /* before stage */
  stage s {
    // first in stage
    touchpoint t {
      emotion 3 for p // trailing
      // inside, own line
      moment of truth
    }
  }

  // before the last stage
  stage s2 { }
  // after the last element
}
// end of file
`);
        const comments = (text: string) => text.match(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g);
        expect(comments(formatted)).toEqual(comments(commented));
        expect(await format(formatted)).toBe(formatted);
    });

    test('removes blank lines at the top of the file, also above a first comment', async () => {
        const map = 'journey j {\n  stage s {\n    touchpoint t\n  }\n}\n';
        expect(await format(`\n\n\n// top\n${map}`)).toBe(`// top\n${map}`);
        expect(await format(`\n  \n/* top */\n\n${map}`)).toBe(`/* top */\n\n${map}`);
        expect(await format(`\n\n${map}`)).toBe(map);
    });

    test('keeps every character of labels in any script, with escapes as written', async () => {
        const labels = ['"Café ☕ — 早上好"', '"مرحبا بالعالم"', '"Say \\"hi\\" \\u00e9 \\n"', '"👩‍👩‍👧 family"', '"  spaces  kept  "'];
        const text = `journey j {\n  stage s {\n${labels.map((l, i) => `    touchpoint t${i} ${l}`).join('\n')}\n  }\n}\n`;
        const formatted = await format(text.replace(/\n {4}/g, '\n'));
        for (const label of labels) expect(formatted).toContain(label);
        expect(formatted).toBe(text);
    });

    test('turns single quotes into double quotes only when the text cannot change', async () => {
        const formatted = await format(`persona a 'Alex'\npersona b 'Say "hi"'\npersona c 'It\\'s'\n`);
        expect(formatted).toBe(`persona a "Alex"\npersona b 'Say "hi"'\npersona c 'It\\'s'\n`);
    });

    test('leaves a file with syntax errors untouched', async () => {
        const broken = 'journey j {\n      stage s {\n touchpoint\n';
        expect(await format(broken)).toBe(broken);
    });
});

describe('range formatting', () => {
    test('formats only the lines of the range', async () => {
        const before = 'journey j {\nstage a {\ntouchpoint x { emotion 3 }\n}\nstage b {\ntouchpoint y { emotion 4 }\n}\n}\n';
        const fresh = createTestServices();
        const document = await parseJourney(before, { services: fresh });
        const edits = await fresh.Journey.lsp.Formatter!.formatDocumentRange(document, {
            textDocument: { uri: document.uri.toString() },
            options: { tabSize: 2, insertSpaces: true },
            range: { start: { line: 5, character: 0 }, end: { line: 5, character: 26 } },
        });
        expect(edits.length).toBeGreaterThan(0);
        for (const edit of edits) {
            expect(edit.range.start.line).toBeGreaterThanOrEqual(4);
            expect(edit.range.end.line).toBeLessThanOrEqual(5);
        }
        // Line 6 (the stage's `}`) is outside the selection and keeps its indentation.
        const after = applyTextEdits(before, edits, document).split('\n');
        expect(after[5]).toBe('    touchpoint y {');
        expect(after.slice(6)).toEqual(['      emotion 4', '    }', '}', '}', '']);
        // The same line selected whole (up to the start of the next line), as editors do.
        const whole = await fresh.Journey.lsp.Formatter!.formatDocumentRange(document, {
            textDocument: { uri: document.uri.toString() },
            options: { tabSize: 2, insertSpaces: true },
            range: { start: { line: 5, character: 0 }, end: { line: 6, character: 0 } },
        });
        expect(applyTextEdits(before, whole, document)).toBe(after.join('\n'));
    });
});

describe('the examples', () => {
    const files = journeyFiles('examples');
    test('exist', () => expect(files.length).toBeGreaterThan(0));
    test.each(files)('%s formats stably and keeps its comments and labels', async (file) => {
        const text = readFileSync(file, 'utf8');
        const once = await format(text);
        expect(await format(once)).toBe(once);
        const pieces = (t: string) => t.match(/\/\/[^\n]*|\/\*[\s\S]*?\*\/|"(?:\\.|[^"\\\r\n])*"/g);
        expect(pieces(once)).toEqual(pieces(text));
    });
});
