import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineIndex } from '@fzlint/core';
import { AnnotateError, annotatedCopy, annotateDocx, findingComment, readInput } from '@fzlint/workspace';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { json, runMain, tempDir } from '../cli/cli-helpers.js';
import { readSeed, ROOT } from '../helpers.js';
import { docxPackage, p } from '../inputs/docx-package.js';
import { reportDocx } from '../inputs/report-files.js';
import { expectAnchoredOn, listComments, sha256 } from './annotate-helpers.js';

interface EslintFile {
  filePath: string;
  messages: Array<{ ruleId: string; level: string; message: string; line: number; column: number; endLine: number; endColumn: number }>;
}

const LEVEL: Record<string, string> = { error: '错误', warning: '警告', info: '提示' };

/** A reviewer's folder: Word files (automatic numbering, a table, header, footer with a phone number, footnote), a text file, Markdown, and a copied pair. */
function reviewerFolder(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'reports/2024'), { recursive: true });
  writeFileSync(join(dir, 'reports/2024/003.docx'), reportDocx(readSeed('003'), { header: '内部审阅稿', footer: '联系人：王某 13912345678', footnote: '数据截至2024年12月31日。' }));
  writeFileSync(join(dir, 'reports/2024/004.txt'), readSeed('004').replace(/\n/g, '\r\n'));
  writeFileSync(join(dir, 'reports/2024/001.md'), readSeed('001'));
  const batch = join(ROOT, 'test/fixtures/batch/reports/2024');
  writeFileSync(join(dir, 'reports/2024/蓬江区司法局.docx'), reportDocx(readFileSync(join(batch, '蓬江区司法局.txt'), 'utf8')));
  copyFileSync(join(batch, '江海区司法局.txt'), join(dir, 'reports/2024/江海区司法局.txt'));
  return dir;
}

describe('fzlint --annotate', () => {
  it('writes a Word copy of every report with each finding commented on its text; originals unchanged', async () => {
    const dir = reviewerFolder();
    const files = readdirSync(join(dir, 'reports/2024')).map((f) => join(dir, 'reports/2024', f));
    const before = new Map(files.map((f) => [f, sha256(f)]));
    const run = await runMain(['--annotate', 'annotated', '-f', 'json', 'reports'], { cwd: dir });
    expect(run.stderr).toContain('写入 5 份带批注的 Word 副本');
    for (const f of files) expect(sha256(f), f).toBe(before.get(f));

    const results = json<EslintFile[]>(run.stdout);
    expect(results.flatMap((r) => r.messages.map((m) => m.ruleId))).toContain('fzlint/copied-passage');
    for (const r of results) {
      const name = r.filePath.slice(join(dir, 'reports/2024').length + 1).replace(/\.(txt|md|docx)$/, '.docx');
      const copy = join(dir, 'annotated/reports/2024', name);
      expect(existsSync(copy), copy).toBe(true);
      const input = await readInput(r.filePath, readFileSync(r.filePath));
      const lines = new LineIndex(input.text);
      const comments = listComments(copy);
      expect(comments.map((c) => c.paragraphs[0]!.replace(/^（[^）]+中）/, ''))).toEqual(r.messages.map((m) => `【${LEVEL[m.level]}】${m.message}`));
      r.messages.forEach((m, i) => {
        const c = comments[i]!;
        expect(c.author).toBe('fzlint');
        expect(c.paragraphs[1]).toBe(`规则：${m.ruleId}`);
        expect([c.ranges, c.references]).toEqual([1, 1]);
        const start = lines.offsetAt({ line: m.line - 1, character: m.column - 1 });
        const end = lines.offsetAt({ line: m.endLine - 1, character: m.endColumn - 1 });
        const region = input.regions?.find((g) => start >= g.start && start < g.end);
        if (region) {
          // Word anchors no comment in a footer: it goes on the first paragraph, naming where.
          expect(c.paragraphs[0]).toMatch(new RegExp(`^（${region.label}中）`));
          expect(c.anchored.trim()).toBe(input.text.slice(0, input.text.indexOf('\n')).trim());
        } else {
          expectAnchoredOn(c.anchored, input.text, start, end);
        }
      });
    }
  });

  it('keeps every other part of a Word file byte for byte, and its text', async () => {
    const dir = reviewerFolder();
    await runMain(['--annotate', 'out', 'reports/2024/003.docx'], { cwd: dir });
    const original = unzipSync(readFileSync(join(dir, 'reports/2024/003.docx')));
    const copy = unzipSync(readFileSync(join(dir, 'out/reports/2024/003.docx')));
    const changed = ['word/document.xml', 'word/_rels/document.xml.rels', '[Content_Types].xml'];
    for (const [name, data] of Object.entries(original)) {
      if (changed.includes(name)) continue;
      expect(Buffer.from(copy[name]!).equals(Buffer.from(data)), name).toBe(true);
    }
    expect(Object.keys(copy).sort()).toEqual([...Object.keys(original), 'word/comments.xml'].sort());
    const text = (b: Uint8Array) => readInput('x.docx', b).then((d) => d.text.slice(0, d.regions?.[0]?.start));
    expect(await text(readFileSync(join(dir, 'out/reports/2024/003.docx')))).toBe(await text(readFileSync(join(dir, 'reports/2024/003.docx'))));
  });

  it('cites the legal source on structural findings and the replacement on fixable ones', async () => {
    const dir = reviewerFolder();
    await runMain(['--annotate', 'out', 'reports/2024/004.txt'], { cwd: dir });
    const comments = listComments(join(dir, 'out/reports/2024/004.docx'));
    const missing = comments.find((c) => c.paragraphs[1] === '规则：gd2024/part-speeches')!;
    expect(missing.paragraphs.some((t) => t.startsWith('依据：') && t.includes('法治政府建设年度报告'))).toBe(true);
    // The missing part is commented on the heading where it should go.
    expect(missing.anchored).toMatch(/^一、/);
    const doubled = comments.find((c) => c.paragraphs[1] === '规则：repeat/doubled-word')!;
    expect(doubled.anchored).toBe('方法方法');
    expect(doubled.paragraphs).toContain('建议改为：「方法」');
  });

  it('refuses to write a copy over an original, and needs a file or folder', async () => {
    const dir = reviewerFolder();
    const run = await runMain(['--annotate', '.', 'reports/2024/蓬江区司法局.docx'], { cwd: join(dir) });
    // The copy of reports/2024/X.docx goes to ./reports/2024/X.docx: the original itself.
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/未生成批注副本：.*原文件不能被覆盖/);
    expect((await runMain(['--annotate', 'out', '--stdin'], { cwd: dir, input: 'x' })).code).toBe(2);
  });
});

