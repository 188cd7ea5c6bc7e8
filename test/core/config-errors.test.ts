import { describe, expect, it } from 'vitest';
import { ConfigError, createEngine, KIND_BY_NAME, type ConfigProblem } from '@fzlint/core';
import { ruleSchema } from '../../packages/core/src/config/schema.js';
import { memoryEnv } from '../helpers.js';

async function problems(files: Record<string, string>, file = '/p/.fzlint.yaml'): Promise<ConfigProblem[]> {
  try {
    await createEngine(memoryEnv(files)).loadConfig({ file });
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('rule and config file errors point at the YAML line and column', () => {
  it('malformed YAML', async () => {
    const p = await problems({ '/p/.fzlint.yaml': 'rules:\n  a:\n    kind: pattern\n   words: [x\n' });
    expect(p[0]).toMatchObject({ file: '/p/.fzlint.yaml', line: expect.any(Number), column: expect.any(Number) });
    expect(p[0]!.message).toMatch(/^YAML 格式错误：缩进不对/);
  });

  it('YAML mistakes are explained in Chinese at their line (tabs, duplicate keys, unclosed brackets)', async () => {
    const tab = await problems({ '/p/.fzlint.yaml': 'rules:\n\tb: x\n' });
    expect(tab[0]).toMatchObject({ line: 2, message: expect.stringMatching(/^YAML 格式错误：缩进用了制表符（Tab）：YAML 只能用空格缩进（Tabs are not allowed/) });
    const dup = await problems({ '/p/.fzlint.yaml': 'rules:\n  a: off\n  a: off\n' });
    expect(dup[0]).toMatchObject({ line: 3, message: expect.stringMatching(/^YAML 格式错误：同一层里出现了两个相同的键/) });
    const open = await problems({ '/p/.fzlint.yaml': 'extends: [fzlint:recommended\n' });
    expect(open[0]!.message).toMatch(/^YAML 格式错误：缺少配对的符号/);
  });

  it('unknown kind lists the valid kinds and guesses the intended one', async () => {
    const p = await problems({ '/p/.fzlint.yaml': 'rules:\n  my-rule:\n    kind: patern\n    words: [x]\n' });
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ line: 3, column: 11 });
    expect(p[0]!.message).toContain('未知的规则类型「patern」');
    expect(p[0]!.message).toContain('是否要写「pattern」');
    expect(p[0]!.message).toContain('required-section');
  });

  it('wrong option type', async () => {
    const p = await problems({ '/p/.fzlint.yaml': 'rules:\n  r:\n    kind: quantification\n    scope: measures\n    min: "two"\n' });
    expect(p[0]).toMatchObject({ line: 5, column: 10 });
    expect(p[0]!.message).toContain('min');
    expect(p[0]!.message).toContain('应为整数');
  });

  it('unknown option is reported at its key with a suggestion', async () => {
    const p = await problems({ '/p/.fzlint.yaml': 'rules:\n  r:\n    kind: pattern\n    word: [x]\n' });
    expect(p[0]).toMatchObject({ line: 4, column: 5 });
    expect(p[0]!.message).toContain('未知的字段「word」');
    expect(p[0]!.message).toContain('是否要写「words」');
  });

  it('missing required option', async () => {
    const p = await problems({ '/p/.fzlint.yaml': 'rules:\n  r:\n    kind: data-point\n    name: x\n' });
    expect(p[0]!.message).toContain('缺少必填项「keywords」');
    expect(p[0]!.line).toBe(3);
  });

  it('bad severity value', async () => {
    const p = await problems({ '/p/.fzlint.yaml': 'extends: fzlint:recommended\nrules:\n  gd2024/title: warn\n' });
    expect(p[0]).toMatchObject({ line: 3, column: 17 });
    expect(p[0]!.message).toContain('取值形式不正确');
  });

  it('invalid regex and unsupported RE2 features', async () => {
    const p = await problems({
      '/p/.fzlint.yaml': "rules:\n  r:\n    kind: pattern\n    patterns:\n      - 'ok'\n      - '(unclosed'\n      - '(?<=x)y'\n",
    });
    expect(p.map((x) => x.line)).toEqual([6, 7]);
    expect(p[0]!.message).toContain('正则表达式无效');
    expect(p[1]!.message).toContain('不支持前后断言');
  });

  it('a rule that references an undefined section', async () => {
    const p = await problems({ '/p/.fzlint.yaml': 'rules:\n  r:\n    kind: required-section\n    section: nowhere\n' });
    expect(p[0]).toMatchObject({ line: 4, column: 14 });
    expect(p[0]!.message).toContain('未定义的部分 "nowhere"');
  });

  it('severity for a rule that does not exist', async () => {
    const p = await problems({ '/p/.fzlint.yaml': 'extends: fzlint:recommended\nrules:\n  gd2024/titel: off\n' });
    expect(p[0]).toMatchObject({ line: 3, column: 3 });
    expect(p[0]!.message).toContain('是否要写「gd2024/title」');
  });

  it('partial override validated against the existing rule kind', async () => {
    const p = await problems({ '/p/.fzlint.yaml': 'extends: fzlint:recommended\nrules:\n  gd2024/signature:\n    deadline: March\n' });
    expect(p[0]).toMatchObject({ line: 4, column: 15 });
    expect(p[0]!.message).toContain('格式不正确');
  });

  it('a config that extends itself, directly or through another file', async () => {
    const self = await problems({ '/p/.fzlint.yaml': 'extends: ./.fzlint.yaml\n' });
    expect(self[0]!.message).toContain('循环继承');
    const loop = await problems({ '/p/.fzlint.yaml': 'extends: [./a.yaml]\n', '/p/a.yaml': 'extends: ./b.yaml\n', '/p/b.yaml': 'extends: [./a.yaml]\n' });
    expect(loop[0]).toMatchObject({ file: '/p/b.yaml', line: 1 });
    expect(loop[0]!.message).toMatch(/循环继承：.*a\.yaml → .*b\.yaml → .*a\.yaml/);
  });

  it('extends a missing file or an unknown built-in pack', async () => {
    const p = await problems({ '/p/.fzlint.yaml': 'extends:\n  - ./missing.yaml\n  - fzlint:recomended\n' });
    expect(p[0]).toMatchObject({ line: 2, column: 5 });
    expect(p[0]!.message).toContain('无法读取被继承的规则文件');
    expect(p[1]).toMatchObject({ line: 3, column: 5 });
    expect(p[1]!.message).toContain('是否要写「fzlint:recommended」');
  });

  it('errors inside an extended file name that file', async () => {
    const p = await problems({ '/p/.fzlint.yaml': 'extends: ./team.yaml\n', '/p/team.yaml': 'rules:\n  x:\n    kind: title\n    contains: 法治\n' });
    expect(p[0]).toMatchObject({ file: '/p/team.yaml', line: 4, column: 15 });
  });

  it('an unreadable config file', async () => {
    const p = await problems({}, '/nowhere/.fzlint.yaml');
    expect(p[0]!.message).toContain('无法读取配置文件');
  });

  it('a YAML alias bomb is refused, not expanded', async () => {
    const bomb = ['a: &a [x,x,x,x,x,x,x,x,x]', ...'bcdefgh'.split('').map((c, i) => `${c}: &${c} [${new Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`)].join('\n');
    const p = await problems({ '/p/.fzlint.yaml': `${bomb}\n` });
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ file: '/p/.fzlint.yaml', line: 1, column: 1 });
    expect(p[0]!.message).toMatch(/^无法读取 YAML：.*(alias|别名)/i);
  });
});

