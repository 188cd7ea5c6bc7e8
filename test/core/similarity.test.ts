import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, similarity } from '@fzlint/core';
import { coverage, TermSearch, TermWeights } from '../../packages/core/src/text/similarity.js';
import { ROOT } from '../helpers.js';

// Last year's problems of seed 002 (花都 2021) and texts derived from them by hand.
const CENTRE =
  '全新区政务服务中心大楼正式对外服务后,进驻部门数量多、人员结构复杂,在其内部管理和标准化建设方面存在一定困难。加之,区政务服务中心人员架构和内部设置等方面尚不够完善,易造成日常运行不顺畅、监督管理力度不够等方面的问题。';
const DATA = '数据壁垒待打破,虽然我区数据中心平台已汇聚部分数据,但仍有不少数据存在未共享、未更新的情况,尤其是水电气、税务、经济运行分析等方面的数据较为缺乏。';
const ITEMS = '事项梳理存在较大难度,事项精细化梳理涉及大量的省市垂直系统,难度大、持续时间长,需要投入较多工作量,同时也需要各单位的紧密配合。';

describe('analyze: content terms of Chinese report text', () => {
  it('drops the generic vocabulary of these reports and general stop words', () => {
    expect(analyze('进一步加强法治政府建设工作，推进依法行政').terms).toEqual([]);
    expect(analyze('虽然存在问题，但是我们认真整改').terms).toEqual([]);
  });

  it('keeps the words that name the matter', () => {
    const { terms } = analyze(DATA);
    expect(terms).toEqual(expect.arrayContaining(['数据', '壁垒', '打破', '共享', '税务']));
    expect(terms).not.toContain('存在');
    expect(terms).not.toContain('尤其是');
  });

  it('joins characters the segmenter leaves single, and a 化 suffix to its word', () => {
    expect(analyze('推进跨域通办').terms).toContain('跨域通办');
    expect(analyze('数据汇聚').terms).toContain('汇聚');
    expect(analyze('内部管理和标准化建设').terms).toContain('标准化');
  });

  it('ignores numbers, full-width forms and case', () => {
    expect(analyze('２０２２年完成１２３６个事项').terms).toEqual(['事项']);
    expect(analyze('推广ＡＩ应用').terms).toEqual(expect.arrayContaining(['ai', '推广']));
  });
});

describe('similarity: nearly identical vs restated (the problems-copied threshold is 0.75)', () => {
  it('unrelated items that share only generic words are not alike', () => {
    expect(similarity('进一步加强法治宣传工作', '进一步加强执法监督工作')).toBe(0);
    expect(similarity('全面推进依法行政，持续加强法治政府建设', '深入推进依法行政，不断加强法治政府建设')).toBe(0);
  });

  it('a verbatim copy is 1 and an empty text 0', () => {
    expect(similarity(DATA, DATA)).toBe(1);
    expect(similarity(DATA, '')).toBe(0);
  });

  it('copies with a few words changed stay above 0.75', () => {
    const light = '区政务服务中心大楼对外服务后,进驻部门数量多、人员结构复杂,内部管理和标准化建设方面仍存在一定困难。区政务服务中心人员架构和内部设置尚不够完善,日常运行不够顺畅、监督管理力度不够。';
    const condensed = '新政务服务中心进驻部门多、人员结构复杂,内部管理和标准化建设仍有困难,中心人员架构和内部设置有待完善,日常运行和监督管理还不够顺畅有力。';
    const edited = '事项梳理仍存在较大难度,精细化梳理涉及大量省市垂直系统,难度大、持续时间长,需投入较多工作量,还需各单位紧密配合。';
    expect(similarity(CENTRE, light)).toBeGreaterThan(0.85);
    expect(similarity(CENTRE, condensed)).toBeGreaterThan(0.78);
    expect(similarity(ITEMS, edited)).toBeGreaterThan(0.85);
  });

  it('the same problem restated in other words stays below 0.75', () => {
    const restated = [
      [DATA, '部门数据共享仍不充分。部分单位业务数据尚未接入区数据中心平台，水电气、税务等领域数据更新不及时，难以支撑经济运行分析。'],
      [ITEMS, '事项精细化梳理推进较慢。涉及省市垂直系统的事项多、对接周期长，各单位之间协同还需加强。'],
      [CENTRE, '新政务服务中心运行管理有待规范。进驻部门多、人员构成复杂，窗口管理和服务标准尚不统一，中心内设机构仍需理顺。'],
    ] as const;
    for (const [a, b] of restated) expect(similarity(a, b)).toBeLessThan(0.7);
  });

  it('different problems of the same unit score low', () => {
    expect(similarity(DATA, ITEMS)).toBeLessThan(0.1);
    expect(similarity(DATA, '数据应用效率不高。各类跨系统、跨行业、跨层级的数据资源共享交换体制尚不完善，数据汇聚、共享、应用深度不足。')).toBeLessThan(0.2);
  });

  it('is symmetric', () => {
    const b = '新政务服务中心进驻部门多、人员结构复杂,内部管理和标准化建设仍有困难。';
    expect(similarity(CENTRE, b)).toBe(similarity(b, CENTRE));
  });
});

describe('TermSearch, TermWeights and coverage', () => {
  const text = '数据汇聚。数据共享。数据壁垒已打破。数据更新。';
  const units = [
    { start: 0, end: 5 },
    { start: 5, end: 10 },
    { start: 10, end: 18 },
    { start: 18, end: 23 },
  ];
  const search = new TermSearch(text, units);

  it('finds terms only when they lie inside the range', () => {
    expect(search.contains('壁垒', 10, 18)).toBe(true);
    expect(search.contains('壁垒', 0, 12)).toBe(false);
    expect(search.contains('壁垒', 13, 18)).toBe(false);
    expect(search.unitFrequency('数据')).toBe(4);
    expect(search.unitFrequency('壁垒')).toBe(1);
    expect(search.unitFrequency('缺失')).toBe(0);
  });

  it('a rare term weighs more than a frequent one', () => {
    const weights = new TermWeights([search]);
    expect(weights.weight('壁垒')).toBeGreaterThan(1.5 * weights.weight('数据'));
  });

  it('coverage is the weighted share of terms present', () => {
    const terms = [
      { term: '数据', weight: 1 },
      { term: '壁垒', weight: 3 },
    ];
    expect(coverage(terms, (t) => search.contains(t, 10, 18))).toEqual({ score: 1, matched: ['数据', '壁垒'] });
    expect(coverage(terms, (t) => search.contains(t, 0, 5)).score).toBeCloseTo(0.25);
    expect(coverage([], () => true).score).toBe(0);
  });
});

describe('without Intl.Segmenter (a runtime without ICU data)', () => {
  it('falls back to stop-word removal and character bigrams', () => {
    const module = join(ROOT, 'packages/core/dist/text/similarity.js');
    const script = `delete Intl.Segmenter;
      const m = await import(${JSON.stringify(module)});
      console.log(JSON.stringify({
        terms: m.analyze('数据壁垒待打破，进一步加强法治政府建设工作').terms,
        generic: m.similarity('进一步加强法治宣传工作', '进一步加强执法监督工作'),
        same: m.similarity('数据壁垒待打破', '数据壁垒待打破'),
      }));`;
    const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
    expect(out.terms).toEqual(expect.arrayContaining(['数据', '壁垒', '打破']));
    expect(out.terms).not.toContain('加强');
    expect(out.generic).toBe(0);
    expect(out.same).toBe(1);
  });
});
