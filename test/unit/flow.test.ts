import { describe, expect, test } from 'vitest';
import { computeFlow, reachableNodes, trappingLoops } from '../../language-server/src/language/journey-flow.js';
import { parseJourney } from '../helpers.js';

async function flowOf(text: string) {
    const document = await parseJourney(text);
    return computeFlow(document.parseResult.value.journeys[0]);
}

const names = (nodes: Iterable<{ name: string }>) => [...nodes].map((node) => node.name);

describe('the flow graph', () => {
    test('starts at the first step of the first stage', async () => {
        const graph = await flowOf('journey j { stage empty { } stage s { touchpoint a touchpoint b } }');
        expect(graph.start?.name).toBe('a');
    });

    test('a journey without steps has no start and no edges', async () => {
        const graph = await flowOf('journey j { stage s { } }');
        expect(graph.start).toBeUndefined();
        expect(graph.edges).toEqual([]);
    });

    test('steps after a decision are reached only through its branches', async () => {
        const graph = await flowOf('journey j { stage s { touchpoint a decision d { "x" -> c "y" -> c } touchpoint orphan touchpoint c } }');
        expect(names(reachableNodes(graph)).sort()).toEqual(['a', 'c', 'd']);
    });

    test('a loop with a way out is not a trap', async () => {
        const graph = await flowOf('journey j { stage s { touchpoint a decision d { "again" -> a "done" -> end } } outcome end }');
        expect(trappingLoops(graph)).toEqual([]);
    });

    test('a loop with no way out is a trap, listed in document order', async () => {
        const graph = await flowOf('journey j { stage s { touchpoint a touchpoint b { next c } touchpoint c { next b } } }');
        expect(trappingLoops(graph).map(names)).toEqual([['b', 'c']]);
    });

    test('a touchpoint that leads to itself is a trap', async () => {
        const graph = await flowOf('journey j { stage s { touchpoint a { next a } } }');
        expect(trappingLoops(graph).map(names)).toEqual([['a']]);
    });

    test('a long chain does not exhaust the stack', async () => {
        const steps = Array.from({ length: 5000 }, (_, i) => `touchpoint t${i} { next t${(i + 1) % 5000} }`).join('\n');
        const graph = await flowOf(`journey j { stage s { ${steps} } }`);
        expect(trappingLoops(graph)[0]).toHaveLength(5000);
    });
});
