/** The language server's Node entry: speaks LSP over IPC or stdio (`--stdio`), as the client starts it. */
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createJourneyServices } from './journey-module.js';
import { registerJourneyDiffRequest } from './lsp/journey-diff-request.js';
import { registerJourneyPreviewRequests } from './lsp/journey-preview-request.js';

const connection = createConnection(ProposedFeatures.all);
const { shared } = createJourneyServices({ connection, ...NodeFileSystem });
registerJourneyPreviewRequests(connection, shared);
registerJourneyDiffRequest(connection, shared);
startLanguageServer(shared);
