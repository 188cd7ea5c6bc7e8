import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asyncFs } from '@fzlint/workspace';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSeed, seedPath } from '../helpers.js';
import { MemoryFs } from '../memory-fs.js';
import { fileUri, Harness, NONE } from './harness.js';

/**
 * The bad-input catalogue (docs/bad-input.md), as the editor sees it: every input gets a
 * published result, the server never dies, and a normal report opened afterwards is still checked.
 * One language service in this process for the whole catalogue, as one editor session.
 */
let h: Harness;
let ws: { write(name: string, text: string): string; seed(id: '004', name: string): string; path(name: string): string };

beforeAll(() => {
  h = new Harness({ settings: { debounceMs: 0 }, files: { '.fzlint.yaml': "extends: fzlint:recommended\nfiles: ['**/*.md', '**/*.txt']\n" } });
  ws = { write: (n, t) => h.write(n, t), seed: (id, n) => h.seed(id, n), path: (n) => h.path(n) };
});

afterAll(() => h?.dispose());

async function stillServing(): Promise<void> {
  const { uri } = await h.open(ws.seed('004', `control-${Math.random().toString(36).slice(2)}.txt`));
  const p = await h.current(uri);
  expect(p.diagnostics.some((d) => d.code === 'gd2024/part-speeches')).toBe(true);
  h.close(uri);
}

async function openText(name: string, text: string) {
  const { uri } = await h.open(ws.write(name, text), text);
  const published = await h.current(uri);
  return { uri, published };
}

const seed004 = readSeed('004');

