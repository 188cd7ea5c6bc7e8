import type { LineIndex } from '../text/line-index.js';
import { classifyResidue, findResidueRuns, type ResidueRun } from './residue.js';
import { matchMarkerAtStart } from './markers.js';
import { remarkStructure } from './markdown-remark.js';
import { simpleStructure } from './markdown-simple.js';
import type { Block, BlockScan, HtmlComment, LineKind, MarkdownStructure, ResidueSpan } from './block-types.js';

export type { Block, BlockScan, HtmlComment, LineKind, MarkdownStructure, ResidueSpan } from './block-types.js';

/**
 * micromark's time grows super-linearly with container nesting (2,000 nested list levels take
 * minutes). Real reports nest two to four levels; beyond this many, the file is read as plain text.
 */
export const MAX_MARKDOWN_NESTING = 16;

const CONTAINER = /^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))/;
/** The characters a nested line can start with (indentation or a container marker). */
const CONTAINER_START = /[ \t>*+\-\d]/;

/** The first line nesting deeper than MAX_MARKDOWN_NESTING containers, if any. */
export function tooDeeplyNested(lines: LineIndex): { line: number; depth: number } | undefined {
  for (let i = 0; i < lines.lineCount; i++) {
    // Most lines of a report start with text: no indentation, no container marker.
    if (!CONTAINER_START.test(lines.text[lines.lineStarts[i]!] ?? '')) continue;
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

/** Length of the indentation (spaces, tabs, full-width and no-break spaces, BOM) that starts `s`. */
function indentOf(s: string): number {
  let i = 0;
  for (let c = s.charCodeAt(0); c === 32 || c === 9 || c === 0x3000 || c === 0xa0 || c === 0xfeff; c = s.charCodeAt(++i));
  return i;
}

function blankLine(s: string): boolean {
  return /^[\s\u3000\u00a0\ufeff]*$/.test(s);
}

/** Plain text: every non-blank line is its own paragraph (how Word pastes arrive). */
export function scanText(lines: LineIndex): BlockScan {
  const kinds: LineKind[] = [];
  const contentStarts: number[] = [];
  const blocks: Block[] = [];
  const texts: Array<string | null> = [];
  for (let i = 0; i < lines.lineCount; i++) {
    const s = lines.lineText(i);
    texts.push(blankLine(s) ? null : s);
  }
  const residue = classifyResidue(texts);
  for (let i = 0; i < lines.lineCount; i++) {
    const start = lines.lineStarts[i]!;
    const s = texts[i] ?? null;
    const indent = s === null ? 0 : indentOf(s);
    contentStarts.push(start + indent);
    if (s === null) kinds.push('blank');
    else if (residue[i]) kinds.push('residue');
    else {
      kinds.push('prose');
      blocks.push({ kind: 'prose', start, contentStart: start + indent, end: lines.lineEnd(i), firstLine: i, lastLine: i });
    }
  }
  const residueRuns = trimResidue(lines, blocks);
  return { lineKinds: kinds, contentStarts, blocks, htmlComments: [], residueRuns };
}

/**
 * Finds residue runs in the lines of the blocks; a run at the start or end of a block's first or
 * last line is cut off the block (a title glued to 发布时间…浏览次数 is the title).
 */
function trimResidue(lines: LineIndex, blocks: Block[]): ResidueSpan[] {
  const spans: ResidueSpan[] = [];
  for (const b of blocks) {
    for (let line = b.firstLine; line <= b.lastLine; line++) {
      const lineStart = line === b.firstLine ? b.contentStart : lines.lineStarts[line]!;
      const text = lines.text.slice(lineStart, lines.lineEnd(line));
      for (const run of findResidueRuns(text)) {
        const span: ResidueSpan = { ...run, start: lineStart + run.start, end: lineStart + run.end, line };
        spans.push(span);
        if (line === b.firstLine && span.start <= b.contentStart) {
          b.contentStart = span.end;
          while (b.contentStart < b.end && /[ \t\u3000]/.test(lines.text[b.contentStart]!)) b.contentStart++;
        }
        if (line === b.lastLine && /^[\s\u3000]*$/.test(lines.text.slice(span.end, b.end))) {
          b.end = span.start;
          while (b.end > b.contentStart && /[ \t\u3000]/.test(lines.text[b.end - 1]!)) b.end--;
        }
      }
    }
  }
  return spans;
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
  return { ...scan, blocks, frontMatter, residueRuns: scan.residueRuns.filter((r) => r.line >= first) };
}

/** Markdown: remark decides which lines are code, HTML, front matter or headings; the rest is prose. */

/**
 * Markdown: the simple reader when the file uses only what it understands exactly (headings,
 * paragraphs, plain bullet items, front matter) — most reports — else remark.
 */
export function scanMarkdown(lines: LineIndex, chunkLines?: number): BlockScan {
  return finishMarkdown(lines, simpleStructure(lines) ?? remarkStructure(lines, chunkLines));
}

/** Turns a line structure (from remark or the simple reader) into content starts and blocks. */
export function finishMarkdown(lines: LineIndex, structure: MarkdownStructure): BlockScan {
  const text = lines.text;
  const n = lines.lineCount;
  const { kinds, paragraphOf, headingDepth, listItemStart, htmlComments, frontMatter } = structure;
  const contentStarts: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = lines.lineStarts[i]!;
    const s = lines.lineText(i);
    let prefix = indentOf(s);
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
    }
    contentStarts.push(start + prefix);
  }
  const residue = classifyResidue(kinds.map((k, i) => (k === 'prose' ? text.slice(contentStarts[i]!, lines.lineEnd(i)) : null)));
  residue.forEach((r, i) => {
    if (r && kinds[i] === 'prose') kinds[i] = 'residue';
  });

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
  const residueRuns = trimResidue(lines, blocks);
  return { lineKinds: kinds, contentStarts, blocks, frontMatter, htmlComments, residueRuns };
}

