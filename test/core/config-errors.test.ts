import { describe, expect, it } from 'vitest';
import { ConfigError, createEngine, type ConfigProblem } from '@fzlint/core';
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
    expect(p[0]!.message).toMatch(/^YAML 语法错误/);
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
    expect(p.length).toBeGreaterThan(0);
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