describe('a Word file made by another generator (the docx library)', () => {
  it('gets every finding commented on its text; its parts other than the body are kept', async () => {
    const { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } = await import('docx');
    const text = readSeed('004');
    const lines = text.replace(/\n$/, '').split('\n');
    const paragraphs = lines.map((line, i) => {
      // Formatting splits a line into runs the way an author's edits do.
      const cut = Math.floor(line.length / 3);
      const runs = [new TextRun(line.slice(0, cut)), new TextRun({ text: line.slice(cut, 2 * cut), bold: i % 2 === 0 }), new TextRun(line.slice(2 * cut))];
      return i === 0 ? new Paragraph({ children: runs, heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER }) : new Paragraph({ children: runs });
    });
    const dir = tempDir();
    const file = join(dir, '越秀.docx');
    writeFileSync(file, await Packer.toBuffer(new Document({ creator: '测试', sections: [{ children: paragraphs }] })));
    const before = sha256(file);
    const run = await runMain(['--annotate', 'out', '-f', 'json', '越秀.docx'], { cwd: dir });
    expect(sha256(file)).toBe(before);
    const [result] = json<EslintFile[]>(run.stdout);
    const input = await readInput(file, readFileSync(file));
    const lines2 = new LineIndex(input.text);
    const comments = listComments(join(dir, 'out/越秀.docx'));
    expect(comments).toHaveLength(result!.messages.length);
    expect(result!.messages.length).toBeGreaterThan(5);
    result!.messages.forEach((m, i) => {
      const start = lines2.offsetAt({ line: m.line - 1, character: m.column - 1 });
      const end = lines2.offsetAt({ line: m.endLine - 1, character: m.endColumn - 1 });
      expect(comments[i]!.paragraphs[1]).toBe(`规则：${m.ruleId}`);
      expectAnchoredOn(comments[i]!.anchored, input.text, start, end);
    });
    const original = unzipSync(readFileSync(file));
    const copy = unzipSync(readFileSync(join(dir, 'out/越秀.docx')));
    for (const name of ['word/styles.xml', 'word/numbering.xml', 'docProps/core.xml', 'word/settings.xml']) if (original[name]) expect(Buffer.from(copy[name]!).equals(Buffer.from(original[name]!)), name).toBe(true);
  });
});

