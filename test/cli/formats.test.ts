import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT, seedPath } from '../helpers.js';
import { json, read, runMain, tempDir, type EslintFile } from './cli-helpers.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/** A folder with two seeds, a report with a fixable finding and a rule that has a URL, and a file that cannot be read. */
function corpus(): string {
  const dir = tempDir();
  copyFileSync(seedPath('001'), join(dir, '2024-龙岗.txt'));
  copyFileSync(seedPath('004'), join(dir, '2024-越秀.txt'));
  writeFileSync(join(dir, '.fzlint.yaml'), 'extends: fzlint:recommended\nrules:\n  my/fazhi:\n    kind: pattern\n    severity: warning\n    words: [法制宣传]\n    replace: 法治宣传\n    description: 用「法治宣传」\n    url: https://example.org/rules/fazhi\n');
  writeFileSync(join(dir, 'draft,v1.md'), '# 某局2024年法治政府建设年度报告\n\n一是加强法制宣传，完成率100%。\n');
  writeFileSync(join(dir, 'broken.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff]));
  return dir;
}

describe('output formats', () => {
  it('sarif validates against the official SARIF 2.1.0 schema and carries rule metadata', async () => {
    const dir = corpus();
    const r = await runMain(['-f', 'sarif', '.'], { cwd: dir });
    expect(r.code).toBe(2); // broken.txt cannot be checked
    const log = json<any>(r.stdout);
    const schema = JSON.parse(readFileSync(join(ROOT, 'test/cli/data/sarif-schema-2.1.0.json'), 'utf8'));
    const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
    const validate = ajv.compile(schema);
    const valid = validate(log);
    expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 5), null, 2)).toEqual([]);
    expect(valid).toBe(true);

    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('fzlint');
    const rules = run.tool.driver.rules as any[];
    const title = rules.find((x) => x.id === 'gd2024/title');
    expect(title).toMatchObject({ name: 'gd2024/title', defaultConfiguration: { level: 'error' } });
    expect(title.shortDescription.text).toContain('标题');
    expect(title.fullDescription.text.length).toBeGreaterThan(title.shortDescription.text.length);
    expect(title.help.markdown).toContain('依据：');
    expect(rules.find((x) => x.id === 'my/fazhi')).toMatchObject({ helpUri: 'https://example.org/rules/fazhi', defaultConfiguration: { level: 'warning' } });
    expect(rules.find((x) => x.id === 'data/disclosure').defaultConfiguration.level).toBe('note');
    for (const res of run.results) expect(rules[res.ruleIndex].id).toBe(res.ruleId);

    const fix = run.results.find((x: any) => x.ruleId === 'my/fazhi');
    expect(fix.locations[0].physicalLocation).toMatchObject({ artifactLocation: { uri: encodeURIComponent('draft,v1.md'), uriBaseId: 'SRCROOT' }, region: { startLine: 3, startColumn: 5, endColumn: 9 } });
    expect(fix.fixes[0].artifactChanges[0].replacements[0].insertedContent.text).toBe('法治宣传');
    expect(run.invocations[0].executionSuccessful).toBe(false);
    expect(run.invocations[0].toolExecutionNotifications[0].locations[0].physicalLocation.artifactLocation.uri).toBe('broken.txt');
  });

  it('junit is well-formed XML with one suite per report and failures for errors and warnings', async () => {
    const dir = corpus();
    const r = await runMain(['-f', 'junit', '.'], { cwd: dir });
    expect(XMLValidator.validate(r.stdout)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(r.stdout);
    const suites = doc.testsuites.testsuite as any[];
    expect(suites.map((s) => s.name).sort()).toEqual(['2024-越秀.txt', '2024-龙岗.txt', 'broken.txt', 'draft,v1.md']);
    const yuexiu = suites.find((s) => s.name === '2024-越秀.txt');
    const cases = yuexiu.testcase as any[];
    expect(Number(yuexiu.tests)).toBe(cases.length);
    expect(Number(yuexiu.failures)).toBe(cases.filter((c) => c.failure).length);
    expect(cases.find((c) => c.name === 'gd2024/title 1:1').failure.type).toBe('error');
    expect(suites.find((s) => s.name === 'broken.txt').testcase.error.type).toBe('input');
    expect(Number(doc.testsuites.failures)).toBe(suites.reduce((n, s) => n + Number(s.failures), 0));
  });

  it('github prints well-formed workflow commands, escaping % , : and newlines', async () => {
    const dir = corpus();
    const r = await runMain(['-f', 'github', '.'], { cwd: dir });
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) {
      expect(line).toMatch(/^::(error|warning|notice) file=[^,:]+(,line=\d+,col=\d+,endLine=\d+,endColumn=\d+)?,title=[^,:]+::[^\r\n]+$/);
    }
    expect(lines).toContain('::warning file=draft%2Cv1.md,line=3,col=5,endLine=3,endColumn=9,title=my/fazhi::「法制宣传」应为「法治宣传」');
    expect(lines.some((l) => l.startsWith('::error file=2024-越秀.txt,line=12,col=1,') && l.includes('title=gd2024/rectification::'))).toBe(true);
    expect(lines.some((l) => l.startsWith('::notice file=2024-越秀.txt,line=1,col=1,'))).toBe(true);
    expect(lines.some((l) => l.startsWith('::error file=broken.txt,title=fzlint%EF%BC%9A') || l.startsWith('::error file=broken.txt,title=fzlint：'))).toBe(true);
  });

  it('json is ESLint-shaped; a file that cannot be read is a fatal message', async () => {
    const dir = corpus();
    const files = json<Array<EslintFile & Record<string, any>>>((await runMain(['-f', 'json', '.'], { cwd: dir })).stdout);
    const draft = files.find((f) => f.filePath.endsWith('draft,v1.md'))!;
    expect(Object.keys(draft)).toEqual(expect.arrayContaining(['filePath', 'messages', 'errorCount', 'warningCount', 'fixableErrorCount', 'fixableWarningCount', 'fatalErrorCount']));
    const m = draft.messages.find((x) => x.ruleId === 'my/fazhi') as any;
    expect(m).toMatchObject({ severity: 1, line: 3, column: 5, endLine: 3, endColumn: 9, fix: { text: '法治宣传' } });
    expect(read(join(dir, 'draft,v1.md')).slice(m.fix.range[0], m.fix.range[1])).toBe('法制宣传');
    const broken = files.find((f) => f.filePath.endsWith('broken.txt'))!;
    expect(broken.messages).toEqual([expect.objectContaining({ ruleId: null, fatal: true, severity: 2 })]);
    // A zip header: by its content it is read as a (damaged) Word document.
    expect(broken.messages[0]!.message).toContain('无法读取 Word 文档：文件已损坏');
  });

  it('stylish: colours only when asked (not with NO_COLOR), summary line, relative paths', async () => {
    const dir = corpus();
    const plain = await runMain(['2024-越秀.txt'], { cwd: dir });
    expect(plain.stdout).not.toMatch(/\u001b\[/);
    expect(plain.stdout.split('\n')[0]).toBe('2024-越秀.txt');
    expect(plain.stdout).toMatch(/✖ 1 份报告，共 \d+ 个问题（\d+ 个错误，\d+ 个警告，\d+ 个提示）/);
    const coloured = await runMain(['--color', '2024-越秀.txt'], { cwd: dir, env: {} });
    expect(coloured.stdout).toMatch(/\u001b\[31m错误\u001b\[0m/);
    const noColor = await runMain(['--color', '2024-越秀.txt'], { cwd: dir, env: { NO_COLOR: '1' } });
    expect(noColor.stdout).not.toMatch(/\u001b\[/);
  });

  it('several formats at once: stdout plus NAME:FILE, and -o for the only one', async () => {
    const dir = corpus();
    const r = await runMain(['-f', 'stylish', '-f', 'json:out/r.json', '-f', 'html:out/r.html', '2024-越秀.txt'], { cwd: dir });
    expect(r.stdout).toContain('2024-越秀.txt');
    expect(json<EslintFile[]>(read(join(dir, 'out/r.json')))[0]!.filePath).toBe(join(dir, '2024-越秀.txt'));
    expect(read(join(dir, 'out/r.html'))).toContain('<!doctype html>');
    const o = await runMain(['-f', 'junit', '-o', 'j.xml', '2024-越秀.txt'], { cwd: dir });
    expect(o.stdout).toBe('');
    expect(XMLValidator.validate(read(join(dir, 'j.xml')))).toBe(true);
  });

  it('html: one self-contained page, a row per report with part ✓/✗, data points and counts', async () => {
    const dir = corpus();
    const html = (await runMain(['-f', 'html', '.'], { cwd: dir })).stdout;
    expect(html).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)=/i);
    expect(html).toContain("default-src 'none'");
    const rows = html.match(/<tr data-index=/g) ?? [];
    expect(rows).toHaveLength(4);
    // Seed 004 (越秀) lacks parts one to three and the rectification subsection.
    const yuexiu = html.split('\n').find((l) => l.includes('越秀区政务服务和数据管理局</a>'))!;
    expect(yuexiu.match(/class="part no"/g)).toHaveLength(4);
    expect(yuexiu).toContain('3/6');
    // The draft names no place (某局): checked against the national items, which have no rectification subsection.
    expect(html).toContain('缺少「上一年度存在问题的整改情况」：1 份');
    expect(yuexiu).toContain('>广东省</td>');
    expect(yuexiu).toContain('>广东省六部分格式</td>');
    const draft = html.split('\n').find((l) => l.includes('draft,v1.md</td>'))!;
    expect(draft).toContain('>全国五项内容格式</td>');
    expect(html).toContain('未能识别报告所属地区');
    expect(html).toContain('无法检查');
    expect(html).toContain('lang="zh-CN"');
  });
});

describe('rule documentation links', () => {
  /** The section of the generated docs a link points at: the file exists and has the rule's anchor. */
  function linkedSection(url: string): { file: string; id: string } {
    const u = new URL(url);
    expect(u.protocol).toBe('file:');
    const file = readFileSync(fileURLToPath(u), 'utf8');
    const id = decodeURIComponent(u.hash.slice(1));
    expect(file).toContain(`id="${id}"`);
    return { file, id };
  }

  it('SARIF: built-in and engine rules link to their section of the docs installed with fzlint; informationUri is that page', async () => {
    const dir = corpus();
    const log = json<any>((await runMain(['-f', 'sarif', '.'], { cwd: dir })).stdout);
    const driver = log.runs[0].tool.driver;
    const rules = driver.rules as any[];
    const title = rules.find((x) => x.id === 'gd2024/title');
    expect(linkedSection(title.helpUri).id).toBe('gd2024/title');
    const engine = rules.find((x) => x.id === 'fzlint/unreadable-file' || x.id.startsWith('fzlint/'));
    expect(linkedSection(engine.helpUri).id).toBe(engine.id);
    expect(readFileSync(fileURLToPath(driver.informationUri), 'utf8')).toContain('<h1>内置规则</h1>');
    // A rule of the user's own without url has no page in the generated docs.
    writeFileSync(join(dir, '.fzlint.yaml'), 'extends: fzlint:recommended\nrules:\n  my/own:\n    kind: pattern\n    words: [法制宣传]\n');
    const again = json<any>((await runMain(['-f', 'sarif', 'draft,v1.md'], { cwd: dir })).stdout);
    expect(again.runs[0].tool.driver.rules.find((x: any) => x.id === 'my/own').helpUri).toBeUndefined();
  });

  it('docsUrl in the config points every link at a hosted copy (SARIF, HTML, explain); a rule url still wins', async () => {
    const dir = corpus();
    writeFileSync(join(dir, '.fzlint.yaml'), `docsUrl: https://fz.example.gov.cn/fzlint/rules.html\n${readFileSync(join(dir, '.fzlint.yaml'), 'utf8')}`);
    const log = json<any>((await runMain(['-f', 'sarif', 'draft,v1.md'], { cwd: dir })).stdout);
    const driver = log.runs[0].tool.driver;
    expect(driver.informationUri).toBe('https://fz.example.gov.cn/fzlint/rules.html');
    expect(driver.rules.find((x: any) => x.id === 'gd2024/title' || x.id === 'nat2019/title').helpUri).toMatch(/^https:\/\/fz\.example\.gov\.cn\/fzlint\/rules\.html#(gd2024|nat2019)\/title$/);
    expect(driver.rules.find((x: any) => x.id === 'my/fazhi').helpUri).toBe('https://example.org/rules/fazhi');
    const html = (await runMain(['-f', 'html', 'draft,v1.md'], { cwd: dir })).stdout;
    expect(html).toContain('<a href="https://example.org/rules/fazhi" title="规则说明">my/fazhi</a>');
    const explain = await runMain(['explain', 'gd2024/signature'], { cwd: dir });
    expect(explain.stdout).toContain('说明文档：https://fz.example.gov.cn/fzlint/rules.html#gd2024/signature');
  });

  it('a docsUrl that is not a full http(s) or file address is a config error at its line', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.fzlint.yaml'), 'extends: fzlint:recommended\ndocsUrl: fz.example.gov.cn/rules.html\n');
    writeFileSync(join(dir, 'a.md'), '# 某局2024年法治政府建设年度报告\n');
    const r = await runMain(['a.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\.fzlint\.yaml:2:\d+\s+docsUrl/);
  });
});
