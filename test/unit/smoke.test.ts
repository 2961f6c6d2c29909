import { describe, expect, test } from 'vitest';
import { buildJourneyModel } from '../../language-server/src/model/build-model.js';
import { parseJourney } from '../helpers.js';

describe('smoke', () => {
    test('parses the sketch', async () => {
        const doc = await parseJourney(`
journey booking "Booking a home cleaning" {
  state current
  persona alex "Alex" { goal "g" }
  channel phone "Phone" offline
  team sales "Sales"
  stage a "A" {
    kpi k "K" target 5 unit "%"
    touchpoint calls "Calls \\u00e9 \\u{1F600}" { persona alex channel phone owner sales emotion 1 emotion 2 for alex expected 4 reach 2000 moment of truth next lost }
    decision choose "?" { "books" -> books  "no" -> lost }
  }
  stage b { touchpoint books }
  outcome lost "Lost"
  action x { improves calls impact 5 effort 2 owner sales }
}`);
        expect(doc.parseResult.lexerErrors).toEqual([]);
        expect(doc.parseResult.parserErrors).toEqual([]);
        const model = buildJourneyModel(doc)!;
        console.log(JSON.stringify(model.flow), model.stages[0].steps[0].label, doc.diagnostics);
        expect(model.stages[0].steps[0].label).toBe('Calls é 😀');
    });
});
