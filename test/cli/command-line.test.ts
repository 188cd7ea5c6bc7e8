import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, seedPath } from '../helpers.js';
import { expectNoStack, json, read, runMain, tempDir, type EslintFile } from './cli-helpers.js';

const CLEAN_REPORT = '# 某局2024年法治政府建设年度报告\n\n法治宣传。\n';
const cleanDir = () => {
  const dir = tempDir();
  // A config with one rule, so "clean" does not depend on the built-in packs.
  writeFileSync(join(dir, '.fzlint.yaml'), 'rules:\n  my/no-fazhi:\n    kind: pattern\n    severity: warning\n    words: [法制宣传]\n    replace: 法治宣传\n');
  return dir;
};

describe('fzlint main() in-process: options and exit codes', () => {
  it('--help and --version', async () => {
    const help = await runMain(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('用法：fzlint');
    expect(help.stdout).toContain('--max-warnings');
    const v = await runMain(['-v']);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('usage mistakes exit 2 with a Chinese message and a pointer to --help', async () => {
    for (const argv of [[], ['--bogus', 'x'], ['--rule', 'nocolon', 'a.md'], ['--rule', 'gd2024/title:fatal', 'a.md'], ['-f', 'xml', 'a.md'], ['--fix', '--fix-dry-run', 'a.md'], ['--max-warnings', '-1', 'a.md'], ['-f', 'json', '-f', 'sarif', 'a.md'], ['--stdin', 'a.md'], ['--stdin', '--fix']]) {
      const r = await runMain(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr, argv.join(' ')).toMatch(/^fzlint：/);
      expect(r.stderr).toContain('fzlint --help');
      expectNoStack(r.stderr);
    }
  });

  it('exit 0 on a clean report, 1 with errors, 2 on a missing path', async () => {
    const dir = cleanDir();
    writeFileSync(join(dir, 'a.md'), CLEAN_REPORT);
    expect((await runMain(['a.md'], { cwd: dir })).code).toBe(0);
    expect((await runMain([seedPath('004')])).code).toBe(1);
    const missing = await runMain(['no/such/file.txt']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no/such/file.txt');
    expect(missing.stderr).toContain('不存在');
  });

  it('--quiet drops warnings and infos; --max-warnings turns too many warnings into exit 1', async () => {
    const dir = cleanDir();
    writeFileSync(join(dir, 'a.md'), '# 某局2024年法治政府建设年度报告\n\n加强法制宣传。法制宣传。\n');
    const normal = await runMain(['-f', 'json', 'a.md'], { cwd: dir });
    expect(normal.code).toBe(0);
    expect(json<EslintFile[]>(normal.stdout)[0]!.warningCount).toBe(2);
    const quiet = await runMain(['-q', '-f', 'json', 'a.md'], { cwd: dir });
    expect(json<EslintFile[]>(quiet.stdout)[0]!.messages).toEqual([]);
    expect((await runMain(['--max-warnings', '2', 'a.md'], { cwd: dir })).code).toBe(0);
    const over = await runMain(['--max-warnings', '1', 'a.md'], { cwd: dir });
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('超过 --max-warnings 1');
  });

  it('--rule id:severity changes a severity; an unknown rule id is exit 2', async () => {
    const dir = cleanDir();
    writeFileSync(join(dir, 'a.md'), '# 某局2024年法治政府建设年度报告\n\n法制宣传。\n');
    const r = await runMain(['--rule', 'my/no-fazhi:error', '-f', 'json', 'a.md'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(json<EslintFile[]>(r.stdout)[0]!.messages[0]).toMatchObject({ ruleId: 'my/no-fazhi', severity: 2 });
    const off = await runMain(['--rule', 'my/no-fazhi:off', 'a.md'], { cwd: dir });
    expect(off.code).toBe(0);
    const unknown = await runMain(['--rule', 'no/such-rule:error', 'a.md'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no/such-rule');
  });

  it('--edition pins the template edition', async () => {
    const r = await runMain(['--edition', 'national-2019', '-f', 'json', seedPath('004')]);
    const ids = json<EslintFile[]>(r.stdout)[0]!.messages.map((m) => m.ruleId);
    expect(ids.some((id) => id?.startsWith('nat2019/'))).toBe(true);
    expect(ids.some((id) => id?.startsWith('gd2024/'))).toBe(false);
  });

  it('--config uses that file; a broken config names file:line:col and exits 2', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'custom.yaml'), 'rules:\n  r:\n    kind: pattern\n    words: [法制宣传]\n    severity: error\n');
    writeFileSync(join(dir, 'a.md'), '法制宣传。\n');
    const r = await runMain(['-c', 'custom.yaml', '-f', 'json', 'a.md'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(json<EslintFile[]>(r.stdout)[0]!.messages.map((m) => m.ruleId)).toEqual(['r']);
    writeFileSync(join(dir, 'broken.yaml'), 'rules:\n  r:\n    kind: nope\n');
    const broken = await runMain(['-c', 'broken.yaml', 'a.md'], { cwd: dir });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('broken.yaml:3:11');
    expectNoStack(broken.stderr);
    const missing = await runMain(['-c', 'nothere.yaml', 'a.md'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nothere.yaml');
  });

  it('a discovered .fzlint.yaml with an error is reported once for all files, exit 2', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.fzlint.yaml'), 'rules:\n  r:\n    kind: nope\n');
    for (const n of ['a', 'b', 'c']) writeFileSync(join(dir, `${n}.md`), '内容\n');
    const r = await runMain(['.'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr.match(/\.fzlint\.yaml:3:11/g)).toHaveLength(1);
    expect(r.stdout).toBe('');
  });

  it('--stdin with --stdin-filename: format and config from the name', async () => {
    const dir = cleanDir();
    const r = await runMain(['--stdin', '--stdin-filename', 'x.md', '-f', 'json'], { cwd: dir, input: '# 某局2024年法治政府建设年度报告\n\n法制宣传。\n' });
    expect(r.code).toBe(0);
    const [file] = json<EslintFile[]>(r.stdout);
    expect(file!.filePath).toBe(join(dir, 'x.md'));
    expect(file!.messages[0]).toMatchObject({ ruleId: 'my/no-fazhi', line: 3, column: 1 });
    const plain = await runMain(['--stdin', '-f', 'json'], { input: read(seedPath('004')) });
    expect(json<EslintFile[]>(plain.stdout)[0]!.filePath).toBe('<stdin>');
    expect(plain.code).toBe(1);
  });

  it('--stdin --fix-dry-run prints a diff', async () => {
    const dir = cleanDir();
    const r = await runMain(['--stdin', '--stdin-filename', 'x.md', '--fix-dry-run'], { cwd: dir, input: '法制宣传。\n' });
    expect(r.stdout).toBe('--- a/x.md\n+++ b/x.md\n@@ 第 1 行 @@\n法[-制-]{+治+}宣传。\n');
    expect(r.stderr).toContain('1 个文件可以修复');
    expect(r.code).toBe(0);
  });

  it('--print-config shows the resolved config for a file', async () => {
    const dir = cleanDir();
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'a.md'), CLEAN_REPORT);
    const r = await runMain(['--print-config', 'sub/a.md'], { cwd: dir });
    expect(r.code).toBe(0);
    const out = json<{ configFile: string; edition: string; rules: Record<string, { severity: string; kind: string }> }>(r.stdout);
    expect(out.configFile).toBe(join(dir, '.fzlint.yaml'));
    expect(out.edition).toBe('auto');
    expect(out.rules['my/no-fazhi']).toMatchObject({ severity: 'warning', kind: 'pattern' });
  });

  it('fzlint rules lists the active rules with severity and pack', async () => {
    const r = await runMain(['rules']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/gd2024\/title\s+error\s+fzlint:guangdong-2024/);
    expect(r.stdout).toMatch(/data\/disclosure\s+info\s+fzlint:data/);
    const asJson = json<Array<{ id: string; severity: string; pack: string }>>((await runMain(['rules', '-f', 'json'])).stdout);
    expect(asJson.find((x) => x.id === 'nat2019/part-measures')).toMatchObject({ severity: 'error', pack: 'fzlint:national-2019' });
    expect(asJson.every((x) => x.severity !== 'off')).toBe(true);
  });

  it('fzlint explain RULE_ID shows the doc and the guideline source', async () => {
    const r = await runMain(['explain', 'gd2024/signature']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('gd2024/signature');
    expect(r.stdout).toContain('依据：《广东省法治政府建设年度报告制度工作指引》');
    expect(r.stdout).toContain('规则包：fzlint:guangdong-2024');
    const engine = await runMain(['explain', 'fzlint/year-unknown']);
    expect(engine.stdout).toContain('未能识别报告年度');
    const unknown = await runMain(['explain', 'title']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('gd2024/title');
  });

  it('fzlint init writes a config and a six-part skeleton, and never overwrites', async () => {
    const dir = tempDir();
    const r = await runMain(['init', '--year', '2024', '--unit', '某某区司法局', '--region', '广东'], { cwd: dir });
    expect(r.code).toBe(0);
    const report = join(dir, '某某区司法局2024年法治政府建设年度报告.md');
    expect(existsSync(join(dir, '.fzlint.yaml'))).toBe(true);
    const text = read(report);
    expect(text).toContain('# 某某区司法局2024年法治政府建设年度报告');
    expect(text.match(/^## [一二三四五六]、/gm)).toHaveLength(6);
    expect(text).toContain('## 六、2025年推进法治政府建设的主要安排');
    expect(text).toContain('### （一）2023年度法治政府建设存在问题的整改情况');
    // The skeleton has every part: no missing-part, order or title errors.
    const lint = await runMain(['-f', 'json', report], { cwd: dir });
    const ids = json<EslintFile[]>(lint.stdout)[0]!.messages.map((m) => m.ruleId);
    expect(ids.filter((id) => /part-|order|title|rectification/.test(id ?? ''))).toEqual([]);
    const again = await runMain(['init', '--year', '2024', '--unit', '某某区司法局'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('不覆盖已有文件');
    expect(read(join(dir, '.fzlint.yaml'))).toContain('region: 广东省');
    const older = await runMain(['init', '--year', '2021'], { cwd: tempDir() });
    expect(older.stdout).toContain('全国五项内容格式');
    // No region given or in the unit's name: the national items, and how to get the Guangdong parts.
    const unplaced = await runMain(['init', '--year', '2024', '--unit', '某局'], { cwd: tempDir() });
    expect(unplaced.stdout).toContain('全国五项内容格式');
    expect(unplaced.stdout).toContain('--region');
    const placed = await runMain(['init', '--year', '2024', '--unit', '广州市海珠区司法局'], { cwd: tempDir() });
    expect(placed.stdout).toContain('广东省六部分格式');
    const typo = await runMain(['init', '--year', '2024', '--region', '广栋'], { cwd: tempDir() });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('未知的地区「广栋」');
  });

  it('the README command lints seeds/ with actionable findings', async () => {
    const r = await runMain(['seeds/'], { cwd: ROOT });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('seeds/004_df76674e5aab05b8.txt');
    expect(r.stdout).toMatch(/12:1\s+错误\s+「推进法治政府建设存在的不足和原因」中缺少「上一年度存在问题的整改情况」\s+gd2024\/rectification/);
    expect(r.stdout).toMatch(/✖ 5 份报告，共 \d+ 个问题/);
    expect(r.stderr).toBe('');
  });
});

describe('subcommands: their own help, init --force, explain of a bare user rule', () => {
  it('fzlint rules|init|explain --help print that subcommand\'s usage', async () => {
    for (const [sub, head] of [['rules', '用法：fzlint rules'], ['init', '用法：fzlint init'], ['explain', '用法：fzlint explain']] as const) {
      const r = await runMain([sub, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout.startsWith(head)).toBe(true);
    }
    expect((await runMain(['--help'])).stdout).toContain('fzlint <子命令> --help');
  });

  it('init refuses to overwrite without --force and overwrites with it', async () => {
    const dir = tempDir();
    expect((await runMain(['init', '--year', '2024', '--unit', '某局'], { cwd: dir })).code).toBe(0);
    writeFileSync(join(dir, '.fzlint.yaml'), '# edited\n');
    const again = await runMain(['init', '--year', '2024', '--unit', '某局'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('或加 --force 覆盖');
    expect(readFileSync(join(dir, '.fzlint.yaml'), 'utf8')).toBe('# edited\n');
    expect((await runMain(['init', '--year', '2024', '--unit', '某局', '--force'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(join(dir, '.fzlint.yaml'), 'utf8')).toContain('extends: fzlint:recommended');
    expect((await runMain(['--force', 'a.md'], { cwd: dir })).stderr).toContain('--force 只能用于 fzlint init');
  });

  it('explain on a user rule without description says so plainly', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.fzlint.yaml'), 'rules:\n  my/bare:\n    kind: pattern\n    words: [摩电]\n');
    const r = await runMain(['explain', 'my/bare'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('my/bare');
    expect(r.stdout).toContain('没有写 description 和 doc');
    expect(r.stdout).toContain('words: ["摩电"]');
  });
});

describe('levels: --min-level, and counts that agree between JSON and stylish', () => {
  it('--min-level warning drops infos, error keeps only errors; JSON counts warnings and infos apart', async () => {
    const all = json<EslintFile[]>((await runMain(['-f', 'json', seedPath('004')])).stdout)[0]!;
    const levels = (f: EslintFile) => (f.messages as Array<{ level?: string }>).map((m) => m.level);
    const infos = levels(all).filter((l) => l === 'info').length;
    const warnings = levels(all).filter((l) => l === 'warning').length;
    expect(infos).toBeGreaterThan(0);
    expect(all.warningCount).toBe(warnings);
    expect((all as EslintFile & { infoCount: number }).infoCount).toBe(infos);
    // The stylish summary counts the same.
    const stylish = (await runMain([seedPath('004')])).stdout;
    expect(stylish).toContain(`${warnings} 个警告，${infos} 个提示`);
    const warn = json<EslintFile[]>((await runMain(['-f', 'json', '--min-level', 'warning', seedPath('004')])).stdout)[0]!;
    expect(levels(warn)).not.toContain('info');
    expect(levels(warn).length).toBe(all.messages.length - infos);
    const err = json<EslintFile[]>((await runMain(['-f', 'json', '--min-level', 'error', seedPath('004')])).stdout)[0]!;
    expect(new Set(levels(err))).toEqual(new Set(['error']));
    expect((await runMain(['--min-level', 'loud', seedPath('004')])).stderr).toContain('「loud」不是有效的级别');
  });
});

describe('suppressions: a baseline of accepted findings, as ESLint keeps one', () => {
  it('--suppress records the findings; later runs report only new ones; stale entries are pointed out and pruned', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.fzlint.yaml'), 'rules:\n  t:\n    kind: pattern\n    words: [法制宣传]\n');
    writeFileSync(join(dir, 'a.txt'), '某局2024年法治政府建设年度报告\n开展法制宣传。\n加强法制宣传。\n');
    const first = await runMain(['--suppress', '-f', 'json', 'a.txt'], { cwd: dir });
    expect(first.stderr).toContain('已把 2 个问题记入');
    const baseline = JSON.parse(readFileSync(join(dir, 'fzlint-suppressions.json'), 'utf8')) as Record<string, unknown>;
    expect(baseline).toEqual({ 'a.txt': { t: { count: 2 } } });
    const quiet = json<Array<EslintFile & { suppressedMessages: unknown[] }>>((await runMain(['-f', 'json', 'a.txt'], { cwd: dir })).stdout)[0]!;
    expect(quiet.messages).toEqual([]);
    expect(quiet.suppressedMessages).toHaveLength(2);
    // A third occurrence is new: reported.
    writeFileSync(join(dir, 'a.txt'), '某局2024年法治政府建设年度报告\n开展法制宣传。\n加强法制宣传。\n推进法制宣传。\n');
    const grown = json<EslintFile[]>((await runMain(['-f', 'json', 'a.txt'], { cwd: dir })).stdout)[0]!;
    expect(grown.messages.map((m) => m.line)).toEqual([4]);
    // Two corrected: the stale suppressions are pointed out, then pruned.
    writeFileSync(join(dir, 'a.txt'), '某局2024年法治政府建设年度报告\n开展法治宣传。\n');
    const stale = await runMain(['a.txt'], { cwd: dir });
    expect(stale.stderr).toContain('有 2 处抑制已不再需要');
    await runMain(['--prune-suppressions', 'a.txt'], { cwd: dir });
    expect(JSON.parse(readFileSync(join(dir, 'fzlint-suppressions.json'), 'utf8'))).toEqual({});
    writeFileSync(join(dir, 'broken.json'), '{ not json');
    const broken = await runMain(['--suppressions-location', 'broken.json', 'a.txt'], { cwd: dir });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('不是有效的 JSON');
  });
});