describe('fixes that could never settle are refused when the rule file is loaded', () => {
  it('a substitution whose correction contains another wrong form, and a pattern whose replacement matches itself', async () => {
    const p = await problems({
      '/p/.fzlint.yaml': 'rules:\n  swap:\n    kind: substitution\n    swap:\n      法治: 考试\n      考试: 法治\n  grow:\n    kind: pattern\n    words: [法]\n    replace: 法治\n',
    });
    expect(p.map((x) => x.line)).toEqual([5, 6, 10]);
    expect(p[0]!.message).toContain('正确写法「考试」含有对照表中的另一错误写法「考试」，修复后会再被替换');
    expect(p[1]!.message).toContain('正确写法「法治」含有对照表中的另一错误写法「法治」');
    expect(p[2]!.message).toContain('替换文本「法治」本身又符合本规则（法）');
  });

  it('an unknown edition (top level or in an override) is an error with a guess, not a fallback', async () => {
    const p = await problems({ '/p/.fzlint.yaml': 'extends: fzlint:recommended\nedition: guangdong2024\noverrides:\n  - files: ["old/**"]\n    edition: national-2091\n' });
    expect(p).toHaveLength(2);
    expect(p[0]).toMatchObject({ line: 2, column: 10 });
    expect(p[0]!.message).toContain('未知的模板版本「guangdong2024」，是否要写「guangdong-2024」？');
    expect(p[0]!.message).toContain('可用：auto、guangdong-2024、national-2019');
    expect(p[1]).toMatchObject({ line: 5 });
    expect(p[1]!.message).toContain('是否要写「national-2019」');
  });

  it('an unknown region (config, override or template) is an error; known ones are written officially', async () => {
    const p = await problems({ '/p/.fzlint.yaml': 'extends: fzlint:recommended\nregion: 广栋\noverrides:\n  - files: ["a/**"]\n    region: 火星\n' });
    expect(p.map((x) => x.line)).toEqual([2, 5]);
    expect(p[0]!.message).toContain('未知的地区「广栋」');
    const t = await problems({ '/p/.fzlint.yaml': 'template:\n  id: mine\n  name: 某省格式\n  regions: [某省]\n' });
    expect(t[0]).toMatchObject({ line: 4 });
    const config = await createEngine(memoryEnv({ '/q/.fzlint.yaml': 'extends: fzlint:recommended\nregion: 广东\noverrides:\n  - files: ["bj/**"]\n    region: 北京\n' })).loadConfig({ file: '/q/.fzlint.yaml' });
    expect(config.regionFor('/q/a.md')).toBe('广东省');
    expect(config.regionFor('/q/bj/a.md')).toBe('北京市');
  });
});

