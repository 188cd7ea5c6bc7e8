// The reviewer's day from the issue, through the command line: Word files with automatic
// numbering and tables, secrets in headers and footers, footnotes after the signature, folders of
// PDF / .doc / .wps files, a scanned PDF among them.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { json, runMain, tempDir, type EslintFile } from '../cli/cli-helpers.js';
import { ROOT } from '../helpers.js';
import { reportDocx, reportPdf } from './report-files.js';

/** A folder for reports of the fictional 青禾县, held to the Guangdong template like the real ones they imitate. */
function reportDir(): string {
  const dir = tempDir();
  writeFileSync(join(dir, '.fzlint.yaml'), 'extends: fzlint:recommended\nregion: 广东\n');
  return dir;
}

const FIXTURES = join(ROOT, 'test/fixtures/inputs');
const REPORT = readFileSync(join(FIXTURES, 'report.txt'), 'utf8');

type Message = EslintFile['messages'][number] & { place?: string };

async function lint(dir: string, ...files: string[]): Promise<{ code: number; files: Array<EslintFile & { messages: Message[] }>; stderr: string }> {
  const r = await runMain(['-f', 'json', ...files], { cwd: dir });
  return { code: r.code, files: json(r.stdout), stderr: r.stderr };
}

const ids = (f: EslintFile) => f.messages.map((m) => m.ruleId);

describe('Word files as Word shows them', () => {
  it('a complete report whose part headings use automatic numbering has no missing-part or numbering findings', async () => {
    const dir = reportDir();
    writeFileSync(join(dir, 'report.docx'), reportDocx(REPORT));
    const { code, files } = await lint(dir, 'report.docx');
    expect(ids(files[0]!)).toEqual([]);
    expect(code).toBe(0);
  });

  it('a figure in a table row is a data point and a rate in a table is checked', async () => {
    const dir = reportDir();
    const text = REPORT.replace('合法性审查件数\t55件\n', '合法性审查件数\t55件\n学法考试合格率\t120%\n');
    writeFileSync(join(dir, 'report.docx'), reportDocx(text));
    const { files } = await lint(dir, 'report.docx');
    expect(files[0]!.messages.map((m) => [m.ruleId, m.place])).toEqual([['num/rate-over-100', '表格 1 第 2 行']]);
    expect(ids(files[0]!)).not.toContain('data/legality-review');
  });

  it('a secret mark in the header and a mobile number in the footer are found and named by their region; footnotes do not hide the signature', async () => {
    const dir = reportDir();
    writeFileSync(join(dir, 'report.docx'), reportDocx(REPORT, { header: '机密★1年', footer: '联系人：王某 13812345678', footnote: '本报告数据截至2024年12月31日。' }));
    const { files } = await lint(dir, 'report.docx');
    expect(files[0]!.messages.map((m) => [m.ruleId, m.place])).toEqual([
      ['safety/classification-mark', '页眉'],
      ['safety/mobile-number', '页脚'],
    ]);
    const stylish = await runMain(['report.docx'], { cwd: dir });
    expect(stylish.stdout).toMatch(/^ {2}页眉 {4}错误 {2}「机密★1年」是密级标志/m);
    expect(stylish.stdout).toMatch(/^ {2}页脚 {4}错误 {2}疑似手机号码「138\*\*\*\*5678」/m);
    expect(stylish.stdout).toContain('另检查了页眉、页脚、脚注中的文字');
  });

  it('unaccepted tracked changes: the accepted text is checked, with one info finding', async () => {
    const dir = reportDir();
    const docx = Buffer.from(reportDocx(REPORT));
    const { unzipSync, zipSync, strToU8, strFromU8 } = await import('fflate');
    const parts = unzipSync(docx);
    const xml = strFromU8(parts['word/document.xml']!).replace(
      '<w:t xml:space="preserve">局党组把学习贯彻',
      '<w:t xml:space="preserve">局党组把</w:t></w:r><w:del w:id="9" w:author="审核人"><w:r><w:delText>认真</w:delText></w:r></w:del><w:r><w:t xml:space="preserve">学习贯彻',
    );
    parts['word/document.xml'] = strToU8(xml);
    writeFileSync(join(dir, 'report.docx'), zipSync(parts));
    const { code, files } = await lint(dir, 'report.docx');
    expect(files[0]!.messages.map((m) => [m.ruleId, m.severity, m.place])).toEqual([['fzlint/tracked-changes', 1, '第 6 段']]);
    expect(code).toBe(0);
    expect((await runMain(['explain', 'fzlint/tracked-changes'])).stdout).toContain('全部接受');
    const sarif = json<{ runs: Array<{ tool: { driver: { rules: Array<{ id: string }> } }; results: Array<{ ruleId: string; locations: Array<{ message?: { text: string } }> }> }> }>((await runMain(['-f', 'sarif', 'report.docx'], { cwd: dir })).stdout);
    expect(sarif.runs[0]!.tool.driver.rules.map((r) => r.id)).toContain('fzlint/tracked-changes');
    expect(sarif.runs[0]!.results.map((r) => [r.ruleId, r.locations[0]!.message?.text])).toEqual([['fzlint/tracked-changes', '第 6 段']]);
    const off = await runMain(['-f', 'json', '--rule', 'fzlint/tracked-changes:off', 'report.docx'], { cwd: dir });
    expect(json<EslintFile[]>(off.stdout)[0]!.messages).toEqual([]);
    const warning = await runMain(['-f', 'json', '--rule', 'fzlint/tracked-changes:warning', 'report.docx'], { cwd: dir });
    expect(json<Array<EslintFile & { messages: Message[] }>>(warning.stdout)[0]!.messages.map((m) => (m as unknown as { level: string }).level)).toEqual(['warning']);
  });
});

