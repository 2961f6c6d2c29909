/** The messages between the extension and the compare webview: plain types only. */
import type { JourneyDiffResult } from '../../../language-server/src/lsp/journey-diff-protocol.js';
import type { ViewId } from '../../../language-server/src/views/view-types.js';

/** From the extension to the webview: the comparison to show (first in `view`, the preview's default view), or why there is none. */
export type HostToDiffWebviewMessage = { type: 'diff'; result: JourneyDiffResult; view?: ViewId } | { type: 'error'; message: string };

/** From the webview to the extension: it is ready for the comparison (first load, or reload after being hidden). */
export type DiffWebviewToHostMessage = { type: 'ready' } | { type: 'rendered'; errors: string[] };

export type { JourneyDiffResult };
