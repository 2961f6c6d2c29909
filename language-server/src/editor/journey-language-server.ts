/**
 * The server's side of `initialize`: what the client announced (snippets, hover formats) for
 * the features that depend on it, and the position encoding the server speaks, said aloud.
 */
import { DefaultLanguageServer } from 'langium/lsp';
import { PositionEncodingKind, type ClientCapabilities, type InitializeParams, type InitializeResult } from 'vscode-languageserver';

/** What a feature may send to the client. Without a client (tests, the CLI), everything is allowed. */
export interface ClientSupport {
    /** Completion items may carry snippet syntax (`${1:id}`). */
    snippets: boolean;
    /** Hover may be Markdown; otherwise plain text. */
    markdownHover: boolean;
}

/** What the client of `capabilities` supports; LSP's defaults where it says nothing (no snippets). */
export function clientSupport(capabilities: ClientCapabilities): ClientSupport {
    const hoverFormats = capabilities.textDocument?.hover?.contentFormat;
    return {
        snippets: capabilities.textDocument?.completion?.completionItem?.snippetSupport === true,
        markdownHover: hoverFormats === undefined || hoverFormats.includes('markdown'),
    };
}

export class JourneyLanguageServer extends DefaultLanguageServer {
    /** What the client supports, known once it has sent `initialize`. */
    support: ClientSupport = { snippets: true, markdownHover: true };

    override async initialize(params: InitializeParams): Promise<InitializeResult> {
        this.support = clientSupport(params.capabilities);
        return super.initialize(params);
    }

    /** Positions are UTF-16 code units, the encoding every client must support; said explicitly for clients that offer several. */
    protected override buildInitializeResult(params: InitializeParams): InitializeResult {
        const result = super.buildInitializeResult(params);
        return { ...result, capabilities: { ...result.capabilities, positionEncoding: PositionEncodingKind.UTF16 } };
    }
}