describe('PDF, .doc and .wps', () => {
  it('a folder with only .pdf, .doc and .wps reports lints them all', async () => {
    const dir = reportDir();
    writeFileSync(join(dir, 'a.pdf'), await reportPdf(REPORT, { header: '青禾县市场监督管理局' }));
    copyFileSync(join(FIXTURES, 'report.doc'), join(dir, 'b.doc'));
    copyFileSync(join(FIXTURES, 'report.wps'), join(dir, 'c.wps'));
    const { code, files } = await lint(dir, '.');
    expect(files.map((f) => f.filePath.slice(dir.length + 1))).toEqual(['a.pdf', 'b.doc', 'c.wps']);
    expect(files.map((f) => (f as unknown as { report: { kind: string } }).report.kind)).toEqual(['pdf', 'doc', 'doc']);
    expect(files.map(ids)).toEqual([[], [], []]);
    expect(code).toBe(0);
  });

  it('a mixed folder lists the files it skipped and why', async () => {
    const dir = reportDir();
    writeFileSync(join(dir, 'report.txt'), REPORT);
    writeFileSync(join(dir, '统计表.xlsx'), 'x');
    writeFileSync(join(dir, '扫描.png'), 'x');
    writeFileSync(join(dir, '附件.zip'), 'x');
    const r = await runMain(['.'], { cwd: dir });
    expect(r.stdout).toContain('✓ 1 份报告，未发现问题');
    expect(r.stdout).toContain('跳过 3 个不是报告的文件：\n  图片：扫描.png\n  表格文件，不支持：统计表.xlsx\n  压缩包，请解压后检查：附件.zip');
    const machine = await runMain(['-f', 'json', '.'], { cwd: dir });
    expect(machine.stderr).toContain('fzlint：跳过 3 个不是报告的文件');
  });

  it('a .pdf named explicitly is read as a PDF, places are page and line; a scanned PDF is one message and exit 2 while the others are checked', async () => {
    const dir = reportDir();
    writeFileSync(join(dir, 'report.pdf'), await reportPdf(REPORT.replace('合格率98.6%', '合格率101%')));
    const scan = await PDFDocument.create();
    const page = scan.addPage([595, 842]);
    page.drawRectangle({ x: 50, y: 50, width: 400, height: 600 });
    writeFileSync(join(dir, 'scan.pdf'), await scan.save());
    const r = await lint(dir, 'report.pdf', 'scan.pdf');
    expect(r.files[0]!.messages.map((m) => [m.ruleId, m.place])).toEqual([['num/rate-over-100', '第 1 页第 13 行']]);
    expect(r.files[1]!.messages[0]).toMatchObject({ fatal: true, message: expect.stringContaining('扫描件，没有可提取的文字') });
    expect(r.code).toBe(2);
  });

  it('a text file named .pdf is read by its content, with a note', async () => {
    const dir = reportDir();
    writeFileSync(join(dir, 'report.pdf'), REPORT);
    const r = await runMain(['report.pdf', '--fix'], { cwd: dir });
    expect(r.stdout).toContain('扩展名为 .pdf，但内容是纯文本，已按纯文本读取');
    expect(readFileSync(join(dir, 'report.pdf'), 'utf8')).toBe(REPORT);
  });

  it('.doc regions: the header and footer are checked and named', async () => {
    const dir = reportDir();
    copyFileSync(join(FIXTURES, 'regions.doc'), join(dir, 'regions.doc'));
    const { files } = await lint(dir, 'regions.doc');
    expect(files[0]!.messages.map((m) => [m.ruleId, m.place])).toEqual([
      ['safety/classification-mark', '页眉'],
      ['safety/mobile-number', '页脚'],
    ]);
  });

  it('an unreadable .doc says what to do', async () => {
    const dir = reportDir();
    const ole = Buffer.alloc(1024);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    writeFileSync(join(dir, 'old.doc'), ole);
    const { code, files } = await lint(dir, 'old.doc');
    expect(files[0]!.messages[0]!.message).toMatch(/无法读取 Word 97–2003 \/ WPS 文档：.*另存为 \.docx/);
    expect(code).toBe(2);
  });
});
