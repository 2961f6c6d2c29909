/**
 * Deterministic generated journey maps of any size, for benchmarks, fuzzing and stress tests.
 *
 * A map of N touchpoints has stages of ten touchpoints, a decision after every fifth
 * touchpoint (one branch goes on, one is lost to an outcome), personas, channels, teams,
 * KPIs, per-persona emotions, pains, gains, opportunities, a decreasing reach and one action
 * per four touchpoints. The same size and seed always give the same text, byte for byte.
 */

/** How to generate a map. */
export interface GenerateMapOptions {
    /** Seed of the pseudo-random choices (scores, labels); default 1. */
    seed?: number;
    /** The journey's id; default `generated`. */
    journeyId?: string;
    /** Touchpoints per stage; default 10. */
    touchpointsPerStage?: number;
}

/** A generated map and where to find things in it. */
export interface GeneratedMap {
    text: string;
    touchpoints: number;
    /** Zero-based line numbers of every `emotion <n>` line of a touchpoint (safe to edit one). */
    emotionLines: number[];
    /** Zero-based line numbers of every `touchpoint … {` line. */
    touchpointLines: number[];
}

/** Labels drawn from several scripts, so generated maps exercise Unicode like real ones. */
const WORDS = ['search', 'visit', 'compare', 'call', 'quote', 'book', 'pay', 'wait', 'review', 'recommend', 'café', 'Überweisung', '予約', 'réservation', 'دفع', 'élan', '🚀 launch'];
const STAGE_NAMES = ['Awareness', 'Consideration', 'Purchase', 'Retention', 'Advocacy'];

/** A small seeded pseudo-random generator (mulberry32): the same seed, the same sequence. */
export function seededRandom(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

/** Generates the text of a valid journey map with `touchpoints` touchpoints (at least 1). */
export function generateMap(touchpoints: number, options: GenerateMapOptions = {}): GeneratedMap {
    const count = Math.max(1, Math.floor(touchpoints));
    const random = seededRandom(options.seed ?? 1);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
    const score = () => 1 + Math.floor(random() * 5);
    const perStage = Math.max(1, options.touchpointsPerStage ?? 10);
    const personas = Math.min(20, Math.max(2, Math.ceil(count / 100)));
    const channels = Math.min(12, Math.max(2, Math.ceil(count / 50)));
    const teams = Math.min(8, Math.max(2, Math.ceil(count / 200)));
    const lines: string[] = [];
    const emotionLines: number[] = [];
    const touchpointLines: number[] = [];
    const push = (line: string) => lines.push(line);

    push(`// A generated map of ${count} touchpoints (seed ${options.seed ?? 1}).`);
    push(`journey ${options.journeyId ?? 'generated'} "Generated journey of ${count} touchpoints" {`);
    push('  state current');
    push('  description "Generated for benchmarks and robustness tests"');
    for (let p = 0; p < personas; p++) {
        push(`  persona persona_${p} "Persona ${p}, ${pick(WORDS)}" {`);
        push(`    goal "Goal of persona ${p}: ${pick(WORDS)}"`);
        push(`    need "Need ${p}"`);
        push(`    frustration "Frustration ${p}: ${pick(WORDS)}"`);
        push('  }');
    }
    for (let c = 0; c < channels; c++) push(`  channel channel_${c} "Channel ${c}" ${c % 2 === 0 ? 'online' : 'offline'}`);
    for (let t = 0; t < teams; t++) push(`  team team_${t} "Team ${t}"`);

    let reach = count * 100;
    const stages = Math.ceil(count / perStage);
    for (let s = 0; s < stages; s++) {
        push(`  stage stage_${s} "${STAGE_NAMES[s % STAGE_NAMES.length]} ${s}" {`);
        push(`    kpi kpi_${s} "KPI of stage ${s}" target ${100 + s} unit "per month"`);
        const first = s * perStage;
        const last = Math.min(count, first + perStage);
        for (let i = first; i < last; i++) {
            touchpointLines.push(lines.length);
            push(`    touchpoint tp_${i} "${pick(WORDS)} ${i}: ${pick(WORDS)}" {`);
            push(`      persona persona_${i % personas}`);
            push(`      persona persona_${(i + 1) % personas}`);
            push(`      channel channel_${i % channels}`);
            push(`      owner team_${i % teams}`);
            emotionLines.push(lines.length);
            push(`      emotion ${score()}`);
            push(`      emotion ${score()} for persona_${(i + 1) % personas}`);
            push(`      expected ${score()}`);
            if (i % 3 === 0) push(`      pain "Pain at ${i}: ${pick(WORDS)}"`);
            if (i % 4 === 1) push(`      gain "Gain at ${i}"`);
            if (i % 5 === 2) push(`      opportunity "Opportunity at ${i}"`);
            if (i % 7 === 0) push(`      backstage "Backstage note ${i}"`);
            if (i % 25 === 0) push('      moment of truth');
            push(`      reach ${reach}`);
            reach = Math.max(1, reach - 1 - Math.floor(random() * 50));
            push('    }');
            if (i % 5 === 4 && i + 1 < count) {
                push(`    decision decision_${i} "Goes on after ${i}?" {`);
                push(`      "goes on" -> tp_${i + 1}`);
                push(`      "gives up" -> lost`);
                push('    }');
            }
        }
        push('  }');
    }
    push('  outcome lost "Lost to a competitor"');
    const actions = Math.max(1, Math.floor(count / 4));
    for (let a = 0; a < actions; a++) {
        push(`  action action_${a} "Improve touchpoint ${a * 4}" {`);
        push(`    improves tp_${(a * 4) % count}`);
        push(`    impact ${score()}`);
        push(`    effort ${score()}`);
        push(`    owner team_${a % teams}`);
        push('  }');
    }
    push('}');
    return { text: lines.join('\n') + '\n', touchpoints: count, emotionLines, touchpointLines };
}
