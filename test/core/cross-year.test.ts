import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError, createEngine, findPreviousReport, parseReport, PreviousReportIndex, unitMatch, type LintResult } from '@fzlint/core';
import { engine, memoryEnv, readSeed, recommended, ROOT, SEEDS, seedPath } from '../helpers.js';

const FIXTURES = join(ROOT, 'test/fixtures/cross-year');

function fixture(name: string): string {
  return join(FIXTURES, name, 'input.txt');
}

async function lintPair(current: string, previous: string | undefined, rules?: string): Promise<LintResult> {
  const config = rules
    ? await createEngine(memoryEnv({ '/virtual/.fzlint.yaml': rules })).loadConfig({ file: '/virtual/.fzlint.yaml' })
    : await recommended();
  return engine.lint(readFileSync(current, 'utf8'), {
    path: current,
    config,
    previous: previous ? { path: previous, text: readFileSync(previous, 'utf8') } : undefined,
  });
}

const problemFacts = (r: LintResult) => r.facts.filter((f) => f.type === 'previous-problem');
const crossYear = (r: LintResult, id: string) => r.diagnostics.filter((d) => d.ruleId === `cross-year/${id}`);

describe('automatic discovery of last year\'s report', () => {
  // Hosts with many reports in one folder use the index; it must decide exactly as the direct search.
  it('the folder index gives the same choice and explanation as comparing with every candidate', () => {
    const units = ['花都区政务服务数据管理局', '广州市花都区政务服务数据管理局', '广东省广州市花都区政务服务数据管理局', '越秀区司法局', '司法局', '市司法局', '某 局'];
    const meta = fc.record({
      unit: fc.option(fc.record({ value: fc.constantFrom(...units), source: fc.constantFrom('title', 'signature', 'front-matter') }), { nil: undefined }),
      year: fc.option(fc.record({ value: fc.integer({ min: 2020, max: 2024 }), source: fc.constant('title') }), { nil: undefined }),
    });
    const candidate = fc.record({ path: fc.constantFrom('/a/1.md', '/a/2.md', '/a/3.txt', '/b/4.md', '/b/5.md', '/a/6.md', '/c/7.txt'), meta });
    fc.assert(
      fc.property(fc.uniqueArray(candidate, { selector: (c) => c.path, maxLength: 7 }), candidate, (candidates, current) => {
        const direct = findPreviousReport(current as never, candidates as never);
        const indexed = new PreviousReportIndex(candidates as never).find(current as never);
        expect({ ...indexed, candidates: indexed.candidates }).toEqual(direct);
      }),
      { numRuns: 3000 },
    );
  });

  const folder = readdirSync(SEEDS).map((f) => ({ path: join(SEEDS, f), text: readFileSync(join(SEEDS, f), 'utf8') }));
  const current = (text: string, path: string) => ({ path, meta: parseReport(text, { path }).meta });

  it('finds 002 (花都 2021) for 000 (花都 2022) when both are in one folder, and says why', () => {
    const found = findPreviousReport(current(readSeed('000'), seedPath('000')), folder);
    expect(found.path).toBe(seedPath('002'));
    expect(found.year).toBe(2021);
    expect(found.reason).toContain('广州市花都区政务服务数据管理局');
    expect(found.reason).toContain('002_07fb1cf96b8e0586.txt');
    expect(found.candidates.find((c) => c.path === seedPath('001'))).toMatchObject({ chosen: false, note: expect.stringContaining('单位') });
    expect(found.candidates.some((c) => c.path === seedPath('000'))).toBe(false);
  });

  it('chooses no report of another unit, nor of the wrong year, and says so', () => {
    const other = { path: '/r/other.txt', text: '广州市白云区政务服务数据管理局2021年法治政府建设年度报告\n一、主要工作\n略。' };
    const older = { path: '/r/2020.txt', text: '广州市花都区政务服务数据管理局2020年法治政府建设年度报告\n一、主要工作\n略。' };
    const none = findPreviousReport(current(readSeed('000'), '/r/000.txt'), [other, older, { path: '/r/000.txt', text: readSeed('000') }]);
    expect(none.path).toBeUndefined();
    expect(none.reason).toMatch(/未找到「广州市花都区政务服务数据管理局」2021年度的报告/);
    expect(none.reason).toContain('2020年度');
    expect(none.candidates.map((c) => c.chosen)).toEqual([false, false]);
    // 002 is 2021: for the 2021 report itself, the 2022 report is not "last year's".
    expect(findPreviousReport(current(readSeed('002'), seedPath('002')), folder).path).toBeUndefined();
  });

  it('accepts a unit written with or without its region, preferring the exact name and the same folder', () => {
    expect(unitMatch('广州市花都区政务服务数据管理局', '花都区政务服务数据管理局')).toBe('region');
    expect(unitMatch('广州市花都区政务服务数据管理局', '区政务服务数据管理局')).toBeUndefined();
    expect(unitMatch('越秀区政务服务和数据管理局', '越秀区 政务服务和数据管理局')).toBe('exact');
    const short = { path: '/a/2021-short.txt', text: '花都区政务服务数据管理局2021年法治政府建设年度报告\n一、主要工作\n略。' };
    const elsewhere = { path: '/b/2021.txt', text: readSeed('002') };
    const exact = { path: '/a/2021.txt', text: readSeed('002') };
    expect(findPreviousReport(current(readSeed('000'), '/a/2022.txt'), [short]).path).toBe('/a/2021-short.txt');
    const both = findPreviousReport(current(readSeed('000'), '/a/2022.txt'), [short, elsewhere, exact]);
    expect(both.path).toBe('/a/2021.txt');
    expect(both.reason).toContain('另有 2 个符合的文件');
  });

  it('uses front matter unit and year, and explains when the report has neither', () => {
    const md = '---\nunit: 某某县司法局\nyear: 2024\n---\n# 工作总结\n';
    const prev = { path: '/r/2023.md', text: '---\nunit: 某某县司法局\nyear: 2023\n---\n# 工作总结\n' };
    expect(findPreviousReport({ path: '/r/2024.md', meta: parseReport(md, { path: '/r/2024.md' }).meta }, [prev]).path).toBe('/r/2023.md');
    const unknown = findPreviousReport({ path: '/r/x.txt', meta: parseReport('一些文字。').meta }, [prev]);
    expect(unknown.path).toBeUndefined();
    expect(unknown.reason).toContain('未识别出单位和年度');
  });
});

