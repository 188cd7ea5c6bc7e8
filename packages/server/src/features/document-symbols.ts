import type { LintResult, OutlineNode } from '@fzlint/core';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { SymbolKind, type CancellationToken, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver';
import { checkedAnalysis, type ServerContext } from '../context.js';
import { contentEnd, nodeLabel, recognisedDetail } from './outline.js';

/**
 * The report's Chinese outline as document symbols: 一、 parts at the top, （一） items under
 * them, then 1. / （1） / 一是…, for .txt and .md alike. Hierarchical when the client supports it,
 * flat with container names otherwise.
 */
export class DocumentSymbolProvider {
  constructor(private readonly ctx: ServerContext) {}

  async provideDocumentSymbols(doc: TextDocument, token: CancellationToken): Promise<DocumentSymbol[] | SymbolInformation[]> {
    const analysis = await checkedAnalysis(this.ctx, doc);
    if (!analysis || token.isCancellationRequested) return [];
    const symbols = analysis.result.document.outline.children.map((n) => toSymbol(analysis.result, n));
    return this.ctx.client.hierarchicalSymbols ? symbols : flatten(symbols, doc.uri);
  }
}

export function toSymbol(result: LintResult, node: OutlineNode): DocumentSymbol {
  const { text, lines } = result.document;
  const end = contentEnd(text, node);
  const symbol: DocumentSymbol = {
    name: nodeLabel(text, node),
    kind: symbolKind(node),
    range: lines.rangeOf(node.start, end),
    selectionRange: lines.rangeOf(node.start, Math.min(node.titleEnd, end)),
    children: node.children.map((c) => toSymbol(result, c)),
  };
  const detail = recognisedDetail(result, node);
  if (detail) symbol.detail = detail;
  return symbol;
}

function symbolKind(node: OutlineNode): SymbolKind {
  if (node.kind === 'inline') return SymbolKind.EnumMember;
  if (node.rank <= 1) return SymbolKind.Module;
  if (node.rank <= 2) return SymbolKind.Class;
  if (node.rank <= 3) return SymbolKind.Method;
  return SymbolKind.Field;
}

function flatten(symbols: DocumentSymbol[], uri: string, container?: string, out: SymbolInformation[] = []): SymbolInformation[] {
  for (const s of symbols) {
    const info: SymbolInformation = { name: s.name, kind: s.kind, location: { uri, range: s.range } };
    if (container) info.containerName = container;
    out.push(info);
    flatten(s.children ?? [], uri, s.name, out);
  }
  return out;
}
