/**
 * Wires the services of the .journey language. This file only composes modules;
 * each concern lives in its own `journey-<concern>.ts` file.
 */
import {
    inject,
    type LangiumSharedCoreServices,
    type Module,
    type PartialLangiumCoreServices,
} from 'langium';
import {
    createDefaultModule,
    createDefaultSharedModule,
    type DefaultSharedModuleContext,
    type LangiumServices,
    type LangiumSharedServices,
    type PartialLangiumServices,
    type PartialLangiumSharedServices,
} from 'langium/lsp';
import { JourneyGeneratedSharedModule, JourneyMapsGeneratedModule } from './generated/module.js';
import { JourneyLexer, JourneyLexerErrorMessageProvider } from './language/journey-lexer-errors.js';
import { JourneyDocumentValidator } from './language/journey-document-validator.js';
import { JourneyLinker } from './language/journey-linker.js';
import { JourneyParserErrorMessageProvider } from './language/journey-parser-errors.js';
import { JourneyScopeComputation, JourneyScopeProvider } from './language/journey-scope.js';
import { JourneyValueConverter } from './language/journey-value-converter.js';
import { JourneyValidator, registerValidationChecks } from './language/journey-validator.js';
import { registerWorkspaceRevalidation } from './language/journey-revalidation.js';
import { JourneyFormatter } from './editor/journey-formatter.js';
import { JourneyCompletionProvider } from './editor/journey-completion.js';
import { JourneyHoverProvider } from './editor/journey-hover.js';
import { JourneyRenameProvider } from './editor/journey-rename.js';
import { JourneyCodeActionProvider } from './editor/journey-code-actions.js';
import { JourneyDocumentSymbolProvider, JourneyNodeKindProvider, JourneyWorkspaceSymbolProvider } from './editor/journey-symbols.js';
import { JourneySemanticTokenProvider } from './editor/journey-semantic-tokens.js';
import { JourneyInlayHintProvider } from './editor/journey-inlay-hints.js';
import { JourneyLanguageServer } from './editor/journey-language-server.js';
import { JourneyDocumentUpdateHandler } from './language/journey-document-updates.js';
import { JourneyLangiumDocuments, JourneyWorkspaceManager } from './language/journey-workspace.js';
import { JourneyDocumentBuilder } from './language/journey-document-builder.js';
import { JourneyAstNodeDescriptionProvider, JourneyIndexManager } from './language/journey-index.js';
import { JourneyDocumentFactory } from './language/journey-incremental-parse.js';

/** Services added by the .journey language on top of Langium's defaults. */
export interface JourneyAddedServices {
    validation: {
        JourneyValidator: JourneyValidator;
    };
}

/** All services of the .journey language. */
export type JourneyServices = LangiumServices & JourneyAddedServices;

/** The language-specific module: overrides and additions to Langium's defaults. */
export const JourneyModule: Module<JourneyServices, PartialLangiumServices & JourneyAddedServices> = {
    parser: {
        ValueConverter: () => new JourneyValueConverter(),
        Lexer: (services) => new JourneyLexer(services),
        LexerErrorMessageProvider: () => new JourneyLexerErrorMessageProvider(),
        ParserErrorMessageProvider: () => new JourneyParserErrorMessageProvider(),
    },
    references: {
        ScopeComputation: (services) => new JourneyScopeComputation(services),
        ScopeProvider: (services) => new JourneyScopeProvider(services),
        Linker: (services) => new JourneyLinker(services),
    },
    workspace: {
        AstNodeDescriptionProvider: (services) => new JourneyAstNodeDescriptionProvider(services),
    },
    validation: {
        DocumentValidator: (services) => new JourneyDocumentValidator(services),
        JourneyValidator: (services) => new JourneyValidator(services),
    },
    lsp: {
        Formatter: () => new JourneyFormatter(),
        CompletionProvider: (services) => new JourneyCompletionProvider(services),
        HoverProvider: (services) => new JourneyHoverProvider(services),
        RenameProvider: (services) => new JourneyRenameProvider(services),
        CodeActionProvider: (services) => new JourneyCodeActionProvider(services),
        DocumentSymbolProvider: (services) => new JourneyDocumentSymbolProvider(services),
        SemanticTokenProvider: (services) => new JourneySemanticTokenProvider(services),
        InlayHintProvider: () => new JourneyInlayHintProvider(),
    },
};

/** Services shared by the languages of the server: which documents make the workspace and in which order they are built, document updates, icons of elements and workspace symbols. */
export const JourneySharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    workspace: {
        LangiumDocuments: (services) => new JourneyLangiumDocuments(services),
        WorkspaceManager: (services) => new JourneyWorkspaceManager(services),
        DocumentBuilder: (services) => new JourneyDocumentBuilder(services),
        IndexManager: (services) => new JourneyIndexManager(services),
        LangiumDocumentFactory: (services) => new JourneyDocumentFactory(services),
    },
    lsp: {
        LanguageServer: (services) => new JourneyLanguageServer(services),
        DocumentUpdateHandler: (services) => new JourneyDocumentUpdateHandler(services),
        NodeKindProvider: () => new JourneyNodeKindProvider(),
        WorkspaceSymbolProvider: (services) => new JourneyWorkspaceSymbolProvider(services),
    },
};

/** Creates the shared and language services; `context` gives the file system and, in the server, the connection. */
export function createJourneyServices(context: DefaultSharedModuleContext): {
    shared: LangiumSharedServices;
    Journey: JourneyServices;
} {
    const shared = inject(createDefaultSharedModule(context), JourneyGeneratedSharedModule, JourneySharedModule);
    const Journey = inject(
        createDefaultModule({ shared }),
        JourneyMapsGeneratedModule,
        JourneyModule as Module<JourneyServices, PartialLangiumCoreServices>,
    ) as JourneyServices;
    shared.ServiceRegistry.register(Journey);
    registerValidationChecks(Journey.validation.ValidationRegistry, Journey.validation.JourneyValidator);
    registerWorkspaceRevalidation(shared);
    if (!context.connection) {
        // Without a language client, nothing else would build the workspace's configuration.
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Journey };
}

export type { LangiumSharedCoreServices };
