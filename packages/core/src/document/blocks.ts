import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root, Nodes } from 'mdast';
import type { LineIndex } from '../text/line-index.js';
import { isResidueLine } from './residue.js';
import { matchMarkerAtStart } from './markers.js';

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

export interface BlockScan {
  lineKinds: LineKind[];
  /** Per line: where its content starts (after indentation / Markdown prefixes). */
  contentStarts: number[];
  blocks: Block[];
  frontMatter?: { start: number; end: number; valueStart: number; value: string };
  htmlComments: HtmlComment[];
}

const INDENT = /^[ \t\u3000\u00a0\ufeff]*/;

function blankLine(s: string): boolean {
  return /^[\s\u3000\u00a0\ufeff]*$/.test(s);
}

/** Plain text: every non-blank line is its own paragraph (how Word pastes arrive). */
export function scanText(lines: LineIndex): BlockScan {
  const kinds: LineKind[] = [];
  const contentStarts: number[] = [];
  const blocks: Block[] = [];
  for (let i = 0; i < lines.lineCount; i++) {
    const start = lines.lineStarts[i]!;
    const s = lines.lineText(i);
    const indent = INDENT.exec(s)![0].length;
    contentStarts.push(start + indent);
    if (blankLine(s)) kinds.push('blank');
    else if (isResidueLine(s)) kinds.push('residue');
    else {
      kinds.push('prose');
      blocks.push({ kind: 'prose', start, contentStart: start + indent, end: lines.lineEnd(i), firstLine: i, lastLine: i });
    }
  }
  return { lineKinds: kinds, contentStarts, blocks, htmlComments: [] };
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

/** Markdown: remark decides which lines are code, HTML, front matter or headings; the rest is prose. */
export function scanMarkdown(lines: LineIndex): BlockScan {
  const text = lines.text;
  const tree = processor.parse(text) as Root;
  const n = lines.lineCount;
  const kinds: LineKind[] = new Array(n).fill('prose');
  const paragraphOf: number[] = new Array(n).fill(-1);
  const headingDepth: Array<number | undefined> = new Array(n);
  const listItemStart = new Set<number>();
  const htmlComments: HtmlComment[] = [];
  let frontMatter: BlockScan['frontMatter'];
  let paragraphId = 0;

  const mark = (node: Nodes, kind: LineKind) => {
    const p = node.position;
    if (!p) return;
    for (let l = p.start.line - 1; l <= p.end.line - 1 && l < n; l++) kinds[l] = kind;
  };
  const visit = (node: Nodes) => {
    const p = node.position;
    switch (node.type) {
      case 'yaml':
        mark(node, 'frontmatter');
        if (p) {
          const valueStart = lines.lineStarts[Math.min(p.start.line, n - 1)]!;
          frontMatter = { start: p.start.offset!, end: p.end.offset!, valueStart, value: node.value };
        }
        return;
      case 'code':
        mark(node, 'code');
        return;
      case 'html':
        mark(node, 'html');
        if (p) collectComments(text, p.start.offset!, p.end.offset!, htmlComments);
        return;
      case 'thematicBreak':
      case 'definition':
        mark(node, 'thematic');
        return;
      case 'heading':
        if (p) {
          paragraphId++;
          for (let l = p.start.line - 1; l <= p.end.line - 1; l++) {
            kinds[l] = 'heading';
            headingDepth[l] = node.depth;
            paragraphOf[l] = paragraphId;
          }
          // Setext underline belongs to the heading but carries no text.
          if (p.end.line > p.start.line && /^\s*[=-]+\s*$/.test(lines.lineText(p.end.line - 1))) kinds[p.end.line - 1] = 'thematic';
        }
        return;
      case 'paragraph':
        if (p) {
          paragraphId++;
          for (let l = p.start.line - 1; l <= p.end.line - 1; l++) paragraphOf[l] = paragraphId;
        }
        for (const child of node.children) if (child.type === 'html' && child.position) collectComments(text, child.position.start.offset!, child.position.end.offset!, htmlComments);
        return;
      case 'listItem':
        if (p) listItemStart.add(p.start.line - 1);
        break;
    }
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
  };
  visit(tree);

  const contentStarts: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = lines.lineStarts[i]!;
    const s = lines.lineText(i);
    let prefix = INDENT.exec(s)![0].length;
    if (kinds[i] === 'prose' || kinds[i] === 'heading') {
      const rest = s.slice(prefix);
      const quote = /^(?:>[ \t]?)+/.exec(rest);
      if (quote) prefix += quote[0].length;
      if (listItemStart.has(i)) {
        const bullet = /^[-*+][ \t]+/.exec(s.slice(prefix));
        if (bullet) prefix += bullet[0].length;
      }
      if (kinds[i] === 'heading') {
        const hashes = /^#{1,6}[ \t]*/.exec(s.slice(prefix));
        if (hashes) prefix += hashes[0].length;
      }
      if (blankLine(s.slice(prefix))) kinds[i] = 'blank';
      else if (kinds[i] === 'prose' && isResidueLine(s)) kinds[i] = 'residue';
    }
    contentStarts.push(start + prefix);
  }

  const blocks: Block[] = [];
  for (let i = 0; i < n; i++) {
    const kind = kinds[i];
    if (kind !== 'prose' && kind !== 'heading') continue;
    const prev = blocks[blocks.length - 1];
    const continues =
      kind === 'prose' &&
      prev &&
      prev.kind === 'prose' &&
      prev.lastLine === i - 1 &&
      paragraphOf[i] !== -1 &&
      paragraphOf[i] === paragraphOf[i - 1] &&
      // A line that starts with an outline marker starts a new paragraph even without a blank line.
      !matchMarkerAtStart(text.slice(contentStarts[i]!, contentStarts[i]! + 12), 0);
    if (continues) {
      prev.lastLine = i;
      prev.end = lines.lineEnd(i);
    } else {
      blocks.push({
        kind,
        start: lines.lineStarts[i]!,
        contentStart: contentStarts[i]!,
        end: lines.lineEnd(i),
        firstLine: i,
        lastLine: i,
        depth: headingDepth[i],
      });
    }
  }
  return { lineKinds: kinds, contentStarts, blocks, frontMatter, htmlComments };
}

function collectComments(text: string, start: number, end: number, out: HtmlComment[]): void {
  const re = /<!--([\s\S]*?)-->/g;
  const slice = text.slice(start, end);
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    out.push({ start: start + m.index, end: start + m.index + m[0].length, text: m[1]!.trim() });
  }
}
