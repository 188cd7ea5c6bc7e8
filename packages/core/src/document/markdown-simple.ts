import type { LineIndex } from '../text/line-index.js';
import type { LineKind, MarkdownStructure } from './block-types.js';

/**
 * Most Markdown reports use only front matter, # headings, paragraphs and plain bullet items.
 * For such a file this reader gives exactly what remark gives (a property test holds it to
 * that) at the cost of a line scan; remark costs several times more. Anything else — indented
 * code, fences, HTML, quotes, setext or thematic lines, ordered list markers, nested or indented
 * items, tabs, `<!--` — makes it decline (undefined), and remark reads the file.
 */

/** First characters a plain paragraph line may not start with (they may open another construct). */
const SPECIAL_START = new Set(['#', '>', '<', '`', '~', '[', '|', '\t', ' ', '\\', '!', '&']);
/** Characters that start a paragraph unless the line is a list item or made only of them (a thematic break or setext underline). */
const RULE_CHARS = new Set(['*', '_', '-', '+', '=']);
const ORDERED = /^\d{1,9}[.)](?:[ \t]|$)/;
const ATX = /^#{1,6}(?:[ \t]|$)/;
const BULLET = /^[-*+] (?=\S)/;
const BLANK = /^[ \t]*$/;

function plainStart(s: string): boolean {
  const c = s[0];
  if (c === undefined || SPECIAL_START.has(c) || ORDERED.test(s)) return false;
  if (!RULE_CHARS.has(c)) return true;
  if (/^[-*+][ \t]/.test(s)) return false;
  for (const ch of s) if (ch !== c && ch !== ' ' && ch !== '\t') return true;
  return false;
}

export function simpleStructure(lines: LineIndex): MarkdownStructure | undefined {
  const n = lines.lineCount;
  const kinds: LineKind[] = new Array(n).fill('prose');
  const paragraphOf: number[] = new Array(n).fill(-1);
  const headingDepth: Array<number | undefined> = new Array(n);
  const listItemStart = new Set<number>();
  let frontMatter: MarkdownStructure['frontMatter'];
  if (lines.text.includes('<!--') || lines.text.charCodeAt(0) === 0xfeff) return undefined;

  let i = 0;
  if (/^---[ \t]*$/.test(lines.lineText(0))) {
    let close = 1;
    while (close < n && !/^---[ \t]*$/.test(lines.lineText(close))) close++;
    if (close >= n) return undefined;
    const valueStart = lines.lineStarts[1]!;
    frontMatter = { start: 0, end: lines.lineEnd(close), valueStart, value: lines.text.slice(valueStart, lines.lineStarts[close]!).replace(/(?:\r\n|\r|\n)$/, '') };
    for (let l = 0; l <= close; l++) kinds[l] = 'frontmatter';
    i = close + 1;
  }

  let paragraph = 0;
  let open = false; // the previous line is a paragraph line (a following plain line continues it)
  let bullets = false;
  let indented = false;
  for (; i < n; i++) {
    const line = lines.lineText(i);
    if (BLANK.test(line)) {
      if (line.includes('\t')) return undefined;
      open = false;
      continue;
    }
    const indent = /^ */.exec(line)![0].length;
    if (indent > 3) return undefined;
    const content = line.slice(indent);
    if (content[0] === '\t') return undefined;
    if (ATX.test(content)) {
      kinds[i] = 'heading';
      headingDepth[i] = /^#+/.exec(content)![0].length;
      paragraphOf[i] = ++paragraph;
      open = false;
      continue;
    }
    if (BULLET.test(content)) {
      // Only unindented items with plain text: nesting, continuation indents and lazy lines inside lists stay with remark.
      if (indent > 0 || indented || !plainStart(content.slice(2))) return undefined;
      listItemStart.add(i);
      paragraphOf[i] = ++paragraph;
      bullets = true;
      open = true;
      continue;
    }
    if (!plainStart(content)) return undefined;
    if (indent > 0) {
      if (bullets) return undefined;
      indented = true;
    }
    paragraphOf[i] = open ? paragraph : ++paragraph;
    open = true;
  }
  return { kinds, paragraphOf, headingDepth, listItemStart, htmlComments: [], frontMatter };
}