describe('comments in Word files as people write them', () => {
  const annotate = (body: string, ranges: Array<[string, string]>, extra: Partial<Parameters<typeof docxPackage>[0]> = {}) => {
    const bytes = docxPackage({ body, ...extra });
    return readInput('x.docx', bytes).then((input) => {
      const annotations = ranges.map(([needle, message]) => {
        const start = input.text.indexOf(needle);
        expect(start, needle).toBeGreaterThanOrEqual(0);
        return { start, end: start + needle.length, paragraphs: [message] };
      });
      const dir = tempDir();
      const file = join(dir, 'a.docx');
      writeFileSync(file, annotateDocx(bytes, annotations, {}, input.text).bytes);
      return listComments(file);
    });
  };

  it('splits runs where a finding starts or ends inside them, keeping their formatting', async () => {
    const body = `<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>全年开展法制宣传</w:t></w:r><w:r><w:t xml:space="preserve">活动 </w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>35场。</w:t></w:r></w:p>`;
    const comments = await annotate(body, [['法制宣传活动', '甲'], ['动 35', '乙'], ['全年', '丙']]);
    expect(comments.map((c) => [c.paragraphs[0], c.anchored])).toEqual([['甲', '法制宣传活动'], ['乙', '动 35'], ['丙', '全年']]);
  });

  it('anchors across the many runs Word writes (revision ids, spelling marks, bookmarks between them)', async () => {
    const run = (t: string, rsid: string) => `<w:r w:rsidRPr="${rsid}"><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t>${t}</w:t></w:r>`;
    const body = `<w:p w:rsidR="00A1"><w:pPr><w:ind w:firstLineChars="200"/></w:pPr>${run('全年开展', '00B1')}<w:proofErr w:type="spellStart"/>${run('法', '00B2')}<w:bookmarkStart w:id="0" w:name="_Toc1"/>${run('制宣', '00B3')}<w:bookmarkEnd w:id="0"/><w:proofErr w:type="spellEnd"/>${run('传活动35场。', '00B4')}</w:p>`;
    const comments = await annotate(body, [['法制宣传', '法治'], ['35场', '数'], ['全年开展法制宣传活动35场。', '整段']]);
    expect(comments.map((c) => [c.paragraphs[0], c.anchored])).toEqual([['法治', '法制宣传'], ['数', '35场'], ['整段', '全年开展法制宣传活动35场。']]);
  });

  it('counts entities as the characters they stand for, and finds text in links, insertions and fields', async () => {
    const body = [
      `<w:p><w:r><w:t>A&amp;B公司&#x4E2D;标</w:t></w:r></w:p>`,
      `<w:p><w:hyperlink r:id="rId99"><w:r><w:t>政府信息公开专栏</w:t></w:r></w:hyperlink><w:ins w:id="1" w:author="x"><w:r><w:t>新增内容</w:t></w:r></w:ins><w:del w:id="2" w:author="x"><w:r><w:delText>删去</w:delText></w:r></w:del></w:p>`,
    ].join('');
    const comments = await annotate(body, [['B公司中', '一'], ['公开专栏新增', '二']]);
    expect(comments.map((c) => c.anchored)).toEqual(['B公司中', '公开专栏新增']);
  });

  it('anchors in table cells, keeps the file’s own comments and numbers new ones after them', async () => {
    const body = `${p('一段文字。')}<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>已有批注的文字</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p><w:tbl><w:tr><w:tc>${p('复议案件')}</w:tc><w:tc>${p('158宗')}</w:tc></w:tr></w:tbl>`;
    const comments = await annotate(body, [['158宗', '表格'], ['批注的', '重叠']], { comments: [{ author: '审阅人', xml: p('原有意见') }] });
    expect(comments.map((c) => [c.id, c.author, c.paragraphs[0], c.anchored])).toEqual([
      [0, '审阅人', '原有意见', '已有批注的文字'],
      [1, 'fzlint', '表格', '158宗'],
      [2, 'fzlint', '重叠', '批注的'],
    ]);
  });

  it('renders text reports as Word with the same comments, CRLF line ends included', async () => {
    const text = '某区司法局2024年法治政府建设年度报告\r\n\r\n一、主要举措\r\n全年开展法制宣传活动35场。\tA\r\n';
    const start = text.indexOf('法制宣传');
    const copy = annotatedCopy({ kind: 'txt', bytes: new TextEncoder().encode(text), text }, [{ start, end: start + 4, paragraphs: ['法治'] }, { start: text.indexOf('一、'), end: text.indexOf('一、'), paragraphs: ['标题'] }]);
    expect(copy.rendered).toBe(true);
    const file = join(tempDir(), 'r.docx');
    writeFileSync(file, copy.bytes);
    expect(listComments(file).map((c) => c.anchored)).toEqual(['法制宣传', '一、主要举措']);
    const reread = await readInput(file, copy.bytes);
    expect(reread.text.slice(0, reread.regions?.[0]?.start)).toBe(text.replace(/\r\n/g, '\n'));
  });

  it('writes nothing when the Word file changed after it was checked', async () => {
    const bytes = docxPackage({ body: p('全年开展法制宣传活动35场。') });
    expect(() => annotateDocx(bytes, [{ start: 0, end: 2, paragraphs: ['甲'] }], {}, '全年开展法治宣传活动35场。\n')).toThrow(AnnotateError);
    expect(() => annotateDocx(bytes, [{ start: 0, end: 2, paragraphs: ['甲'] }], {}, '全年开展法制宣传活动35场。\n')).not.toThrow();
  });

  it('turns a finding into a comment with level, message, rule, replacement and source', () => {
    const text = '开展法制宣传活动';
    const d = { ruleId: 'term/fazhi', severity: 'warning' as const, message: '「法制宣传」应为「法治宣传」', start: 2, end: 6, range: { start: { line: 0, character: 2 }, end: { line: 0, character: 6 } }, fix: { title: '改为法治宣传', edits: [{ start: 2, end: 4, text: '法治' }] } };
    expect(findingComment(d, text, { kind: 'substitution', source: '甲' }).paragraphs).toEqual(['【警告】「法制宣传」应为「法治宣传」', '规则：term/fazhi', '建议改为：「法治宣传」']);
    expect(findingComment({ ...d, fix: undefined }, text, { kind: 'required-section', source: '《工作规定》' }).paragraphs).toEqual(['【警告】「法制宣传」应为「法治宣传」', '规则：term/fazhi', '依据：《工作规定》']);
  });
});

