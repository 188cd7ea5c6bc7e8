import type { LineIndex } from '../text/line-index.js';

/**
 * micromark's time grows super-linearly with the number of lists in one parse (2,000 short
 * lists, 36 KB, take seconds). fzlint only needs to know which lines are code, HTML, headings
 * or prose, so a Markdown file is parsed in chunks, cut only where no CommonMark construct can
 * continue across the cut:
 *   - after a blank line, before a line that starts in column 0;
 *   - before a column-0 ATX heading, bullet item or item numbered 1 (they interrupt any open paragraph or
 *     list), unless an HTML block that only a blank line ends may be open;
 * and never inside front matter, a fenced code block or a multi-line HTML block (comments,
 * <pre>, <script>, <style>, <textarea>, <? ?>, <!X >, CDATA). Cutting splits one long list into
 * several lists, which changes nothing fzlint reads.
 */

const TARGET_LINES = 40;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const BLOCK_START = /^(?:#{1,6}(?:[ \t]|$)|[-*+][ \t]+\S|1[.)][ \t]+\S)/;
const HTML_BLOCKS: Array<{ open: RegExp; close: RegExp }> = [
  { open: /^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, close: /<\/(?:script|pre|style|textarea)>/i },
  { open: /^ {0,3}<!--/, close: /-->/ },
  { open: /^ {0,3}<\?/, close: /\?>/ },
  { open: /^ {0,3}<![A-Za-z]/, close: />/ },
  { open: /^ {0,3}<!\[CDATA\[/, close: /\]\]>/ },
];

/** Line ranges [first, end) to parse separately, in order, covering every line. */
export function markdownChunks(lines: LineIndex, targetLines = TARGET_LINES): Array<[number, number]> {
  const n = lines.lineCount;
  const chunks: Array<[number, number]> = [];
  let chunkStart = 0;
  let i = 0;
  // Front matter belongs to the first chunk whole.
  if (/^---\s*$/.test(lines.lineText(0))) {
    for (i = 1; i < n && !/^---\s*$/.test(lines.lineText(i)); i++);
    i++;
  }
  let fence: { char: string; length: number } | undefined;
  let html: RegExp | undefined;
  let prevBlank = false;
  // HTML blocks of CommonMark types 6 and 7 run until a blank line and swallow headings and list items.
  let htmlSinceBlank = false;
  for (; i < n; i++) {
    const line = lines.lineText(i);
    if (fence) {
      const m = FENCE.exec(line);
      if (m && m[1]![0] === fence.char && m[1]!.length >= fence.length && /^[`~]*\s*$/.test(line.trim())) fence = undefined;
      prevBlank = false;
      continue;
    }
    if (html) {
      if (html.test(line)) html = undefined;
      prevBlank = false;
      continue;
    }
    const blank = /^[ \t]*$/.test(line);
    const column0 = !blank && !/^[ \t]/.test(line);
    const canCut = i - chunkStart >= targetLines && column0 && (prevBlank || (!htmlSinceBlank && BLOCK_START.test(line)));
    if (canCut) {
      chunks.push([chunkStart, i]);
      chunkStart = i;
    }
    const f = FENCE.exec(line);
    if (f) fence = { char: f[1]![0]!, length: f[1]!.length };
    else {
      for (const h of HTML_BLOCKS) {
        if (h.open.test(line)) {
          if (!h.close.test(line.slice(line.search(/</) + 2))) html = h.close;
          break;
        }
      }
    }
    if (blank) htmlSinceBlank = false;
    else if (/^ {0,3}</.test(line)) htmlSinceBlank = true;
    prevBlank = blank;
  }
  chunks.push([chunkStart, n]);
  return chunks;
}
