import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError, createEngine, type LintResult } from '@fzlint/core';
import { idCheckChar, isIdentityNumber } from '../../packages/core/src/rules/kinds/id-number.js';
import { LEGITIMATE_CONTEXTS, LEGITIMATE_REDUPLICATION } from '../../packages/core/src/rules/kinds/repetition.js';
import { engine, lintText, memoryEnv, readSeed, recommended, SEED_FILES, seedPath } from '../helpers.js';

/** Rule-id prefixes of the content packs (terms, formulations, repetition, numbers, safety, coverage, punctuation, citations, names). */
const CONTENT = /^(term|typo|year|repeat|num|safety|coverage|punct|cite|name)\//;
const SEEDS = Object.keys(SEED_FILES) as Array<keyof typeof SEED_FILES>;

async function lintSeed(id: keyof typeof SEED_FILES, text = readSeed(id)): Promise<LintResult> {
  return engine.lint(text, { path: seedPath(id), config: await recommended() });
}

const content = (r: LintResult) => r.diagnostics.filter((d) => CONTENT.test(d.ruleId));

let strictConfig: ReturnType<typeof engine.loadConfig> | undefined;
const strict = () => (strictConfig ??= engine.loadConfig({ extends: ['fzlint:strict'] }));

describe('content packs on the seeds (issue acceptance)', () => {
  it('002: 法制宣传 is flagged with a fix, 现进技术 is flagged', async () => {
    const r = await lintSeed('002');
    const term = r.diagnostics.find((d) => d.ruleId === 'term/fazhi');
    expect(term?.message).toContain('法制宣传');
    expect(term?.fix?.edits).toEqual([{ start: term!.start, end: term!.end, text: '法治宣传' }]);
    expect(r.diagnostics.some((d) => d.ruleId === 'typo/xianjin' && d.message.includes('现进技术'))).toBe(true);
  });

  it('000: "97.48 %%" is flagged, 同比增长101.04% is not', async () => {
    const r = await lintSeed('000');
    const text = r.document.text;
    const numbers = r.diagnostics.filter((d) => d.ruleId.startsWith('num/'));
    expect(numbers.map((d) => text.slice(d.start, d.end))).toEqual(['97.48 %%']);
    const growth = text.indexOf('101.04%');
    expect(r.diagnostics.some((d) => d.start <= growth && d.end > growth && CONTENT.test(d.ruleId))).toBe(false);
  });

  it('004: 方法方法 is flagged', async () => {
    const r = await lintSeed('004');
    const rep = r.diagnostics.filter((d) => d.ruleId === 'repeat/doubled-word');
    expect(rep.map((d) => r.document.text.slice(d.start, d.end))).toEqual(['方法方法']);
  });

  it('003: 办结率76.9% agrees with 352/106; with 300 instead of 352 it is flagged', async () => {
    const seed = readSeed('003');
    expect(seed).toContain('现已解决352宗');
    expect((await lintSeed('003')).diagnostics.filter((d) => d.ruleId === 'num/rate-consistency')).toEqual([]);
    const changed = await lintSeed('003', seed.replace('现已解决352宗', '现已解决300宗'));
    const found = changed.diagnostics.filter((d) => d.ruleId === 'num/rate-consistency');
    expect(found).toHaveLength(1);
    expect(changed.document.text.slice(found[0]!.start, found[0]!.end)).toBe('76.9%');
    expect(found[0]!.message).toContain('73.9%');
  });

  it('no publication-safety finding on any seed', async () => {
    for (const id of SEEDS) expect(ids(await lintSeed(id)).filter((r) => r.startsWith('safety/')), id).toEqual([]);
  });

  it('seed 001 gets at most 5 findings from the content packs with recommended', async () => {
    expect(content(await lintSeed('001')).length).toBeLessThanOrEqual(5);
  });

  it('--fix with strict (all content packs on) is idempotent on every seed and leaves no fixable finding', async () => {
    const config = await strict();
    for (const id of SEEDS) {
      const once = engine.fix(readSeed(id), { path: seedPath(id), config });
      expect(once.fixed, id).toBeGreaterThan(0);
      expect(once.result.diagnostics.filter((d) => d.fix), id).toEqual([]);
      expect(engine.fix(once.output, { path: seedPath(id), config }).output, id).toBe(once.output);
      // Full-width punctuation must not change how the report is understood.
      const before = engine.lint(readSeed(id), { path: seedPath(id), config });
      expect(once.result.edition?.id).toBe(before.edition?.id);
      expect(once.result.document.nodes.length, id).toBe(before.document.nodes.length);
    }
  });
});