describe('config blow-ups', () => {
  it('a file extended many times over (18 levels, each extending the next twice) is read and applied once', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 18; i++) files[`/x/f${i}.yaml`] = i < 17 ? `extends: [./f${i + 1}.yaml, ./f${i + 1}.yaml]\n` : 'rules:\n  leaf:\n    kind: pattern\n    words: [法制宣传]\n';
    const reads = new Map<string, number>();
    const env = memoryEnv(files);
    const counting = { readFile: (p: string) => (reads.set(p, (reads.get(p) ?? 0) + 1), env.readFile(p)) };
    const config = await createEngine(counting).loadConfig({ file: '/x/f0.yaml' });
    expect(config.ruleDefinitions().map((d) => d.id)).toEqual(['leaf']);
    expect([...reads.values()].every((n) => n === 1)).toBe(true);
    expect(reads.size).toBe(18);
  });

  it('a diamond (A extends B and C, both extend D) applies D at its first place only', async () => {
    const env = memoryEnv({
      '/d/a.yaml': 'extends: [./b.yaml, ./c.yaml]\n',
      '/d/b.yaml': 'extends: ./d.yaml\nrules:\n  shared: error\n',
      '/d/c.yaml': 'extends: ./d.yaml\n',
      '/d/d.yaml': 'rules:\n  shared:\n    kind: pattern\n    severity: info\n    words: [法制宣传]\n',
    });
    const config = await createEngine(env).loadConfig({ file: '/d/a.yaml' });
    // Applying d.yaml again through c.yaml would have reset b.yaml's change.
    expect(config.ruleDefinitions().find((d) => d.id === 'shared')?.severity).toBe('error');
  });

  it('4,000 custom rules of one kind share one compiled schema', async () => {
    const rules = Array.from({ length: 4000 }, (_, i) => `  my/r${i}:\n    kind: pattern\n    words: [词${i}]\n`).join('');
    const config = await createEngine(memoryEnv({ '/m/.fzlint.yaml': `rules:\n${rules}` })).loadConfig({ file: '/m/.fzlint.yaml' });
    expect(config.ruleDefinitions()).toHaveLength(4000);
    const pattern = KIND_BY_NAME.get('pattern')!;
    expect(ruleSchema(pattern)).toBe(ruleSchema(pattern));
    expect(ruleSchema(pattern, true)).toBe(ruleSchema(pattern, true));
  });

  it('config and extended files must be YAML files', async () => {
    const env = memoryEnv({ '/y/.fzlint.yaml': 'extends: ./notes.txt\n', '/y/notes.txt': 'secret: do-not-print\n' });
    const problems = await createEngine(env).loadConfig({ file: '/y/.fzlint.yaml' }).then(() => [], (e: ConfigError) => e.problems);
    expect(problems.map((p) => p.message)).toEqual(['被继承的规则文件「./notes.txt」应为 .yaml 或 .yml 文件']);
    await expect(createEngine(env).loadConfig({ file: '/y/notes.txt' })).rejects.toThrow('配置文件应为 .yaml 或 .yml 文件');
  });
});
