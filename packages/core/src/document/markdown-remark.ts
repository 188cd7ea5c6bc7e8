import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root, Nodes } from 'mdast';
import type { LineIndex } from '../text/line-index.js';
import type { BlockScan, HtmlComment, LineKind, MarkdownStructure } from './block-types.js';
import { markdownChunks } from './markdown-chunks.js';

const withFrontMatter = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);
/** Chunks after the first must not read a leading --- as front matter. */
const withoutFrontMatter = unified().use(remarkParse);

/** What remark tells about each line of a Markdown file (the CommonMark reading), chunk by chunk. */
export function remarkStructure(lines: LineIndex, chunkLines?: number): MarkdownStructure {
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
  return { kinds, paragraphOf, headingDepth, listItemStart, htmlComments, frontMatter };
}

export function collectComments(text: string, start: number, end: number, out: HtmlComment[]): void {
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
