// The layout rules that turn a PDF's positioned text back into typed paragraphs, on pages built
// run by run: what a page header, a page number or a paragraph break looks like in print.
import { describe, expect, it } from 'vitest';
import { furniture, pageLines, paragraphs, type PdfPage, type TextRun } from '../../packages/workspace/src/inputs/pdf/layout.js';

const H = 842;
const SIZE = 16;
/** A line of CJK text at (x, y), one run per line as Word's PDF export writes it. */
const run = (text: string, x: number, y: number, size = SIZE): TextRun => ({ text, x, y, width: [...text].length * size * (/^[\x20-\x7e]+$/.test(text) ? 0.55 : 1), size });

function page(lines: Array<[string, number]>, extra: TextRun[] = []): PdfPage {
  return { width: 595, height: H, runs: [...lines.map(([t, x], i) => run(t, x, 740 - i * 28)), ...extra] };
}

function read(pages: PdfPage[]): string[] {
  const lines = pages.map(pageLines);
  return paragraphs(lines, furniture(pages, lines)).map((l) => l.text);
}

describe('PDF layout', () => {
  it('page numbers in the forms Chinese documents print them are dropped; a header repeated with its page number too', () => {
    const forms = ['- 1 -', '— 2 —', '－3－', '第 4 页 共 6 页', '第5页/共6页', '6/6'];
    const pages = forms.map((n, i) =>
      page([[`第${i + 1}页的正文，一段完整的话。`, 122]], [run(n, 280, 40, 10.5), run(`青禾县市场监督管理局文件 第${i + 1}期`, 90, 800, 10.5)]),
    );
    expect(read(pages)).toEqual(forms.map((_, i) => `第${i + 1}页的正文，一段完整的话。`));
  });

  it('a line at the top of one page only is kept (a heading, not a running header)', () => {
    const full = '排满一行的正文排满一行的正文排满一行的正文排满一行的';
    const pages = [page([['一、主要举措和成效', 122], [full, 122], ['正文。', 90]]), page([['第二页正文。', 122]])];
    pages[0]!.runs.push(run('青禾县市场监督管理局', 90, 800));
    expect(read(pages)).toEqual(['青禾县市场监督管理局', '一、主要举措和成效', `${full}正文。`, '第二页正文。']);
  });

  it('wrapped lines join; an indented line, a short line before, a gap or a change of size start a new paragraph', () => {
    const full = '这是一行排满的文字这是一行排满的文字这是一行排满的文字';
    const p = page([
      [full, 122],
      [full + '字字', 90],
      ['最后一行。', 90],
      ['新的段落首行缩进两个字符这是一行排满的文字这是一行排', 122],
      ['接续的行。', 90],
    ]);
    p.runs.push(run('大字标题', 200, 560, 24));
    const out = read([p]);
    expect(out).toEqual([`${full}${full}字字最后一行。`, '新的段落首行缩进两个字符这是一行排满的文字这是一行排接续的行。', '大字标题']);
  });

  it('a paragraph runs on across a page break unless the page ended a sentence', () => {
    const full = '跨页的段落在这一页排满了这一行跨页的段落在这一页排满了这';
    const pages = [page([['首段开头缩进两个字符的文字这一页排满了这一行跨页的段', 122], [full, 90]]), page([['一行接着写完。', 90], ['另起一段。', 122]])];
    expect(read(pages)).toEqual([`首段开头缩进两个字符的文字这一页排满了这一行跨页的段${full}一行接着写完。`, '另起一段。']);
  });

  it('Latin words wrapped over lines keep their space, figures split by justification do not get one', () => {
    const pages = [page([['参考文献：Guidelines for', 122], ['public reports. 合格率10', 90], ['0%。', 90]])];
    pages[0]!.runs[0]!.width = 388;
    pages[0]!.runs[1]!.width = 420;
    expect(read(pages)).toEqual(['参考文献：Guidelines for public reports. 合格率100%。']);
  });

  it('a part heading that is not indented still starts a paragraph after a sentence ends', () => {
    const full = '上一段排满了这一行上一段排满了这一行上一段排满了这一行上。';
    expect(read([page([['段首缩进的上一段排满了这一行上一段排满了这一行上一段', 122], [full, 90], ['二、存在的不足和原因', 90], ['下一段。', 122]])])).toEqual([
      `段首缩进的上一段排满了这一行上一段排满了这一行上一段${full}`,
      '二、存在的不足和原因',
      '下一段。',
    ]);
  });

  it('cells of a table row far apart become one line with tabs', () => {
    const p: PdfPage = { width: 595, height: H, runs: [run('合法性审查件数', 90, 700), run('55件', 300, 700), run('按时办结率', 90, 672), run('98%', 300, 672)] };
    expect(read([p])).toEqual(['合法性审查件数\t55件', '按时办结率\t98%']);
  });
});
