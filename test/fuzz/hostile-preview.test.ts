/**
 * Hostile labels in the real preview page (the extension's webview with its CSP, in Chromium):
 * script tags, event handlers, `javascript:` links, CSS injection, Mermaid directives and entity
 * codes written inside labels. In every view nothing executes, nothing is requested, Mermaid's
 * configuration does not change, and the reader sees the text exactly as written.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildJourneyModel } from '../../language-server/src/model/build-model.js';
import { renderAllViews, VIEW_IDS, type ViewResult } from '../../language-server/src/views/index.js';
import { labelsDrawnBy } from '../browser/view-labels.js';
import { withoutSpaces } from '../browser/harness.js';
import { parseJourney } from '../helpers.js';
import { PreviewPage } from '../support/preview-page.js';

/** Labels that would do harm if any layer let them through as markup, script, style or directive. */
const HOSTILE = {
    script: '<script>window.__pwned = "script"</script>',
    image: '<img src=x onerror="window.__pwned = \'img\'">',
    handler: '<b onmouseover="window.__pwned = 1">hover me</b>',
    link: '<a href="javascript:window.__pwned = \'link\'">click</a>',
    svg: '<svg onload="window.__pwned = \'svg\'"></svg>',
    css: '</style><style>#canvas { display: none } body { background: url(https://evil.test/x) }</style>',
    directive: '%%{init: {"theme": "dark", "fontFamily": "pwned-font", "themeVariables": {"primaryColor": "#ff0000"}}}%%',
    click: 'click tp_a call alert(1)',
    entities: '#lt;script#gt;window.__pwned = 1#lt;/script#gt; &lt;b&gt;',
    quotes: 'She said "no"; he said \'yes\' & left: [a] {b} (c) #d',
};

/** A .journey string literal for `text`. */
function quoted(text: string): string {
    return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

const MAP = `journey hostile ${quoted(HOSTILE.quotes)} {
  persona alex ${quoted(HOSTILE.handler)}
  channel web ${quoted(HOSTILE.link)} online
  team ops ${quoted(HOSTILE.css)}
  stage one ${quoted(HOSTILE.directive)} {
    touchpoint tp_a ${quoted(HOSTILE.script)} {
      persona alex
      channel web
      owner ops
      emotion 2
      emotion 4 for alex
      expected 4
      pain ${quoted(HOSTILE.image)}
      backstage ${quoted(HOSTILE.svg)}
      reach 1000
    }
    decision d ${quoted(HOSTILE.click)} {
      ${quoted(HOSTILE.entities)} -> tp_b
      ${quoted(HOSTILE.quotes)} -> lost
    }
  }
  stage two ${quoted(HOSTILE.entities)} {
    touchpoint tp_b ${quoted(HOSTILE.directive)} {
      persona alex
      channel web
      owner ops
      emotion 4
      reach 600
    }
  }
  outcome lost ${quoted(HOSTILE.svg)}
  action fix ${quoted(HOSTILE.click)} {
    improves tp_a
    impact 4
    effort 2
    owner ops
  }
  action other ${quoted(HOSTILE.script)} {
    improves tp_b
    impact 2
    effort 4
  }
}
`;

describe('hostile labels in the preview page', () => {
    let preview: PreviewPage;
    let views: ViewResult[];
    let labels: Map<string, string[]>;

    beforeAll(async () => {
        const document = await parseJourney(MAP);
        const errors = (document.diagnostics ?? []).filter((d) => d.severity === 1);
        expect(errors.map((d) => d.message)).toEqual([]);
        const model = buildJourneyModel(document)!;
        views = renderAllViews(model);
        labels = new Map(VIEW_IDS.map((view) => [view, labelsDrawnBy(model, view)]));
        preview = await PreviewPage.open();
        const shown = await preview.update({ type: 'update', uri: 'file:///bench/map.journey', fileName: 'map.journey', version: 1, title: model.label, views, errors: [], limits: { maxTextSize: 50_000, maxEdges: 500 } });
        expect(shown.rendered.shows).toBe('diagram');
    }, 60_000);
    afterAll(async () => {
        await preview?.close();
    });

    test.each(VIEW_IDS.map((view) => [view]))('the %s view runs nothing, loads nothing, keeps its configuration and shows the labels as written', async (view) => {
        const outcome = view === 'journey' ? undefined : await preview.selectView(view);
        if (outcome) expect(outcome.rendered.shows, outcome.rendered.message).toBe('diagram');
        expect(await preview.canaryTripped(), 'a label ran script').toBe(false);
        expect(preview.dialogs, 'a label opened a dialog').toEqual([]);
        expect(preview.strayRequests, 'a label made the page request something').toEqual([]);
        expect(await preview.activeContent(), 'the diagram holds active content').toEqual([]);
        const styles = await preview.diagramStyles();
        expect(styles, 'a %%{init}%% directive inside a label changed the font').not.toContain('pwned-font');
        expect(styles.toLowerCase(), 'a %%{init}%% directive inside a label changed the colours').not.toContain('#ff0000');
        expect(await preview.page.isVisible('#canvas'), 'CSS from a label hid the diagram').toBe(true);
        const visible = withoutSpaces(await preview.visibleText());
        for (const label of labels.get(view)!) {
            expect(visible.includes(withoutSpaces(label)), `the ${view} view should show ${JSON.stringify(label)} as written`).toBe(true);
        }
    });
});
