/** The language server's Node entry: speaks LSP over IPC or stdio (`--stdio`), as the client starts it. */
import { DocumentState } from 'langium';
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createJourneyServices } from './journey-module.js';
import { registerJourneyDiffRequest } from './lsp/journey-diff-request.js';
import { registerJourneyMarkdownRequest } from './lsp/journey-markdown-request.js';
import { registerJourneyPreviewRequests } from './lsp/journey-preview-request.js';

const connection = createConnection(ProposedFeatures.all);
const { shared } = createJourneyServices({ connection, ...NodeFileSystem });
registerJourneyPreviewRequests(connection, shared);
registerJourneyDiffRequest(connection, shared);
registerJourneyMarkdownRequest(connection, shared);
startLanguageServer(shared);

// One line in the client's output (Output → Journey Language Server) once the workspace is
// checked: which Node runs the server and how long it took to be ready.
shared.lsp.LanguageServer.onInitialized(async () => {
    await shared.workspace.WorkspaceManager.ready;
    await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated);
    const files = shared.workspace.LangiumDocuments.all.count();
    connection.console.info(`Journey language server ready on Node ${process.version}: ${files} .journey file${files === 1 ? '' : 's'} checked, ${Math.round(performance.now())} ms after start.`);
});
