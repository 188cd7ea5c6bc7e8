// Reading a report file to text, per format: a 20-page .docx (automatic numbering, tables,
// header, footnote) and a 20-page PDF (embedded CJK subset fonts, running header, page numbers)
// made by the test fixture generator, the Word 97 fixture and a saved web page.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readInput } from '../packages/workspace/dist/index.js';
import { median, row } from './util.mjs';

const TARGET_MS = 200;
const PAGES = 20;

/** The fixture generator (TypeScript, test/inputs/report-files.ts), bundled for this run. */
export async function generators(root) {
  // Inside node_modules, so that the bundle finds pdf-lib and fontkit.
  const dir = mkdtempSync(join(root, 'node_modules/.cache-fzlint-bench-'));
  const out = join(dir, 'report-files.mjs');
  const { build } = await import('esbuild');
  await build({ entryPoints: [join(root, 'test/inputs/report-files.ts')], bundle: true, platform: 'node', format: 'esm', outfile: out, packages: 'external', logLevel: 'warning', absWorkingDir: root });
  const mod = await import(pathToFileURL(out).href).catch((e) => {
    throw new Error(`inputs benchmark: cannot load the fixture generator (${e.message})`);
  });
  rmSync(dir, { recursive: true, force: true });
  return mod;
}

/** The fixture report with its measures part repeated until it fills about `pages` A4 pages at 14 pt. */
export function longReport(text, pages) {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith('四、'));
  const end = lines.findIndex((l) => l.startsWith('五、'));
  const measures = lines.slice(start + 1, end).filter((l) => !l.includes('\t'));
  const extra = [];
  // About 540 characters fill a page at 14 pt with the generator's margins and line spacing.
  for (let i = 0; [...lines, ...extra].join('').length < pages * 540; i++) extra.push(measures[i % measures.length]);
  return [...lines.slice(0, end), ...extra, ...lines.slice(end)].join('\n');
}

async function timeAsync(fn, runs) {
  await fn();
  await fn();
  const xs = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    xs.push(performance.now() - t);
  }
  return median(xs);
}

export async function benchInputs(root) {
  const { reportDocx, reportPdf } = await generators(root);
  const fixtures = join(root, 'test/fixtures/inputs');
  const text = longReport(readFileSync(join(fixtures, 'report.txt'), 'utf8'), PAGES);
  const docx = reportDocx(text, { header: '青禾县市场监督管理局', footnote: '本报告数据截至2024年12月31日。' });
  const pdf = await reportPdf(text, { header: '青禾县市场监督管理局' });
  const doc = readFileSync(join(fixtures, 'report.doc'));
  const html = Buffer.from(`<!DOCTYPE html><html><head><title>青禾县市场监督管理局2024年法治政府建设年度报告_青禾县人民政府</title></head><body><nav><a>首页</a><a>政务公开</a></nav><div class="content">${text
    .split('\n')
    .map((l) => `<p>${l}</p>`)
    .join('')}</div><footer>网站标识码</footer></body></html>`);

  // The first PDF read loads pdf.js (about 1 MB of code in this thread): reported on its own.
  const coldStart = performance.now();
  const first = await readInput('report.pdf', pdf);
  const cold = performance.now() - coldStart;
  const pages = /共 (\d+) 页/.exec(first.notes?.[0] ?? '')?.[1];
  if (Number(pages) < PAGES) throw new Error(`inputs benchmark: the PDF has ${pages} pages, fewer than ${PAGES}`);
  if (!first.text.includes('合法性审查件数\t55件')) throw new Error('inputs benchmark: the PDF did not read back');

  const docxMs = await timeAsync(() => readInput('report.docx', docx), 20);
  const pdfMs = await timeAsync(() => readInput('report.pdf', pdf), 10);
  const docMs = await timeAsync(() => readInput('report.doc', doc), 20);
  const htmlMs = await timeAsync(() => readInput('report.html', html), 20);
  const kb = (b) => `${(b.length / 1024).toFixed(0)} KB`;
  return [
    row(`inputs: .docx, ${PAGES} pages (${kb(docx)}, numbering, tables, header, footnote) to text (median)`, docxMs, 'ms', `≤ ${TARGET_MS} ms`, docxMs <= TARGET_MS),
    row(`inputs: PDF, ${pages} pages (${kb(pdf)}, CJK subset fonts) to text (median, pdf.js loaded)`, pdfMs, 'ms', `≤ ${TARGET_MS} ms`, pdfMs <= TARGET_MS),
    row(`inputs: PDF, first file of a run (loading pdf.js included)`, cold, 'ms', 'reported', true),
    row(`inputs: .doc (Word 97, ${kb(doc)}) to text (median)`, docMs, 'ms', `≤ ${TARGET_MS} ms`, docMs <= TARGET_MS),
    row(`inputs: web page (${kb(html)}, Readability over linkedom) to text (median)`, htmlMs, 'ms', `≤ ${TARGET_MS} ms`, htmlMs <= TARGET_MS),
  ];
}
