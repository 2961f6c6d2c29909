/** `journey/diff`, the language server's request behind the editor's compare: real services, real documents. */
import { describe, expect, test } from 'vitest';
import { computeJourneyDiff } from '../../language-server/src/lsp/journey-diff-request.js';
import { createTestServices, parseJourney } from '../helpers.js';

const SHARED = 'persona alex "Alex"\nteam sales "Sales"\n';
const CURRENT = `journey booking "Booking" {
  state current
  stage consider "Consider" {
    touchpoint calls "Calls for a quote" { persona alex owner sales emotion 1 }
    touchpoint visits "Visits the site" { emotion 3 }
  }
}
`;
const FUTURE = CURRENT.replace('journey booking "Booking"', 'journey booking_future "Booking"').replace('state current', 'state future').replace('emotion 1', 'emotion 4');

/** A workspace of real documents: the shared file and the maps given. */
async function workspace(files: Record<string, string>) {
    const services = createTestServices();
    await parseJourney(SHARED, { services, uri: 'file:///ws/people.journey' });
    for (const [name, text] of Object.entries(files)) await parseJourney(text, { services, uri: `file:///ws/${name}` });
    return services.shared;
}

describe('journey/diff', () => {
    test('another document as the base (as-is against to-be): title, summary, sections and highlighted "after" views', async () => {
        const shared = await workspace({ 'current.journey': CURRENT, 'future.journey': FUTURE });
        const result = await computeJourneyDiff(shared, { uri: 'file:///ws/future.journey', baseUri: 'file:///ws/current.journey' });
        expect(result.missing).toBeUndefined();
        expect(result.title).toBe('Booking: current → future');
        expect(result.summary).toContain('mean emotion in Consider 2.0 → 3.5');
        expect(result.before).toMatchObject({ label: 'current.journey', journeyId: 'booking', state: 'current' });
        expect(result.after).toMatchObject({ label: 'future.journey', journeyId: 'booking_future', state: 'future' });
        expect(result.sections).toEqual([
            { title: 'Whole map', rows: [{ kind: 'journey', id: 'booking_future', label: 'Booking', changes: ['id booking → booking_future', 'state current → future'] }] },
            { title: 'Stage Consider', stage: 'consider', rows: [{ kind: 'touchpoint', id: 'calls', label: 'Calls for a quote', changes: ['emotion 1 → 4 (better)'] }] },
        ]);
        expect(result.highlight).toEqual(['calls']);
        const journeyAfter = result.after.views.find((view) => view.view === 'journey');
        const journeyBefore = result.before.views.find((view) => view.view === 'journey');
        expect(journeyAfter?.kind === 'diagram' && journeyAfter.mermaid).toContain('★ Calls for a quote');
        expect(journeyBefore?.kind === 'diagram' && journeyBefore.mermaid).not.toContain('★');
    });

    test('an older text as the base (the file at HEAD), with the workspace\'s shared declarations resolved', async () => {
        const shared = await workspace({ 'booking.journey': CURRENT.replace('emotion 1', 'emotion 2') });
        const result = await computeJourneyDiff(shared, { uri: 'file:///ws/booking.journey', baseText: CURRENT, baseLabel: 'HEAD' });
        expect(result.before.label).toBe('HEAD');
        expect(result.changes).toEqual([expect.objectContaining({ change: 'property', id: 'calls', property: 'emotion', before: 1, after: 2 })]);
        // The persona and team of the old text resolved: no spurious persona/owner change.
        expect(result.changes.some((change) => change.change === 'property' && (change.property === 'persona' || change.property === 'owner'))).toBe(false);
    });

    test('the same text: no changes and nothing highlighted', async () => {
        const shared = await workspace({ 'booking.journey': CURRENT });
        const result = await computeJourneyDiff(shared, { uri: 'file:///ws/booking.journey', baseText: CURRENT, baseLabel: 'HEAD' });
        expect(result.changes).toEqual([]);
        expect(result.summary).toBe('no changes');
        expect(result.highlight).toEqual([]);
    });

    test('a file new since HEAD (empty base): every element added, only "after" views', async () => {
        const shared = await workspace({ 'booking.journey': CURRENT });
        const result = await computeJourneyDiff(shared, { uri: 'file:///ws/booking.journey', baseText: '', baseLabel: 'HEAD' });
        expect(result.summary).toMatch(/^new map: 1 stage, 2 touchpoints/);
        expect(result.before.views).toEqual([]);
        expect(result.after.views.length).toBe(3);
    });

    test('an unknown document answers "missing"', async () => {
        const shared = await workspace({});
        const result = await computeJourneyDiff(shared, { uri: 'file:///ws/nope.journey', baseText: '' });
        expect(result.missing).toBe(true);
    });
});
