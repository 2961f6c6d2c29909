/** Specification: while a map is being typed (half-written lines, missing ids or numbers), the validator never crashes and never talks about "undefined". */
import { describe, expect, test } from 'vitest';
import { createTestServices, issuesOf, validateJourney } from '../helpers.js';

const MAP = `persona sam "Sam"
journey booking "Booking" {
  state current
  persona alex "Alex" { goal "g" }
  channel phone "Phone" offline
  team sales "Sales"
  stage awareness "Awareness" {
    kpi k "K" target 5 unit "%"
    touchpoint finds "Finds us" { persona alex channel phone owner sales emotion 3 for alex expected 4 reach 100 moment of truth next choose }
    decision choose "Books?" { "yes" -> books "no" -> lost }
  }
  stage purchase { touchpoint books { emotion 4 reach 50 } }
  outcome lost "Lost"
  action quote { improves finds impact 5 effort 2 owner sales }
}`;

/** Every way to cut the map short, or drop one word of it. */
function halfWritten(): string[] {
    const words = [...MAP.matchAll(/\S+/g)];
    const prefixes = words.map((word) => MAP.slice(0, word.index));
    const withoutOneWord = words.map((word) => MAP.slice(0, word.index) + MAP.slice(word.index + word[0].length));
    return [...prefixes, ...withoutOneWord];
}

describe('half-written maps', () => {
    test('every prefix and every map with one word missing validates without a crash or an "undefined" in a message', async () => {
        const services = createTestServices();
        for (const [index, text] of halfWritten().entries()) {
            const result = await validateJourney(text, { services, uri: `file:///half/${index}.journey` });
            const bad = issuesOf(result).filter((line) => /undefined|NaN|\[object|An error occurred/.test(line));
            expect(bad, text).toEqual([]);
        }
    });
});
