import type { OutlineNode } from '@fzlint/core';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { FoldingRangeKind, type CancellationToken, type FoldingRange } from 'vscode-languageserver';
import { checkedAnalysis, type ServerContext } from '../context.js';
import { contentEnd } from './outline.js';

/** Folding by outline: each part or item that spans more than one line folds up to its last line of content. */
export class FoldingRangeProvider {
  constructor(private readonly ctx: ServerContext) {}

  async provideFoldingRanges(doc: TextDocument, token: CancellationToken): Promise<FoldingRange[]> {
    const analysis = await checkedAnalysis(this.ctx, doc);
    if (!analysis || token.isCancellationRequested) return [];
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
  }
}