describe('bad input in the editor: a result for each, the server keeps serving', () => {
  // The config of this workspace lists files, so each of these is checked as a report: the documented
  // outcome is an ordinary result (mostly the missing parts), never an internal error.
  it.each([
    ['empty.txt', ''],
    ['blank.md', ' \n\u3000\n\t\n'],
    ['binary.txt', '\u0000\u0001\u0002PK\u0003\u0004'.repeat(2000)],
    ['lone-surrogates.md', `# 标题\ud800\n\udc00正文。`],
  ])('%s: checked as usual (the config lists it), the missing parts reported, no internal error', async (name, text) => {
    const { uri, published } = await openText(name, text);
    const codes = published.diagnostics.map((d) => String(d.code));
    expect(codes).not.toContain('fzlint/internal-error');
    expect(codes.some((c) => /^(gd2024|nat2019)\/part-measures$/.test(c))).toBe(true);
    expect(codes).toContain('fzlint/year-unknown');
    for (const d of published.diagnostics) expect(d.range.start.line).toBeGreaterThanOrEqual(0);
    expect(await h.service.checklist.provideChecklist(uri, NONE)).toMatchObject({ status: 'checked' });
    await stillServing();
  });

  it('an empty or blank document is not a report when no config lists it: nothing published', async () => {
    const plain = new Harness({ settings: { debounceMs: 0 } });
    for (const [name, text] of [['empty.txt', ''], ['blank.md', ' \n\u3000\n\t\n']] as const) {
      const { uri } = await plain.open(plain.write(name, text), text);
      await plain.idle();
      expect(await plain.service.checklist.provideChecklist(uri, NONE)).toMatchObject({ status: 'not-report' });
      expect(plain.publishedFor(uri)).toEqual([]);
    }
  });

  it('CRLF and lone CR: findings on the same lines as with LF', async () => {
    const lf = (await openText('lf.txt', seed004)).published.diagnostics.map((d) => [d.code, d.range.start.line]);
    const crlf = (await openText('crlf.txt', seed004.replace(/\n/g, '\r\n'))).published.diagnostics.map((d) => [d.code, d.range.start.line]);
    const cr = (await openText('cr.txt', seed004.replace(/\n/g, '\r'))).published.diagnostics.map((d) => [d.code, d.range.start.line]);
    expect(crlf).toEqual(lf);
    expect(cr).toEqual(lf);
  });

  it('a 10 MB report and a 1 MB single line are checked', async () => {
    const big = Array.from({ length: Math.ceil(10e6 / seed004.length) }, () => seed004).join('\n');
    const { published } = await openText('big.txt', big);
    expect(published.diagnostics.length).toBeGreaterThan(0);
    const line = seed004.replace(/\n/g, '').repeat(Math.ceil(1e6 / seed004.length));
    expect((await openText('line.txt', line)).published.diagnostics.length).toBeGreaterThan(0);
    await stillServing();
  });

  it('2,000 nested list levels in Markdown: read as plain text, with an info saying so', async () => {
    const nested = Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i * 2)}- 项${i}`).join('\n');
    const { published } = await openText('nested.md', nested);
    expect(published.diagnostics.find((d) => d.code === 'fzlint/markdown-depth')?.message).toContain('已按纯文本检查');
    await stillServing();
  });
});

describe('bad rule files in the editor: a diagnostic at the YAML line, reports still checked', () => {
  const cases: Array<[string, string, number, RegExp]> = [
    ['malformed YAML', 'rules:\n  a:\n    kind: pattern\n   words: [x\n', 3, /YAML 格式错误/],
    ['unknown kind', 'rules:\n  a:\n    kind: patern\n    words: [x]\n', 2, /未知的规则类型「patern」/],
    ['wrong option type', 'rules:\n  a:\n    kind: quantification\n    scope: x\n    min: two\n', 4, /应为整数/],
    ['invalid regex', "rules:\n  a:\n    kind: pattern\n    patterns: ['(unclosed']\n", 3, /正则表达式无效/],
    ['a config that extends itself', 'extends: ./.fzlint.yaml\n', 0, /循环继承/],
  ];
  it.each(cases)('%s', async (_name, yaml, line, message) => {
    const dir = `cfg-${Math.random().toString(36).slice(2)}`;
    const config = ws.write(`${dir}/.fzlint.yaml`, yaml);
    const report = (await h.open(ws.seed('004', `${dir}/r.txt`))).uri;
    const published = await h.current(report);
    expect(published.diagnostics.some((d) => d.code === 'fzlint/config-error')).toBe(true);
    expect(published.diagnostics.some((d) => d.code === 'gd2024/part-speeches')).toBe(true);
    const onYaml = await h.diagnostics(fileUri(config), (p) => p.diagnostics.length > 0);
    expect(onYaml.diagnostics[0]!.range.start.line).toBe(line);
    expect(onYaml.diagnostics[0]!.message).toMatch(message);
  });

  it('a catastrophic regex such as (a+)+$ on a 200,000-character line finishes', async () => {
    ws.write('regex/.fzlint.yaml', "files: ['*.md']\nrules:\n  slow:\n    kind: pattern\n    patterns: ['(a+)+$']\n");
    const { uri } = await h.open(ws.write('regex/r.md', `${'a'.repeat(200_000)}b\n`));
    const published = await h.current(uri);
    expect(published.diagnostics.filter((d) => d.code === 'slow')).toEqual([]);
    // The rule did run: the same line without the final b (the end of the text) matches.
    const { uri: matching } = await h.open(ws.write('regex/s.md', 'a'.repeat(200_000)));
    expect((await h.current(matching)).diagnostics.filter((d) => d.code === 'slow').map((d) => d.range.start)).toEqual([{ line: 0, character: 0 }]);
    await stillServing();
  });
});

describe('faults in the editor: deep nesting, special files, names from JavaScript objects', () => {
  it('front matter nested 1,500 deep: a finding, the server stays up', async () => {
    const { published } = await openText('deep-front-matter.md', `---\n${'{'.repeat(1500)}\n---\n# 某局2024年法治政府建设年度报告\n`);
    expect(published.diagnostics.find((d) => d.code === 'fzlint/front-matter')?.message).toMatch(/YAML 嵌套超过 64 层/);
    await stillServing();
  });

  it('a config nested 2,000 deep is a config error at its line', async () => {
    const config = ws.write('deep-cfg/.fzlint.yaml', `rules: ${'{'.repeat(2000)}\n`);
    const report = (await h.open(ws.seed('004', 'deep-cfg/r.txt'))).uri;
    expect((await h.current(report)).diagnostics.some((d) => d.code === 'fzlint/config-error')).toBe(true);
    const onYaml = await h.diagnostics(fileUri(config), (p) => p.diagnostics.length > 0);
    expect(onYaml.diagnostics[0]!.message).toMatch(/YAML 嵌套超过 64 层/);
  });

  it('a rule file and a previous-year report that are named pipes are refused without reading them', async () => {
    (h.fs as MemoryFs).special(ws.path('fifo-rules.yaml'), 'fifo');
    (h.fs as MemoryFs).special(ws.path('fifo-prev.md'), 'fifo');
    ws.write('fifo/.fzlint.yaml', "extends: ../fifo-rules.yaml\nfiles: ['*.md', '*.txt']\n");
    const report = (await h.open(ws.seed('004', 'fifo/r.txt'))).uri;
    const published = await h.current(report);
    const config = published.diagnostics.find((d) => d.code === 'fzlint/config-error');
    expect(config?.message).toContain('不是普通文件（这是一个命名管道）');
    const prev = await openText('fifo-previous.md', `---\nprevious: ./fifo-prev.md\n---\n${seed004}`);
    expect(prev.published.diagnostics.find((d) => d.code === 'fzlint/previous-unreadable')?.message).toContain('不是普通文件（这是一个命名管道）');
    await stillServing();
  });

  it('a front matter previous outside the workspace folder is refused', async () => {
    const { published } = await openText('outside.md', `---\nprevious: /etc/hostname\n---\n${seed004}`);
    const refused = published.diagnostics.find((d) => d.code === 'fzlint/previous-unreadable');
    expect(refused?.message).toContain('已拒绝读取');
    expect(refused?.range.start.line).toBe(1);
  });

  it('rules named constructor or __proto__ are unknown rules, not JavaScript properties', async () => {
    const config = ws.write('proto/.fzlint.yaml', "extends: fzlint:recommended\nfiles: ['*.txt']\nrules:\n  constructor: off\n");
    await h.open(ws.seed('004', 'proto/r.txt'));
    const onYaml = await h.diagnostics(fileUri(config), (p) => p.diagnostics.length > 0);
    expect(onYaml.diagnostics[0]!.message).toContain('规则「constructor」未定义');
    await stillServing();
  });
});

