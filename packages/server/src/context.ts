import type { Engine } from '@fzlint/core';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ErrorCodes, ResponseError, type ClientCapabilities, type Connection } from 'vscode-languageserver/node';
import type { Analysis, Analyzer } from './analysis.js';
import type { SettingsStore } from './settings.js';
import type { LspConversion } from './to-lsp.js';
import type { ConfigResolver, PreviousDiscovery, PreviousReader } from '@fzlint/workspace';
import type { OpenDocuments } from './workspace/open-documents.js';
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

/** Shared by the features: each feature file gets this and nothing else. */
export interface ServerContext {
  connection: Connection;
  documents: OpenDocuments;
  engine: Engine;
  analyzer: Analyzer;
  settings: SettingsStore;
  configs: ConfigResolver;
  previous: PreviousReader;
  discovery: PreviousDiscovery;
  client: ClientSupport;
}

/** The URI to report a file under: the editor's own spelling when it is open. */
export function uriOfPath(ctx: ServerContext, path: string): string {
  return ctx.documents.uriOfPath(path) ?? pathToUri(path);
}

export function conversion(ctx: ServerContext, analysis: Analysis): LspConversion {
  return { documentUri: analysis.uri, uriOfPath: (p) => uriOfPath(ctx, p), rules: analysis.result?.rules };
}

/**
 * Checks that request params name a document (`textDocument.uri`, a string) and returns the
 * open document, if it is open. Malformed params get an InvalidParams error, never a crash.
 */
export function documentOf(ctx: ServerContext, params: unknown, method: string): TextDocument | undefined {
  const uri = (params as { textDocument?: { uri?: unknown } } | null | undefined)?.textDocument?.uri;
  if (typeof uri !== 'string' || !uri) throw new ResponseError(ErrorCodes.InvalidParams, `${method}：参数缺少 textDocument.uri`);
  return ctx.documents.get(uri);
}

/** Checks an LSP position in params, for the requests that take one. */
export function positionOf(params: unknown, method: string): { line: number; character: number } {
  const p = (params as { position?: { line?: unknown; character?: unknown } } | null | undefined)?.position;
  const ok = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
  if (!p || !ok(p.line) || !ok(p.character)) throw new ResponseError(ErrorCodes.InvalidParams, `${method}：参数 position 无效（须为非负整数 line、character）`);
  return { line: p.line as number, character: p.character as number };
}

/** The analysis of an open document's current version, if it is a checked report. */
export async function checkedAnalysis(ctx: ServerContext, doc: TextDocument): Promise<(Analysis & { result: NonNullable<Analysis['result']> }) | undefined> {
  const analysis = await ctx.analyzer.analyze(doc);
  if (analysis.state !== 'checked' || !analysis.result) return undefined;
  return analysis as Analysis & { result: NonNullable<Analysis['result']> };
}
