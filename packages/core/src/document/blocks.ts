import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root, Nodes } from 'mdast';
import type { LineIndex } from '../text/line-index.js';
import { isResidueLine } from './residue.js';
import { matchMarkerAtStart } from './markers.js';
import { markdownChunks } from './markdown-chunks.js';

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

/**
 * micromark's time grows super-linearly with container nesting (2,000 nested list levels take
 * minutes). Real reports nest two to four levels; beyond this many, the file is read as plain text.
 */
export const MAX_MARKDOWN_NESTING = 16;

const CONTAINER = /^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))/;

/** The first line nesting deeper than MAX_MARKDOWN_NESTING containers, if any. */
export function tooDeeplyNested(lines: LineIndex): { line: number; depth: number } | undefined {
  for (let i = 0; i < lines.lineCount; i++) {
    let s = lines.text.slice(lines.lineStarts[i], Math.min(lines.lineEnd(i), lines.lineStarts[i]! + 400));
    const indent = /^[ \t]*/.exec(s)![0];
    let depth = Math.floor(indent.replace(/\t/g, '    ').length / 2);
    for (let m = CONTAINER.exec(s); m && depth <= MAX_MARKDOWN_NESTING; m = CONTAINER.exec(s)) {
      depth++;
      s = s.slice(m[0].length);
    }
    if (depth > MAX_MARKDOWN_NESTING) return { line: i, depth };
  }
  return undefined;
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

/**
 * A line-level reading of Markdown that is enough for report metadata (title, year, unit,
 * signature): closed front matter and ATX headings are recognised, every other non-blank line is
 * its own paragraph, as in plain text. No remark: used to read many files' metadata quickly.
 */
export function scanMarkdownLines(lines: LineIndex): BlockScan {
  const scan = scanText(lines);
  const n = lines.lineCount;
  let frontMatter: BlockScan['frontMatter'];
  let first = 0;
  if (/^---[ \t]*$/.test(lines.lineText(0))) {
    let close = 1;
    while (close < n && !/^---[ \t]*$/.test(lines.lineText(close))) close++;
    if (close < n) {
      const valueStart = n > 1 ? lines.lineStarts[1]! : 0;
      const valueEnd = lines.lineStarts[close]!;
      frontMatter = { start: 0, end: lines.lineEnd(close), valueStart, value: lines.text.slice(valueStart, valueEnd).replace(/\r?\n$|\r$/, '') };
      for (let i = 0; i <= close; i++) scan.lineKinds[i] = 'frontmatter';
      first = close + 1;
    }
  }
  const blocks: Block[] = [];
  for (const b of scan.blocks) {
    if (b.firstLine < first) continue;
    const text = lines.text.slice(b.contentStart, b.end);
    const atx = /^(#{1,6})(?:[ \t]+|$)/.exec(text);
    if (atx && b.contentStart - b.start <= 3) {
      scan.lineKinds[b.firstLine] = 'heading';
      blocks.push({ ...b, kind: 'heading', depth: atx[1]!.length, contentStart: b.contentStart + atx[0].length });
    } else blocks.push(b);
  }
  return { ...scan, blocks, frontMatter };
}

const withFrontMatter = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);
/** Chunks after the first must not read a leading --- as front matter. */
const withoutFrontMatter = unified().use(remarkParse);

/** Markdown: remark decides which lines are code, HTML, front matter or headings; the rest is prose. */
export function scanMarkdown(lines: LineIndex, chunkLines?: number): BlockScan {
  const text = lines.text;
  const n = lines.lineCount;
  const kinds: LineKind[] = new Array(n).fill('prose');
  const paragraphOf: number[] = new Array(n).fill(-1);
  const headingDepth: Array<number | undefined> = new Array(n);
  const listItemStart = new Set<number>();
  const htmlComments: HtmlComment[] = [];
  let frontMatter: BlockScan['frontMatter'];
  let paragraphId = 0;

  // Positions from remark are relative to the chunk being parsed.
  let lineBase = 0;
  let offsetBase = 0;
  const lineOf = (p: { line: number }) => lineBase + p.line - 1;
  const offsetOf = (p: { offset?: number }) => offsetBase + (p.offset ?? 0);
  const mark = (node: Nodes, kind: LineKind) => {
    const p = node.position;
    if (!p) return;
    for (let l = lineOf(p.start); l <= lineOf(p.end) && l < n; l++) kinds[l] = kind;
  };
  const visit = (node: Nodes) => {
    const p = node.position;
    switch (node.type) {
      case 'yaml':
        mark(node, 'frontmatter');
        if (p) {
          const valueStart = lines.lineStarts[Math.min(lineOf(p.start) + 1, n - 1)]!;
          frontMatter = { start: offsetOf(p.start), end: offsetOf(p.end), valueStart, value: node.value };
        }
        return;
      case 'code':
        mark(node, 'code');
        return;
      case 'html':
        mark(node, 'html');
        if (p) collectComments(text, offsetOf(p.start), offsetOf(p.end), htmlComments);
        return;
      case 'thematicBreak':
      case 'definition':
        mark(node, 'thematic');
        return;
      case 'heading':
        if (p) {
          paragraphId++;
          for (let l = lineOf(p.start); l <= lineOf(p.end); l++) {
            kinds[l] = 'heading';
            headingDepth[l] = node.depth;
            paragraphOf[l] = paragraphId;
          }
          // Setext underline belongs to the heading but carries no text.
          if (p.end.line > p.start.line && /^\s*[=-]+\s*$/.test(lines.lineText(lineOf(p.end)))) kinds[lineOf(p.end)] = 'thematic';
        }
        return;
      case 'paragraph':
        if (p) {
          paragraphId++;
          for (let l = lineOf(p.start); l <= lineOf(p.end); l++) paragraphOf[l] = paragraphId;
        }
        for (const child of node.children) {
          if (child.type === 'html' && child.position) collectComments(text, offsetOf(child.position.start), offsetOf(child.position.end), htmlComments);
        }
        return;
      case 'listItem':
        if (p) listItemStart.add(lineOf(p.start));
        break;
    }
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
  };
  // Only a closed --- … --- block at the very start is front matter; the plugin is not loaded
  // otherwise (an unclosed leading --- changes how micromark reads the lines after it).
  const frontMatterAhead = /^---[ \t]*(?:\r\n|\r|\n)(?:[\s\S]*?(?:\r\n|\r|\n))?---[ \t]*(?:\r\n|\r|\n|$)/.test(text);
  const chunks = markdownChunks(lines, chunkLines);
  for (let c = 0; c < chunks.length; c++) {
    const first = chunks[c]![0];
    let end = chunks[c]![1];
    const parse = () => {
      const chunk = text.slice(lines.lineStarts[first]!, end < n ? lines.lineStarts[end]! : text.length);
      return { chunk, tree: (first === 0 && frontMatterAhead ? withFrontMatter : withoutFrontMatter).parse(chunk) as Root };
    };
    let { chunk, tree } = parse();
    // The cut points are chosen line by line; remark has the last word on whether a block is still open.
    while (end < n && openAtEnd(tree, chunk)) {
      end = chunks[++c]![1];
      ({ chunk, tree } = parse());
    }
    lineBase = first;
    offsetBase = lines.lineStarts[first]!;
    visit(tree);
  }

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

/** Whether the chunk ends inside a fenced code block or an HTML block that the next lines could continue. */
function openAtEnd(tree: Root, chunk: string): boolean {
  const contentEnd = chunk.replace(/[ \t\r\n]+$/, '').length;
  let node: Nodes | undefined = tree;
  while (node && 'children' in node && node.children.length) {
    node = node.children[node.children.length - 1] as Nodes;
    const end = node.position?.end.offset ?? 0;
    if (end < contentEnd) return false;
    if (node.type === 'html') return true;
    if (node.type === 'code') {
      const raw = chunk.slice(node.position!.start.offset, end).split(/\r\n|\r|\n/);
      const fenced = /^[ \t>]*(?:[-*+]|\d+[.)])?[ \t]*(`{3,}|~{3,})/.exec(raw[0]!);
      // After an indented code block micromark reads some following lines differently (e.g.
      // "2. 续" + "---" becomes a setext heading), so the next chunk is parsed together with it.
      if (!fenced) return true;
      const closing = raw.length > 1 ? /^[ \t>]*(`{3,}|~{3,})[ \t]*$/.exec(raw[raw.length - 1]!) : null;
      return !(closing && closing[1]![0] === fenced[1]![0] && closing[1]!.length >= fenced[1]!.length);
    }
  }
  return false;
}
