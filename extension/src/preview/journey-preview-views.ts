/** Which views an update of the preview carries whole. Plain data only: the host, the benchmarks and the tests share it. */
import type { PreviewView, ViewId, ViewResult } from './journey-preview-messages.js';

/**
 * The views as an update carries them: the one on screen (`shown`, else the first, as the page
 * picks it) and every empty view whole, the other diagrams only as their tab. A big map's other
 * views (the canvas alone is 400,000 characters at 1,000 touchpoints) are then not copied into
 * every update the page receives while someone types.
 */
export function viewsForUpdate(views: readonly ViewResult[], shown: ViewId | undefined): PreviewView[] {
    const current = (views.find((view) => view.view === shown) ?? views[0])?.view;
    return views.map((view) => view.kind === 'empty' || view.view === current ? view : { view: view.view, title: view.title, kind: 'tab' });
}
