/**
 * The language server's web-worker entry (vscode.dev, github.dev, any browser host): speaks
 * LSP over the worker's messages and reads the workspace through its client.
 */
import { startLanguageServer } from 'langium/lsp';
import { COMPLETION_NEEDS } from './editor/journey-completion.js';
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { createJourneyServices } from './journey-module.js';
import { ClientFileSystemProvider } from './lsp/journey-client-file-system.js';
import { registerJourneyDiffRequest } from './lsp/journey-diff-request.js';
import { LifecycleMessageReader } from './lsp/journey-lifecycle.js';
import { registerJourneyMarkdownRequest } from './lsp/journey-markdown-request.js';
import { registerJourneyPreviewRequests } from './lsp/journey-preview-request.js';

const worker = self as unknown as Worker;
const writer = new BrowserMessageWriter(worker);
const connection = createConnection(new LifecycleMessageReader(new BrowserMessageReader(worker), writer), writer);
const { shared } = createJourneyServices({ connection, fileSystemProvider: () => new ClientFileSystemProvider(connection) });
registerJourneyPreviewRequests(connection, shared);
registerJourneyDiffRequest(connection, shared);
registerJourneyMarkdownRequest(connection, shared);
startLanguageServer(shared, { CompletionProvider: COMPLETION_NEEDS });
