import { parse } from 'parse5';
import type { DefaultTreeAdapterTypes } from 'parse5';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

/** Elements whose content a reader never sees. */
const INVISIBLE = new Set(['head', 'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'canvas', 'audio', 'video', 'map', 'input', 'select', 'textarea', 'button', 'datalist', 'dialog']);

/** Elements that start a new line (CSS display: block and friends, per the HTML rendering section). */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'legend', 'li', 'listing', 'main', 'menu', 'nav', 'ol', 'p', 'plaintext', 'pre', 'section',
  'summary', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'ul', 'xmp', 'html',
]);

/** One line per paragraph-like element even when empty (Word paragraphs keep their numbering). */
const PARAGRAPH = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li']);

export interface VisibleTextOptions {
  /** Keep empty paragraphs as empty lines (for .docx, so line N is paragraph N). */
  keepEmptyParagraphs?: boolean;
  /** Elements left out with their content (page furniture such as nav and footer). */
  skip?: readonly string[];
}

/**
 * The text a reader sees in an HTML page: body content only, hidden elements and scripts left out,
 * one line per block (paragraph, heading, list item, table row; cells separated by a tab),
 * whitespace collapsed as a browser does except inside <pre>.
 */
export function visibleText(html: string, options: VisibleTextOptions = {}): string {
  const doc = parse(html);
  const lines: string[] = [];
  let line = '';
  /** Collapsible whitespace seen since the last text: none, spaces, or spaces with a line break. */
  let pending: '' | ' ' | '\n' = '';

  /** Preformatted text on the current line keeps its indentation. */
  let preformatted = false;
  const flush = (force = false) => {
    const spaced = line.replace(/\u00a0/g, ' ');
    const trimmed = preformatted ? spaced.replace(/[ \t]+$/, '') : spaced.replace(/^[ \t]+|[ \t]+$/g, '');
    if (trimmed || force) lines.push(trimmed);
    line = '';
    pending = '';
    preformatted = false;
  };
  const addText = (text: string, pre: boolean) => {
    if (pre) {
      const parts = text.split(/\r\n|\r|\n/);
      parts.forEach((part, i) => {
        if (i > 0) flush(true);
        if (part && !line) preformatted = true;
        line += part;
      });
      return;
    }
    const lead = /^[ \t\n\r\f]*/.exec(text)![0];
    const trail = /[ \t\n\r\f]*$/.exec(text)![0];
    const body = text.slice(lead.length, text.length - trail.length).replace(/[ \t\n\r\f]+/g, (ws) => (/[\n\r]/.test(ws) ? '\n' : ' '));
    pending = merge(pending, lead);
    if (!body) return;
    if (pending && line) line += separator(line, pending, body);
    line += joinSegments(body);
    pending = merge('', trail);
  };

  // Iterative: a page nested thousands of elements deep must not exhaust the call stack.
  type Step = { node: Node; pre: boolean } | { close: true; paragraph: boolean; block: boolean };
  const walk = (root: Node) => {
    const stack: Step[] = [{ node: root, pre: false }];
    const pushChildren = (children: Node[], pre: boolean) => {
      for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, pre });
    };
    while (stack.length) {
      const step = stack.pop()!;
      if ('close' in step) {
        if (step.paragraph) flush(true);
        else if (step.block) flush();
        continue;
      }
      const { node, pre } = step;
      if (node.nodeName === '#text') {
        addText((node as DefaultTreeAdapterTypes.TextNode).value, pre);
        continue;
      }
      if (!('tagName' in node)) {
        if ('childNodes' in node) pushChildren(node.childNodes, pre);
        continue;
      }
      const el = node as Element;
      const tag = el.tagName;
      if (INVISIBLE.has(tag) || isHidden(el) || options.skip?.includes(tag)) continue;
      if (tag === 'br') {
        flush(Boolean(options.keepEmptyParagraphs));
        continue;
      }
      const block = BLOCK.has(tag);
      const paragraph = Boolean(options.keepEmptyParagraphs && PARAGRAPH.has(tag));
      if (block) flush();
      if (tag === 'td' || tag === 'th') {
        if (line) line += '\t';
        pending = '';
      }
      const inPre = pre || tag === 'pre' || tag === 'textarea' || tag === 'listing' || tag === 'plaintext';
      stack.push({ close: true, paragraph, block });
      pushChildren(el.childNodes, inPre);
    }
  };

  const html5 = doc.childNodes.find((n): n is Element => 'tagName' in n && n.tagName === 'html');
  const body = html5?.childNodes.find((n): n is Element => 'tagName' in n && n.tagName === 'body');
  if (body) walk(body);
  flush();
  return lines.join('\n') + (lines.length ? '\n' : '');
}

function merge(pending: '' | ' ' | '\n', ws: string): '' | ' ' | '\n' {
  if (!ws) return pending;
  return pending === '\n' || /[\n\r]/.test(ws) ? '\n' : ' ';
}

/**
 * Collapsed whitespace becomes one space, except that a line break in the source between two
 * Chinese characters disappears (CSS Text 3 segment-break rule), so wrapped source lines do not
 * split words such as 法治政府.
 */
function separator(before: string, pending: ' ' | '\n', after: string): string {
  if (/[ \t]$/.test(before)) return '';
  const cjkBoth = isCjk(before.charCodeAt(before.length - 1)) && isCjk(after.charCodeAt(0));
  return pending === '\n' && cjkBoth ? '' : ' ';
}

function joinSegments(body: string): string {
  return body.replace(/(.)\n(.)/gsu, (_m, a: string, b: string) => a + (isCjk(a.charCodeAt(0)) && isCjk(b.charCodeAt(0)) ? '' : ' ') + b);
}

function isCjk(c: number): boolean {
  return (c >= 0x3000 && c <= 0x9fff) || (c >= 0xff00 && c <= 0xffef) || (c >= 0xf900 && c <= 0xfaff);
}

function isHidden(el: Element): boolean {
  for (const a of el.attrs) {
    if (a.name === 'hidden') return true;
    if (a.name === 'style' && /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)\s*(!important)?\s*(;|$)/i.test(a.value)) return true;
    if (a.name === 'type' && el.tagName === 'input' && a.value.toLowerCase() === 'hidden') return true;
  }
  return false;
}
