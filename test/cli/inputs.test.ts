import { Document, Packer, Paragraph, TextRun } from 'docx';
import iconv from 'iconv-lite';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText, encodeText } from '../../packages/workspace/src/inputs/encoding.js';
import { visibleText } from '../../packages/workspace/src/inputs/html-text.js';
import { readSeed, SEED_FILES, seedPath } from '../helpers.js';
import { json, runMain, tempDir, type EslintFile } from './cli-helpers.js';

type SeedId = keyof typeof SEED_FILES;
const SEEDS = Object.keys(SEED_FILES) as SeedId[];

async function lintJson(dir: string, file: string): Promise<EslintFile> {
  const r = await runMain(['-f', 'json', file], { cwd: dir });
  expect(r.stderr).toBe('');
  return json<EslintFile[]>(r.stdout)[0]!;
}

const findings = (f: EslintFile) => f.messages.map((m) => `${m.ruleId}@${m.line}:${m.column}`);
const ruleIds = (f: EslintFile) => f.messages.map((m) => m.ruleId);

/** A .docx with one paragraph per line of the text, as Word would store a pasted report. */
async function docxFrom(text: string): Promise<Buffer> {
  const lines = text.replace(/\r?\n$/, '').split(/\r?\n/);
  const doc = new Document({ sections: [{ children: lines.map((l) => new Paragraph({ children: [new TextRun(l)] })) }] });
  return Packer.toBuffer(doc);
}