const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice', '/opt/libreoffice/program/soffice'].find((f) => existsSync(f));

describe.skipIf(!soffice)('LibreOffice opens the annotated copies', () => {
  it('converts a copy to PDF with every comment in it', async () => {
    const dir = reviewerFolder();
    const run = await runMain(['--annotate', 'out', '-f', 'json', 'reports/2024/003.docx', 'reports/2024/004.txt'], { cwd: dir });
    const results = json<EslintFile[]>(run.stdout);
    const profile = join(dir, 'lo-profile');
    for (const [name, result] of [['003', results[0]!], ['004', results[1]!]] as const) {
      const copy = join(dir, `out/reports/2024/${name}.docx`);
      execFileSync(soffice!, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}', '--outdir', join(dir, 'pdf'), copy], { stdio: 'ignore', timeout: 120_000 });
      const notes = await pdfNotes(join(dir, `pdf/${name}.pdf`));
      for (const m of result.messages) expect(notes.some((n) => n.includes(m.message) && n.includes(m.ruleId)), m.message).toBe(true);
      expect(notes).toHaveLength(result.messages.length);
    }
  }, 240_000);
});

/** The text of the PDF's comment annotations (LibreOffice exports Word comments as notes). */
async function pdfNotes(file: string): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 }).promise;
  const out: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    for (const a of await (await doc.getPage(i)).getAnnotations()) if (a.subtype === 'Text') out.push(String(a.contentsObj?.str ?? ''));
  }
  return out;
}

// Keep spawnSync referenced for environments that inspect helpers (python3 must exist: CI has it).
void spawnSync;
