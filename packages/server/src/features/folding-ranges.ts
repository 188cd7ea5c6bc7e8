import type { OutlineNode } from '@fzlint/core';
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver/node';
import { checkedAnalysis, documentOf, type ServerContext } from '../context.js';
import { contentEnd } from './outline.js';

/** Folding by outline: each part or item that spans more than one line folds up to its last line of content. */
export function registerFoldingRanges(ctx: ServerContext): void {
  ctx.connection.onFoldingRanges(async (params): Promise<FoldingRange[] | null> => {
    const doc = documentOf(ctx, params, 'textDocument/foldingRange');
    if (!doc) return null;
    const analysis = await checkedAnalysis(ctx, doc);
    if (!analysis) return [];
    const { text, lines, outline } = analysis.result.document;
    const out: FoldingRange[] = [];
    const walk = (node: OutlineNode) => {
      for (const child of node.children) {
        if (child.kind !== 'inline' && !child.midParagraph) {
          const startLine = lines.positionAt(child.start).line;
          const endLine = lines.positionAt(contentEnd(text, child)).line;
          if (endLine > startLine) out.push({ startLine, endLine, kind: FoldingRangeKind.Region });
        }
        walk(child);
      }
    };
    walk(outline);
    return out;
  });
}