describe('input encodings', () => {
  it('detects UTF-8 with and without BOM, UTF-16 LE/BE with BOM, GB18030; binary and invalid bytes are refused', async () => {
    const text = '一、主要举措\r\n学法考试合格率100%。\n';
    const cases: Array<[Buffer, string, boolean]> = [
      [Buffer.from(text, 'utf8'), 'utf-8', false],
      [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]), 'utf-8', true],
      [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'utf-16le', true],
      [Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]), 'utf-16be', true],
      [iconv.encode(text, 'gb18030'), 'gb18030', false],
      [iconv.encode(text, 'gbk'), 'gb18030', false],
    ];
    for (const [bytes, encoding, bom] of cases) {
      const d = decodeText(bytes);
      expect(d.ok && d.text).toBe(text);
      if (!d.ok) continue;
      expect(d.storage).toMatchObject({ encoding, bom });
      expect((await encodeText(d.text, d.storage)).equals(bytes)).toBe(true);
    }
    expect(decodeText(Buffer.from('abc\u0000def'))).toEqual({ ok: false, reason: 'binary' });
    expect(decodeText(Buffer.from([0xff, 0xff, 0x80, 0x80, 0xff]))).toEqual({ ok: false, reason: 'encoding' });
    const crlf = decodeText(Buffer.from('a\r\nb\r\nc\n'));
    expect(crlf.ok && crlf.storage.eol).toBe('\r\n');
  });

  it.each(SEEDS)('seed %s: a GB18030 copy and a UTF-16 copy give the same findings, lines and columns as UTF-8', async (id) => {
    const dir = tempDir();
    const text = readSeed(id);
    copyFileSync(seedPath(id), join(dir, 'utf8.txt'));
    writeFileSync(join(dir, 'gb.txt'), iconv.encode(text, 'gb18030'));
    writeFileSync(join(dir, 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    writeFileSync(join(dir, 'bom.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
    const original = await lintJson(dir, 'utf8.txt');
    expect(original.messages.length).toBeGreaterThan(0);
    for (const copy of ['gb.txt', 'utf16.txt', 'bom.txt']) expect(findings(await lintJson(dir, copy)), copy).toEqual(findings(original));
  });

  it.each(SEEDS)('seed %s: a .docx made from it gives the same rule ids as the UTF-8 original', async (id) => {
    const dir = tempDir();
    copyFileSync(seedPath(id), join(dir, 'report.txt'));
    writeFileSync(join(dir, 'report.docx'), await docxFrom(readSeed(id)));
    const original = await lintJson(dir, 'report.txt');
    const docx = await lintJson(dir, 'report.docx');
    expect(ruleIds(docx)).toEqual(ruleIds(original));
    // One paragraph per line: findings point at the same paragraph numbers.
    expect(docx.messages.map((m) => m.line)).toEqual(original.messages.map((m) => m.line));
  });

  it('a .docx keeps empty paragraphs as lines and refuses --fix with a clear message', async () => {
    const dir = tempDir();
    const text = '某局2024年法治政府建设年度报告\n\n一、主要举措和成效\n加强法制宣传。\n';
    writeFileSync(join(dir, 'a.docx'), await docxFrom(text));
    writeFileSync(join(dir, '.fzlint.yaml'), 'rules:\n  r:\n    kind: pattern\n    severity: warning\n    words: [法制宣传]\n    replace: 法治宣传\n');
    const lint = await lintJson(dir, 'a.docx');
    expect(findings(lint)).toEqual(['r@4:3']);
    const before = Buffer.from(await docxFrom(text));
    writeFileSync(join(dir, 'a.docx'), before);
    const fix = await runMain(['--fix', 'a.docx'], { cwd: dir });
    expect(fix.stdout).toContain('.docx 文件不能自动修复');
    expect(fix.code).toBe(0);
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(join(dir, 'a.docx')).equals(before)).toBe(true);
  });

  it('a damaged .docx is reported as unreadable (exit 2), not a crash', async () => {
    const dir = tempDir();
    const whole = Buffer.from(await docxFrom('某局2024年法治政府建设年度报告\n一、主要举措和成效\n'));
    writeFileSync(join(dir, 'bad.docx'), whole.subarray(0, whole.length >> 1));
    const r = await runMain(['bad.docx'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('无法读取 Word 文档');
  });
});

describe('HTML input: visible body text only', () => {
  it('drops head, scripts, styles, hidden elements and form controls; one line per block', () => {
    const html = `<!doctype html><html><head><title>标题栏文字</title><style>p{color:red}</style><script>var x = "脚本";</script></head>
<body><nav style="display: none">隐藏导航</nav><div hidden>隐藏</div>
<h1>某局2024年
  法治政府建设年度报告</h1>
<p>&nbsp;&nbsp;一、主要举措和成效</p><p>学法考试<b>合格率</b>100%。<br>第二行</p>
<table><tr><td>项目</td><td>数量</td></tr></table><input type="hidden" value="x"><noscript>请启用脚本</noscript>
<pre>  保留
  空格</pre></body></html>`;
    expect(visibleText(html)).toBe('某局2024年法治政府建设年度报告\n一、主要举措和成效\n学法考试合格率100%。\n第二行\n项目\t数量\n  保留\n  空格\n');
  });

  it('a report saved as a web page (GBK) gives the same rule ids as the text', async () => {
    const dir = tempDir();
    const text = readSeed('001');
    const body = text
      .split(/\r?\n/)
      .map((l) => `<p>${l.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
      .join('\n');
    const page = `<html><head><meta charset="gbk"><title>网站标题</title><script>document.title="x"</script></head><body><div style="display:none">分享到微信</div>${body}</body></html>`;
    writeFileSync(join(dir, 'page.html'), iconv.encode(page, 'gbk'));
    copyFileSync(seedPath('001'), join(dir, 'report.txt'));
    const fromHtml = await lintJson(dir, 'page.html');
    const fromText = await lintJson(dir, 'report.txt');
    // Empty lines of the text are not paragraphs on the page, so compare rule ids only.
    expect(ruleIds(fromHtml)).toEqual(ruleIds(fromText));
    const fix = await runMain(['--fix', 'page.html'], { cwd: dir });
    expect(fix.stdout).toContain('网页文件（.html）不能自动修复');
  });
});
