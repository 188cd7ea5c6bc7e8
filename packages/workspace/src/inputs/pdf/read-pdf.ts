import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compose } from '../compose.js';
import { InputError, type InputDocument } from '../types.js';
import { restoreIdeographs } from './ideographs.js';
import type { RegionLines } from '../compose.js';
import { footnotes, furniture, pageLines, paragraphs, type PdfPage, type TextRun } from './layout.js';

/** Fewer characters than this on all pages together: the PDF is page images (a scan). */
const MIN_TEXT_CHARS = 20;
/** Pages read at most (a report is 5–40 pages; a book-sized PDF is not a report). */
const MAX_PAGES = 500;

export interface PdfOptions {
  /**
   * The folder holding pdf.js's cmaps/ and standard_fonts/ (a host that bundles the reader ships
   * them). Defaults to the installed pdfjs-dist package.
   */
  assetsDir?: string;
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/**
 * A text PDF as published (printed from Word or WPS, or from a browser), read with pdf.js and its
 * CMaps (Chinese fonts without embedded encodings need them; nothing is fetched): lines in reading
 * order joined into paragraphs, running headers, footers and page numbers dropped, Kangxi radicals
 * and compatibility ideographs mapped back to the characters they stand for. Each offset maps back
 * to its page and line. A PDF without text (a scan) is an InputError.
 */
export async function readPdf(bytes: Uint8Array, options: PdfOptions = {}): Promise<InputDocument> {
  const pdfjs = await loadPdfJs();
  const assets = options.assetsDir ?? defaultAssetsDir();
  const task = pdfjs.getDocument({
    // pdf.js takes ownership of (and detaches) the buffer it is given.
    data: new Uint8Array(bytes),
    cMapUrl: `${join(assets, 'cmaps')}/`,
    cMapPacked: true,
    standardFontDataUrl: `${join(assets, 'standard_fonts')}/`,
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  });
  const pages: PdfPage[] = [];
  try {
    const pdf = await task.promise;
    if (pdf.numPages > MAX_PAGES) throw new InputError('too-large', `PDF 共 ${pdf.numPages} 页，超过 ${MAX_PAGES} 页，不像一份年度报告`);
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      const runs: TextRun[] = [];
      for (const item of content.items) {
        if (!('str' in item) || !item.str) continue;
        const [a, b, c, d, e, f] = item.transform as number[];
        // Horizontal text only; vertical (rotated) text is stamps and watermarks.
        if (Math.abs(b!) > 1e-3 || Math.abs(c!) > 1e-3) continue;
        runs.push({ text: item.str, x: e! - x0, y: f! - y0, width: item.width, size: Math.abs(d!) || Math.abs(a!) || item.height });
      }
      pages.push({ width: x1 - x0, height: y1 - y0, runs });
      page.cleanup();
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    const name = (e as Error)?.name;
    if (name === 'PasswordException') throw new InputError('pdf', 'PDF 设有打开密码，无法读取：请提供未加密的文件');
    throw new InputError('pdf', `无法读取 PDF：文件已损坏或格式无法识别（${(e as Error)?.message ?? e}）`);
  } finally {
    await task.destroy();
  }
  const lines = pages.map(pageLines);
  const dropped = furniture(pages, lines);
  const notes = footnotes(lines, dropped);
  const body = paragraphs(lines, new Set([...dropped, ...[...notes.values()].flat()]));
  const regions: RegionLines[] = [...notes].map(([p, noteLines]) => ({
    kind: 'footnote',
    label: `脚注（第 ${p + 1} 页）`,
    lines: paragraphs([noteLines], new Set()).map((l) => ({ text: l.text })),
  }));
  const chars = body.reduce((n, l) => n + l.text.replace(/\s/g, '').length, 0);
  if (chars < MIN_TEXT_CHARS) {
    throw new InputError('scanned', '扫描件，没有可提取的文字：PDF 的页面是图片。请用原稿（.docx）检查，或先做文字识别（OCR）');
  }
  let restored = 0;
  for (const line of [...body, ...regions.flatMap((r) => r.lines)]) {
    const r = restoreIdeographs(line.text);
    line.text = r.text;
    restored += r.count;
  }
  const readNotes = [`PDF：共 ${pages.length} 页，按版面合并为段落；页眉、页脚和页码已略去${dropped.size ? `（${dropped.size} 行）` : ''}`];
  if (restored) readNotes.push(`PDF 中有 ${restored} 个康熙部首或兼容汉字（如「⼀」），已按常用汉字检查`);
  return compose({
    kind: 'pdf',
    body,
    regions,
    notes: readNotes,
    notWritable: 'PDF 文件不能自动修复：请修改原稿后重新导出',
  });
}

/**
 * pdf.js's assets: pdfjs/ next to this code in a bundle that ships them (the CLI's bundle/),
 * otherwise the installed pdfjs-dist package. A bundle without either cannot read Chinese fonts.
 */
function defaultAssetsDir(): string {
  const shipped = besideThisModule('pdfjs');
  if (shipped && existsSync(join(shipped, 'cmaps'))) return shipped;
  try {
    return dirname(nodeRequire().resolve('pdfjs-dist/package.json'));
  } catch {
    throw new InputError('pdf', '无法读取 PDF：fzlint 安装不完整，缺少 pdf.js 的字符映射表（pdfjs/cmaps），请重新安装');
  }
}

function besideThisModule(name: string): string | undefined {
  // import.meta.url is undefined in a CommonJS bundle, which passes assetsDir instead.
  const here = (import.meta as { url?: string }).url;
  return here ? fileURLToPath(new URL(name, here)) : undefined;
}

/** require() in every build of this module: ESM (dist/), the CLI's ESM bundle and a CommonJS bundle. */
function nodeRequire(): NodeJS.Require {
  return typeof require === 'function' ? require : createRequire(import.meta.url);
}

let loading: Promise<PdfJs> | undefined;

/**
 * pdf.js with its worker code in this thread (no worker file to locate, which also works in a
 * bundle). Its module prints warnings about canvas support (rendering only) with console.log at
 * load time: they are kept off standard output, where they would corrupt JSON output or the
 * language server's messages.
 */
function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    const log = console.log;
    console.log = () => {};
    try {
      const g = globalThis as { pdfjsWorker?: unknown; process: NodeJS.Process & { getBuiltinModule?: (id: string) => unknown } };
      // Node before 20.16 lacks process.getBuiltinModule, which pdf.js uses to reach fs.
      g.process.getBuiltinModule ??= nodeRequire();
      g.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      return await import('pdfjs-dist/legacy/build/pdf.mjs');
    } finally {
      console.log = log;
    }
  })();
  return loading;
}
