/** The shapes the block scanners share (blocks.ts and the Markdown readers it chooses between). */
import type { ResidueRun } from './residue.js';

export type LineKind = 'blank' | 'prose' | 'heading' | 'code' | 'html' | 'frontmatter' | 'thematic' | 'residue';

/** A paragraph-like unit: one line of a Word-pasted text, or a Markdown paragraph/heading. */
export interface Block {
  kind: 'prose' | 'heading';
  /** Start of the first line. */
  start: number;
  /** First character after indentation and Markdown prefixes (#, >, - ). */
  contentStart: number;
  /** End of the last line, before its line break. */
  end: number;
  firstLine: number;
  lastLine: number;
  /** Markdown ATX/setext heading depth. */
  depth?: number;
}

export interface HtmlComment {
  start: number;
  end: number;
  text: string;
}

/** Web residue inside a line of text (offsets into the document). */
export interface ResidueSpan extends ResidueRun {
  line: number;
}

export interface BlockScan {
  lineKinds: LineKind[];
  /** Residue runs inside lines of text; a block starting or ending with one is trimmed of it. */
  residueRuns: ResidueSpan[];
  /** Per line: where its content starts (after indentation / Markdown prefixes). */
  contentStarts: number[];
  blocks: Block[];
  frontMatter?: { start: number; end: number; valueStart: number; value: string };
  htmlComments: HtmlComment[];
}

/** Per line: what Markdown makes of it, before content starts and blocks are worked out. */
export interface MarkdownStructure {
  kinds: LineKind[];
  /** Paragraph (or heading) each line belongs to; -1 for none. */
  paragraphOf: number[];
  headingDepth: Array<number | undefined>;
  /** Lines where a bullet list item starts (its marker is not part of the text). */
  listItemStart: Set<number>;
  htmlComments: HtmlComment[];
  frontMatter?: BlockScan['frontMatter'];
}