describe('cross-year checks', () => {
  it('do nothing without last year\'s report', async () => {
    const r = await lintPair(seedPath('000'), undefined);
    expect(r.diagnostics.filter((d) => d.ruleId.startsWith('cross-year/'))).toEqual([]);
    expect(r.facts.filter((f) => f.type.startsWith('previous-'))).toEqual([]);
  });

  it('takes last year\'s problems from numbered items, 一是… items or sentences, not from its causes or its own rectification', async () => {
    const config = await recommended();
    const facts = (previous: string) =>
      engine
        .lint('某某局2024年法治政府建设年度报告\n一、主要举措和成效\n开展普法活动15场。\n二、存在的不足\n基层力量薄弱。\n三、2025年工作安排\n充实基层力量。\n', {
          path: 'c.txt',
          config,
          previous: { path: 'p.txt', text: previous },
        })
        .facts.filter((f) => f.type === 'previous-problem')
        .map((f) => f.name);
    const head = '某某局2023年法治政府建设年度报告\n一、主要举措和成效\n开展普法活动12场。\n';
    expect(facts(`${head}二、存在的不足和原因\n(一)存在的不足\n执法人员持证比例偏低，部分人员未取得证件。复议案件办理周期较长。\n(二)原因分析\n培训考试组织不够及时。\n`)).toEqual([
      '执法人员持证比例偏低',
      '复议案件办理周期较长',
    ]);
    expect(facts(`${head}二、存在的不足\n对照年度目标，工作仍有差距：一是执法人员持证比例偏低。二是普法形式单一。\n`)).toEqual(['执法人员持证比例偏低', '普法形式单一']);
    expect(facts(`${head}二、存在的不足\n(一)2022年度问题整改情况\n已完成执法证件换发。\n(二)存在的问题\n1.执法人员持证比例偏低。\n2.普法形式单一。\n`)).toEqual([
      '执法人员持证比例偏低',
      '普法形式单一',
    ]);
  });

  it('the real pair: the three 2021 problems are not addressed in 2022, with related locations into 002', async () => {
    const r = await lintPair(seedPath('000'), seedPath('002'));
    const found = crossYear(r, 'problems-addressed');
    expect(found.map((d) => d.data?.problem)).toEqual(['数据壁垒待打破', '事项梳理存在较大难度', '内部管理和标准化建设方面存在一定困难']);
    for (const d of found) {
      expect(d.range.start.line).toBe(15); // 二、存在问题 (no rectification subsection)
      expect(d.related?.[0]).toMatchObject({ path: seedPath('002'), message: expect.stringContaining('2021年度报告中的问题') });
    }
    expect(found.map((d) => d.related![0]!.range.start.line)).toEqual([13, 14, 15]);
    expect(problemFacts(r).map((f) => [f.name, f.found, f.path])).toEqual([
      ['数据壁垒待打破', false, seedPath('002')],
      ['事项梳理存在较大难度', false, seedPath('002')],
      ['内部管理和标准化建设方面存在一定困难', false, seedPath('002')],
    ]);
  });

  it('a rectification subsection that treats every problem in its own words: all addressed, facts point at the treatment', async () => {
    const r = await lintPair(fixture('all-addressed'), seedPath('002'));
    expect(crossYear(r, 'problems-addressed')).toEqual([]);
    const facts = problemFacts(r);
    expect(facts.map((f) => f.found)).toEqual([true, true, true]);
    const text = r.document.text;
    expect(facts.map((f) => text.slice(f.start, f.start! + 3))).toEqual(['一是打', '二是攻', '三是规']);
  });

  it('addressing one of three reports the other two on the rectification heading', async () => {
    const r = await lintPair(fixture('one-addressed'), seedPath('002'));
    expect(problemFacts(r).map((f) => f.found)).toEqual([true, false, false]);
    const found = crossYear(r, 'problems-addressed');
    expect(found).toHaveLength(2);
    expect(r.document.text.slice(found[0]!.start, found[0]!.end)).toBe('(一)2021年度存在问题的整改情况');
  });

  it('copied problems are flagged, restated ones are not (but are still not rectified)', async () => {
    const copied = await lintPair(fixture('copied-problems'), seedPath('002'));
    expect(crossYear(copied, 'problems-copied').map((d) => d.range.start.line)).toEqual([16, 17]);
    const restated = await lintPair(fixture('paraphrased-problems'), seedPath('002'));
    expect(crossYear(restated, 'problems-copied')).toEqual([]);
    expect(crossYear(restated, 'problems-addressed').map((d) => d.message)).toEqual([
      expect.stringContaining('仍列为存在的问题（「部门数据共享仍不充分」）'),
      expect.stringContaining('仍列为存在的问题（「事项精细化梳理推进较慢」）'),
      expect.stringContaining('仍列为存在的问题（「新政务服务中心运行管理有待规范」）'),
    ]);
  });

  it('plans: followed ones are facts, the one not carried out is an info on the measures heading', async () => {
    const r = await lintPair(seedPath('001'), join(FIXTURES, 'longgang-2023-2024/previous-2023.txt'));
    const plans = r.facts.filter((f) => f.type === 'previous-plan');
    expect(plans.map((f) => f.found)).toEqual([true, true, true, true, false]);
    const info = crossYear(r, 'plans-followed');
    expect(info).toHaveLength(1);
    expect(info[0]).toMatchObject({ severity: 'info', data: expect.objectContaining({ plan: '推进电子档案单套制归档' }) });
    expect(problemFacts(r).map((f) => f.found)).toEqual([true, true]);
  });

  it('thresholds are options: demanding a near-verbatim treatment reports all three again', async () => {
    const strict = 'extends: fzlint:recommended\nrules:\n  cross-year/problems-addressed:\n    threshold: 0.95\n    elsewhereThreshold: 0.95\n';
    const r = await lintPair(fixture('all-addressed'), seedPath('002'), strict);
    expect(crossYear(r, 'problems-addressed')).toHaveLength(3);
    const off = await lintPair(seedPath('000'), seedPath('002'), 'extends: fzlint:recommended\nrules:\n  cross-year/plans-followed: off\n');
    expect(crossYear(off, 'plans-followed')).toEqual([]);
  });

  it('a wrong option is a config error at its line', async () => {
    const load = (yaml: string) => createEngine(memoryEnv({ '/v/.fzlint.yaml': yaml })).loadConfig({ file: '/v/.fzlint.yaml' });
    await expect(load('extends: fzlint:recommended\nrules:\n  cross-year/problems-copied:\n    threshold: 1.5\n')).rejects.toBeInstanceOf(ConfigError);
    const err = await load('extends: fzlint:recommended\nrules:\n  x:\n    kind: problems-addressed\n    rectification: nosuch\n').catch((e: ConfigError) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).problems[0]).toMatchObject({ line: 5, message: expect.stringContaining('未定义的部分 "nosuch"') });
  });

  it('a previous report that is not older only gets the years finding', async () => {
    const r = await lintPair(seedPath('002'), seedPath('000'));
    expect(r.diagnostics.filter((d) => d.ruleId.startsWith('cross-year/')).map((d) => d.ruleId)).toEqual(['cross-year/years-agree']);
  });

  it('never throws on mutated pairs', async () => {
    const config = await recommended();
    const seeds = ['000', '001', '002', '003', '004'] as const;
    const mutated = fc.tuple(fc.constantFrom(...seeds), fc.array(fc.tuple(fc.nat(), fc.nat(30), fc.constantFrom('（一）', '一是', '二、存在问题\n', '2021年', '整改情况', '。', '\n', '')), { maxLength: 8 })).map(([id, edits]) => {
      let text = readSeed(id);
      for (const [at, del, ins] of edits) {
        const i = at % (text.length + 1);
        text = text.slice(0, i) + ins + text.slice(i + del);
      }
      return text;
    });
    fc.assert(
      fc.property(mutated, mutated, (current, previous) => {
        const r = engine.lint(current, { path: 'a.txt', config, previous: { path: 'b.txt', text: previous } });
        for (const d of r.diagnostics) {
          expect(d.ruleId).not.toBe('fzlint/rule-error');
          for (const rel of d.related ?? []) {
            const len = rel.path === 'b.txt' ? previous.length : current.length;
            expect(rel.end).toBeLessThanOrEqual(len);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
