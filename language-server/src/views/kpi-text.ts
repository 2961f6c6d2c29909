/** A KPI's measured value read against its target, as the views write it: `Bookings: 1,200 / 1,500 bookings/month (80%)`. */
import type { KpiModel } from '../model/journey-model.js';
import { formatNumber, type ViewWords } from './view-words.js';

/** `label: actual / target unit (share of target)`, or `label: actual unit` without a target; undefined without an actual. */
export function kpiActualText(kpi: KpiModel, words: ViewWords): string | undefined {
    if (kpi.actual === undefined) return undefined;
    const unit = kpi.unit ? ` ${kpi.unit}` : '';
    if (kpi.target === undefined) return `${kpi.label}${words.colon} ${formatNumber(kpi.actual, words)}${unit}`;
    return `${kpi.label}${words.colon} ${formatNumber(kpi.actual, words)} / ${formatNumber(kpi.target, words)}${unit} (${percentOfTarget(kpi.actual, kpi.target, words)})`;
}

/** How much of its target a KPI reached, as a percentage (`82%`, `82 %` in French); `—` for a target of 0. */
export function percentOfTarget(actual: number, target: number, words: ViewWords): string {
    if (target === 0) return '—';
    return `${formatNumber(Math.round((actual / target) * 100), words)}${words.code === 'fr' ? '\u00a0' : ''}%`;
}