describe('named pipes on the real disk', () => {
  it('a rule file and a previous-year report that are real FIFOs are refused without blocking the server', async () => {
    const root = mkdtempSync(join(tmpdir(), 'fzlint-lsp-fifo-'));
    try {
      try {
        execFileSync('mkfifo', [join(root, 'fifo-rules.yaml'), join(root, 'fifo-prev.md')]);
      } catch {
        return; // no mkfifo here
      }
      mkdirSync(join(root, 'fifo'));
      writeFileSync(join(root, 'fifo/.fzlint.yaml'), "extends: ../fifo-rules.yaml\nfiles: ['*.md', '*.txt']\n");
      copyFileSync(seedPath('004'), join(root, 'fifo/r.txt'));
      const disk = new Harness({ fs: asyncFs, root, settings: { debounceMs: 0 } });
      const report = (await disk.open('fifo/r.txt')).uri;
      const config = (await disk.current(report)).diagnostics.find((d) => d.code === 'fzlint/config-error');
      expect(config?.message).toContain('不是普通文件（这是一个命名管道）');
      const prev = (await disk.open('fifo-previous.md', `---\nprevious: ./fifo-prev.md\n---\n${seed004}`)).uri;
      expect((await disk.current(prev)).diagnostics.find((d) => d.code === 'fzlint/previous-unreadable')?.message).toContain('不是普通文件（这是一个命名管道）');
      disk.dispose();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
