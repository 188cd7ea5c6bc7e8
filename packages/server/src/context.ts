import type { Engine } from '@fzlint/core';
import type { ConfigResolver, PreviousDiscovery, PreviousReader, WorkspaceFs } from '@fzlint/workspace';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ClientCapabilities } from 'vscode-languageserver';
import type { Analysis, Analyzer } from './analysis.js';
import type { OpenDocuments } from './documents.js';
import type { SettingsStore } from './settings.js';
import type { LspConversion } from './to-lsp.js';
import { pathToUri } from './workspace/paths.js';

/** What the client can do, read once from its capabilities. */
export interface ClientSupport {
  configuration: boolean;
  configurationRegistration: boolean;
  workspaceFolders: boolean;
  hierarchicalSymbols: boolean;
  snippets: boolean;
  markdownHover: boolean;
  documentChanges: boolean;
}

export function clientSupport(c: ClientCapabilities): ClientSupport {
  return {
    configuration: !!c.workspace?.configuration,
    configurationRegistration: !!c.workspace?.didChangeConfiguration?.dynamicRegistration,
    workspaceFolders: !!c.workspace?.workspaceFolders,
    hierarchicalSymbols: !!c.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport,
    snippets: !!c.textDocument?.completion?.completionItem?.snippetSupport,
    markdownHover: !!c.textDocument?.hover?.contentFormat?.includes('markdown'),
    documentChanges: !!c.workspace?.workspaceEdit?.documentChanges,
  };
}

/** Where the server writes its log (window/logMessage in an editor). */
export interface ServerLog {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Shared by the providers of one server instance: each provider gets this and nothing else. No transport in it. */
export interface ServerContext {
  fs: WorkspaceFs;
  documents: OpenDocuments;
  engine: Engine;
  analyzer: Analyzer;
  settings: SettingsStore;
  configs: ConfigResolver;
  previous: PreviousReader;
  discovery: PreviousDiscovery;
  client: ClientSupport;
  log: ServerLog;
  /** The rule docs installed with the server, for rule links when the config sets no docsUrl. */
  docsUrl?: string;
}

/** The URI to report a file under: the editor's own spelling when it is open. */
export function uriOfPath(ctx: ServerContext, path: string): string {
  return ctx.documents.uriOfPath(path) ?? pathToUri(path);
}

export function conversion(ctx: ServerContext, analysis: Analysis): LspConversion {
  return {
    documentUri: analysis.uri,
    uriOfPath: (p) => uriOfPath(ctx, p),
    rules: analysis.result?.rules,
    docsUrl: analysis.config?.config.data.docsUrl ?? ctx.docsUrl,
  };
}

export type CheckedAnalysis = Analysis & { result: NonNullable<Analysis['result']> };

/** The analysis of an open document's current version, if it is a checked report. */
export async function checkedAnalysis(ctx: ServerContext, doc: TextDocument): Promise<CheckedAnalysis | undefined> {
  const analysis = await ctx.analyzer.analyze(doc);
  if (analysis.state !== 'checked' || !analysis.result) return undefined;
  return analysis as CheckedAnalysis;
}
