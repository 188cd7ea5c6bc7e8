// PDFs as published: laid out by Word (indented paragraphs wrapped at the margin, a running
// header, page numbers), fonts with and without embedded encodings, glyphs that claim Kangxi
// radicals, scans. The text must come back as the report was typed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { placeOf, readInput } from '../../packages/workspace/src/inputs/index.js';
import { restoreIdeographs } from '../../packages/workspace/src/inputs/pdf/ideographs.js';
import { ROOT } from '../helpers.js';
import { reportPdf, ucs2Pdf } from './report-files.js';

const REPORT = readFileSync(join(ROOT, 'test/fixtures/inputs/report.txt'), 'utf8');
const typed = (text: string) => text.split('\n').filter((l) => l.trim());
const lines = (text: string) => text.replace(/\n$/, '').split('\n');

describe('text PDFs', () => {
  it('paragraphs come back as typed: wrapped lines joined, across pages too; running header and page numbers dropped', async () => {
    const doc = await readInput('report.pdf', await reportPdf(REPORT, { header: '青禾县市场监督管理局文件' }));
    expect(doc.kind).toBe('pdf');
    expect(lines(doc.text)).toEqual(typed(REPORT));
    expect(doc.notes![0]).toMatch(/^PDF：共 2 页，按版面合并为段落；页眉、页脚和页码已略去（4 行）$/);
  });

  it('smaller type (more lines per page, more pages) gives the same text', async () => {
    const long = `${REPORT.trimEnd().split('\n').slice(0, -2).join('\n')}\n${REPORT.split('\n').slice(2, -3).join('\n')}\n青禾县市场监督管理局\n2025年2月20日\n`;
    const doc = await readInput('report.pdf', await reportPdf(long, { fontSize: 11, header: '青禾县市场监督管理局' }));
    expect(lines(doc.text)).toEqual(typed(long));
  });

  it('offsets map back to page and line', async () => {
    const doc = await readInput('report.pdf', await reportPdf(REPORT));
    expect(placeOf(doc, 0)).toBe('第 1 页第 1 行');
    // 「合格率98.6%」 wraps onto the line after the one its paragraph starts on.
    expect(placeOf(doc, doc.text.indexOf('98.6%'))).toBe('第 1 页第 13 行');
    expect(placeOf(doc, doc.text.indexOf('2025年2月20日'))).toMatch(/^第 2 页第 \d+ 行$/);
  });

  it('glyphs whose ToUnicode claims Kangxi radicals or radical supplement forms (⼀ for 一, ⻰ for 龙) are read as the characters shown, offsets unchanged', async () => {
    const text = REPORT.replace('扎实推进法治政府建设。', '扎实推进法治政府建设，龙头带动。');
    const doc = await readInput('report.pdf', await reportPdf(text, { toUnicode: { 一: '⼀', 龙: '⻰', 长: '⻓' } }));
    expect(lines(doc.text)).toEqual(typed(text));
    expect(doc.text).not.toMatch(/[\u2e80-\u2fdf]/);
    expect(doc.notes).toContainEqual(expect.stringMatching(/^PDF 中有 \d+ 个康熙部首或兼容汉字（如「⼀」），已按常用汉字检查$/));
  });

  it('restoreIdeographs maps one unit for one', () => {
    const input = '⼀是⻓期坚持，⻰头，⾦融，\uF907，普通文字。';
    const r = restoreIdeographs(input);
    expect(r.text).toBe('一是长期坚持，龙头，金融，龜，普通文字。');
    expect(r.text.length).toBe(input.length);
    expect(r.count).toBe(5);
  });

  it('a font without embedded encoding (UniGB-UCS2-H, as older Word and WPS write) is decoded with pdf.js CMaps', async () => {
    const doc = await readInput('old.pdf', ucs2Pdf(['某局2024年法治政府建设年度报告', '一、主要举措和成效', '全年办理行政复议案件5件，按时办结率100%。']));
    expect(lines(doc.text)).toEqual(['某局2024年法治政府建设年度报告', '一、主要举措和成效', '全年办理行政复议案件5件，按时办结率100%。']);
  });

  it('a scan (page images, no text) is one clear message; a damaged file another', async () => {
    const scan = await PDFDocument.create();
    scan.addPage([595, 842]).drawRectangle({ x: 50, y: 50, width: 400, height: 600 });
    scan.addPage([595, 842]);
    await expect(readInput('scan.pdf', await scan.save())).rejects.toThrow(/^扫描件，没有可提取的文字/);
    const bytes = await reportPdf(REPORT);
    await expect(readInput('cut.pdf', bytes.subarray(0, 400))).rejects.toThrow(/^无法读取 PDF/);
  });
});

describe('print details', () => {
  it('a footnote: its raised mark does not glue onto the figure, its text is a region, not part of the paragraph running on to the next page', async () => {
    const doc = await readInput('report.pdf', await reportPdf(REPORT, { header: '青禾县市场监督管理局', footnote: { after: '合格率98.6%', text: '按参加考试的在编人员计算。' } }));
    expect(lines(doc.text.slice(0, doc.regions![0]!.start))).toEqual(typed(REPORT));
    expect(doc.regions!.map((r) => [r.kind, r.label, r.text])).toEqual([['footnote', '脚注（第 1 页）', expect.stringMatching(/^1 ?按参加考试的在编人员计算。\n$/)]]);
  });

  it('part headings in bold faked by double printing are read once', async () => {
    const doc = await readInput('report.pdf', await reportPdf(REPORT, { fakeBold: true }));
    expect(lines(doc.text)).toEqual(typed(REPORT));
  });
});