function ids(r: LintResult): string[] {
  return r.diagnostics.map((d) => d.ruleId);
}

describe('presets', () => {
  it('recommended declares topic coverage and CJK punctuation but leaves them off; strict turns them on', async () => {
    const sev = (defs: Array<{ id: string; severity: string }>) => new Map(defs.map((d) => [d.id, d.severity]));
    const rec = sev((await recommended()).ruleDefinitions());
    const str = sev((await strict()).ruleDefinitions());
    expect(rec.get('coverage/shenzhen-items')).toBe('off');
    expect(rec.get('punct/cjk-halfwidth')).toBe('off');
    expect(str.get('coverage/shenzhen-items')).toBe('info');
    expect(str.get('punct/cjk-halfwidth')).toBe('warning');
    for (const id of ['safety/id-number', 'safety/mobile-number', 'safety/classification-mark']) expect(rec.get(id)).toBe('error');
  });

  it('every content rule has a Chinese description, a doc and a source', async () => {
    for (const d of (await strict()).ruleDefinitions().filter((r) => CONTENT.test(r.id))) {
      expect(d.description, d.id).toMatch(/[\u4e00-\u9fff]/);
      expect(d.doc, d.id).toMatch(/[\u4e00-\u9fff]/);
      expect(d.source, d.id).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('strict gives one coverage summary, not one finding per item', async () => {
    const r = engine.lint(readSeed('001'), { path: seedPath('001'), config: await strict() });
    expect(r.diagnostics.filter((d) => d.ruleId === 'coverage/shenzhen-items')).toHaveLength(1);
    expect(r.facts.filter((f) => f.type === 'topic')).toHaveLength(8);
  });
});

describe('rule property `years`', () => {
  const rules = `rules:
  old:
    kind: pattern
    severity: warning
    years: { from: 2021, to: 2023 }
    words: [新理念新思想新战略]
`;
  const doc = (year?: number) => `# 某局${year ?? ''}${year ? '年' : ''}法治政府建设年度报告\n\n贯彻新理念新思想新战略。\n`;

  it('runs only for reports whose year is in range (both ends included)', async () => {
    const hits = async (year?: number) => ids(await lintText(doc(year), { rules })).filter((i) => i === 'old').length;
    expect(await hits(2020)).toBe(0);
    expect(await hits(2021)).toBe(1);
    expect(await hits(2023)).toBe(1);
    expect(await hits(2024)).toBe(0);
  });

  it('does not run when the report year is unknown', async () => {
    expect(ids(await lintText(doc(), { rules }))).not.toContain('old');
  });

  it('the year from front matter counts', async () => {
    const text = `---\nyear: 2022\n---\n\n贯彻新理念新思想新战略。\n`;
    expect(ids(await lintText(text, { rules }))).toContain('old');
  });

  it('rejects a malformed years with a Chinese message at the right line', async () => {
    const bad = `rules:\n  old:\n    kind: pattern\n    words: [甲]\n    years: { from: 二〇二一, until: 2023 }\n`;
    const e = await createEngine(memoryEnv({ '/v/.fzlint.yaml': bad }))
      .loadConfig({ file: '/v/.fzlint.yaml' })
      .catch((err: unknown) => err);
    expect(e).toBeInstanceOf(ConfigError);
    const problems = (e as ConfigError).problems;
    expect(problems.every((p) => p.line === 5)).toBe(true);
    const messages = problems.map((p) => p.message).join('\n');
    expect(messages).toContain('years › from：应为整数');
    expect(messages).toContain('未知的字段「until」');
  });

  it('can be set on a built-in rule from a user config', async () => {
    const config = await createEngine(memoryEnv({ '/v/.fzlint.yaml': 'extends: fzlint:recommended\nrules:\n  year/new-concepts:\n    years: { from: 2030 }\n' })).loadConfig({
      file: '/v/.fzlint.yaml',
    });
    const r = engine.lint(readSeed('000'), { path: seedPath('000'), config });
    expect(ids(r)).not.toContain('year/new-concepts');
  });
});

describe('identity numbers (GB 11643)', () => {
  it('computes the check character', () => {
    expect(idCheckChar('11010519491231002')).toBe('X'); // the example of GB 11643
    expect(idCheckChar('44010619900101123')).toBe('5');
  });

  it('requires a valid province, birth date and check character', () => {
    expect(isIdentityNumber('11010519491231002X')).toBe(true);
    expect(isIdentityNumber('11010519491231002x')).toBe(true);
    expect(isIdentityNumber('110105194912310021')).toBe(false); // check digit
    expect(isIdentityNumber('990105194912310029')).toBe(false); // no such province
    expect(isIdentityNumber('110105194902300021')).toBe(false); // 30 February
  });

  it('any 17 digits with their computed check character and a valid date are recognised', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), fc.integer({ min: 0, max: 999 }), (d, seq) => {
        const body = `440106${d.toISOString().slice(0, 10).replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
        const check = idCheckChar(body);
        expect(isIdentityNumber(body + check)).toBe(true);
        const wrong = '0123456789X'.split('').find((c) => c !== check)!;
        expect(isIdentityNumber(body + wrong)).toBe(false);
      }),
    );
  });
});

describe('repetition whitelist', () => {
  const rules = `rules:\n  rep:\n    kind: repetition\n    minLength: 1\n`;
  it('no listed reduplication is reported, even checking single characters', async () => {
    const text = `# 某局2024年法治政府建设年度报告\n\n${[...LEGITIMATE_REDUPLICATION, ...LEGITIMATE_CONTEXTS].join('，')}。\n`;
    expect(ids(await lintText(text, { rules }))).not.toContain('rep');
  });
  it('AABB and 一X一X shapes are legitimate, a doubled word is not', async () => {
    const quiet = await lintText('# 某局2024年报告\n\n认认真真、明明白白、家家户户、一项一项、一批一批。\n', { rules });
    expect(ids(quiet)).not.toContain('rep');
    const loud = await lintText('# 某局2024年报告\n\n落实落实责任，的的要求。\n', { rules });
    expect(loud.diagnostics.filter((d) => d.ruleId === 'rep').map((d) => loud.document.text.slice(d.start, d.end))).toEqual(['落实落实', '的的']);
  });
});

describe('content kinds never throw', () => {
  it('on random edits of the seeds with every content pack on', async () => {
    const config = await strict();
    const pieces = ['%%', ' %', '率', '占', '分别', '宗', '已办结', '剩余', '(', ')', ',', '★', '秘密', '440106199001011235', '13812345678', '方法方法', '\n'];
    fc.assert(
      fc.property(
        fc.constantFrom(...SEEDS),
        fc.array(fc.tuple(fc.nat(), fc.nat(20), fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 6 }))), { maxLength: 10 }),
        (id, edits) => {
          let text = readSeed(id);
          for (const [at, del, ins] of edits) {
            const i = at % (text.length + 1);
            text = text.slice(0, i) + ins + text.slice(i + del);
          }
          const r = engine.lint(text, { path: 'r.txt', config });
          for (const d of r.diagnostics) {
            expect(d.ruleId).not.toBe('fzlint/rule-error');
            expect(d.end).toBeLessThanOrEqual(text.length);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
