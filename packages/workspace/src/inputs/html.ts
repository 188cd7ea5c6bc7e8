import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { decodeText } from './encoding.js';
import { visibleText } from './html-text.js';
import { InputError, type InputDocument } from './types.js';

/** Deeper pages are not articles; Readability's time grows with the square of the nesting. */
const MAX_READABILITY_DEPTH = 120;
/** Less article text than this: Readability missed the report, the whole page is read instead. */
const MIN_ARTICLE_CHARS = 200;
/** Page furniture left out when the whole page is read. */
const LANDMARKS = ['nav', 'header', 'footer', 'aside'];

const NOT_WRITABLE = '网页文件（.html）不能自动修复：检查的是网页中的正文文字，请修改原稿';

/**
 * A report saved from a government website: the main content as Readability finds it (over
 * linkedom), navigation, breadcrumbs and footers dropped. The page's <h1> or <title> gives the
 * title when the content does not start with it. Pages Readability cannot handle (no article
 * found, or nested too deep to analyse quickly) are read whole without nav/header/footer/aside.
 */
export function readHtml(bytes: Uint8Array): InputDocument {
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    throw new InputError(decoded.reason === 'binary' ? 'binary' : 'encoding', decoded.reason === 'binary' ? '不是文本文件（含有 NUL 字节），无法检查' : '无法识别网页的编码（不是 UTF-8、UTF-16 或 GB18030/GBK）');
  }
  const html = decoded.text;
  const article = readArticle(html);
  let text = article?.text ?? visibleText(html, { skip: LANDMARKS });
  const title = article?.title;
  if (title && !startsWithTitle(text, title)) text = `${title}\n${text}`;
  return { kind: 'html', text, format: 'text', notWritable: NOT_WRITABLE };
}

type Doc = ReturnType<typeof parseHTML>['document'];
/** The few DOM members used here (the package is compiled without the DOM library). */
interface El {
  firstElementChild: El | null;
  nextElementSibling: El | null;
}

interface Article {
  text: string;
  title?: string;
}

function readArticle(html: string): Article | undefined {
  let document: Doc;
  try {
    document = parseHTML(html).document;
  } catch {
    return undefined;
  }
  if (!document.body || depthOf(document.body as unknown as El) > MAX_READABILITY_DEPTH) return undefined;
  const title = pageTitle(document);
  let content: string | undefined;
  try {
    content = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], { charThreshold: 100, keepClasses: false }).parse()?.content ?? undefined;
  } catch {
    return undefined;
  }
  if (!content) return undefined;
  const text = visibleText(content);
  if (text.replace(/\s/g, '').length < MIN_ARTICLE_CHARS) return undefined;
  return { text, title };
}

/** The deepest element nesting under `root`, walked iteratively. */
function depthOf(root: El): number {
  let max = 0;
  const stack: Array<[El, number]> = [[root, 0]];
  while (stack.length) {
    const [el, d] = stack.pop()!;
    if (d > max) max = d;
    if (max > MAX_READABILITY_DEPTH) return max;
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push([c, d + 1]);
  }
  return max;
}

/**
 * The report's title as the page states it: its first <h1>, else the part of <title> that names
 * a report (sites append their own name: 「…年度报告_某市人民政府」).
 */
function pageTitle(document: Doc): string | undefined {
  const clean = (s: string | null | undefined) => (s ?? '').replace(/[\s\u3000]+/g, ' ').trim();
  const h1 = clean(document.querySelector('h1')?.textContent);
  if (h1.length >= 6 && h1.length <= 80 && /报告/.test(h1)) return h1;
  const parts = clean(document.querySelector('title')?.textContent)
    .split(/\s*[_|｜]\s*|\s+[-–—]+\s+/)
    .filter((p) => /报告/.test(p) && p.length <= 80);
  return parts.sort((a, b) => b.length - a.length)[0] ?? (h1.length >= 6 && h1.length <= 80 ? h1 : undefined);
}

/** Whether the text's first lines already hold the title (possibly over two lines). */
function startsWithTitle(text: string, title: string): boolean {
  const squeeze = (s: string) => s.replace(/[\s\u3000]/g, '');
  const head = text.split('\n').filter((l) => l.trim()).slice(0, 3);
  const t = squeeze(title);
  return head.some((_, i) => squeeze(head.slice(0, i + 1).join('')).includes(t));
}
