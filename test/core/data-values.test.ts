import { describe, expect, it } from 'vitest';
import type { FactValue } from '@fzlint/core';
import { lintText, readSeed, recommended, engine, seedPath } from '../helpers.js';

/**
 * The data rules of fzlint:data read figures as values. Each sentence below (written for this
 * test) is linted alone; `values` is what the rule must record (figure as written, and the label
 * when it matters), [] when the sentence must not count. Half count, half do not.
 */
type Case = [rule: string, sentence: string, values: Array<string | [text: string, label: string]>];

const COUNT: Case[] = [
  ['data/study-sessions', '局党组会议全年专题学法6次。', [['6次', '专题学法']]],
  ['data/study-sessions', '党工委专题学习4次，传达学习习近平法治思想。', [['4次', '专题学习']]],
  ['data/study-sessions', '全年召开党组理论学习中心组学习会12次、党组会议“第一议题”学习20次。', [['12次', '理论学习中心组'], ['20次', '第一议题']]],
  ['data/study-sessions', '区政府常务会议会前学法8次，邀请律师讲解新修订的行政复议法。', [['8次', '会前学法']]],
  ['data/study-sessions', '组织党委理论学习中心组专题学法，全年共5次。', [['5次', '专题学法']]],
  ['data/study-sessions', '党委会开展集中学习3期。', [['3期', '集中学习']]],
  ['data/study-sessions', '中心组围绕民法典开展专题学习2场次。', [['2场', '专题学习']]],
  ['data/exam-rate', '组织全局干部参加年度学法考试，参考率100%，合格率98.5%。', [['100%', '参考率'], ['98.5%', '合格率']]],
  ['data/exam-rate', '干部职工参加网上学法考试，参学率、合格率均为100%。', [['100%', '参学率、合格率']]],
  ['data/exam-rate', '学法考试情况：参考人数56人，通过率100%。', [['100%', '通过率']]],
  ['data/legality-review', '全年对重大行政决策、行政协议开展合法性审查43件。', [['43件', '合法性审查']]],
  ['data/legality-review', '法制审核重大执法决定17宗，均在规定时限内办结。', [['17宗', '法制审核']]],
  ['data/legality-review', '累计开展合法性审核60余次。', [['60余次', '合法性审核']]],
  ['data/disclosure', '受理依申请公开128件，按时答复率100%。', [['128件', '依申请公开'], ['100%', '按时答复率']]],
  ['data/disclosure', '办理政府信息公开申请35件。', ['35件']],
  ['data/normative-documents', '全年制定行政规范性文件3件，均通过合法性审核。', ['3件']],
  ['data/normative-documents', '清理规范性文件27件，废止4件。', ['27件']],
  ['data/reconsideration-litigation', '全年发生行政复议案件2宗、行政诉讼案件1宗。', [['2宗', '行政复议'], ['1宗', '行政诉讼']]],
  ['data/reconsideration-litigation', '行政机关负责人出庭应诉率100%。', [['100%', '出庭应诉率']]],
  ['data/study-sessions', '局党组会议专题学法10余次。', [['10余次', '专题学法']]],
];

const NOT_COUNT: Case[] = [
  // An ordinal says which meeting, not how many.
  ['data/study-sessions', '市政府召开八届第14次常务会议，研究部署法治政府建设工作。', []],
  ['data/study-sessions', '区政府召开十七届3次常务会议。', []],
  // 学法 in a slogan is not a study session.
  ['data/study-sessions', '开展尊法学法守法用法主题宣传活动2场次。', []],
  ['data/study-sessions', '营造尊法、学法、守法、用法的浓厚氛围，举办讲座3场。', []],
  // Counts of something else.
  ['data/study-sessions', '局党组共有成员7人，分工负责法治建设。', []],
  ['data/study-sessions', '区政府常务会议审议规范性文件3次。', []],
  ['data/study-sessions', '党组会听取法治政府建设工作汇报2次。', []],
  ['data/study-sessions', '组织干部参加学法考试2次。', []],
  ['data/study-sessions', '党组高度重视法治建设，全年办理行政复议案件5件。', []],
  ['data/study-sessions', '党委书记带头讲法治课，时长2小时。', []],
  ['data/study-sessions', '中心组专题学习覆盖干部300人次。', []],
  ['data/study-sessions', '理论学习中心组于2024年3月15日开展专题学习。', []],
  ['data/exam-rate', '组织干部参加学法考试，成绩良好，参考人员覆盖各科室。', []],
  ['data/exam-rate', '全区学法考试平均分92分。', []],
  ['data/legality-review', '合法性审查一般在3个工作日内完成。', []],
  ['data/normative-documents', '搭建涵盖全区规范性文件的政策库，提供24小时在线问答。', []],
  ['data/normative-documents', '规范性文件第3批清理工作正在进行。', []],
  ['data/disclosure', '依申请公开工作严格执行《中华人民共和国政府信息公开条例》第24条规定。', []],
  ['data/reconsideration-litigation', '行政复议案件办理实行“1+3”工作机制。', []],
  ['data/reconsideration-litigation', '2024年行政复议法修订施行后，组织干部学习。', []],
];

const RULES = 'extends: [fzlint:data]\n';

async function valuesOf(rule: string, sentence: string): Promise<FactValue[]> {
  const result = await lintText(`${sentence}\n`, { rules: RULES, path: '/virtual/report.txt' });
  const fact = result.facts.find((f) => f.ruleId === rule);
  expect(fact, rule).toBeDefined();
  expect(fact!.found, sentence).toBe((fact!.values?.length ?? 0) > 0);
  return fact!.values ?? [];
}

describe('data rules read figures as values', () => {
  it('the table has at least 30 sentences, half that count and half that do not', () => {
    expect(COUNT.length + NOT_COUNT.length).toBeGreaterThanOrEqual(30);
    expect(Math.abs(COUNT.length - NOT_COUNT.length)).toBeLessThanOrEqual(1);
    expect(COUNT.every(([, , v]) => v.length > 0)).toBe(true);
  });

  for (const [rule, sentence, expected] of [...COUNT, ...NOT_COUNT]) {
    it(`${rule}: ${sentence}`, async () => {
      const values = await valuesOf(rule, sentence);
      expect(values.map((v) => v.text)).toEqual(expected.map((e) => (typeof e === 'string' ? e : e[0])));
      expected.forEach((e, i) => {
        if (typeof e !== 'string') expect(values[i]!.label, `${sentence} ${e[0]}`).toBe(e[1]);
        // The offsets point at the figure, the number is parsed, the sentence is kept.
        const v = values[i]!;
        expect(`${sentence}\n`.slice(v.start, v.end)).toBe(v.text);
        expect(v.text.startsWith(String(v.value))).toBe(true);
        expect(v.sentence).toBe(sentence);
      });
    });
  }

  it('keeps every value of the report, in order, with number and unit', async () => {
    const text = '一、主要举措\n党组会学法6次。理论学习中心组专题学习，全年共4次。\n二、其他\n党委会集中学习2期。\n';
    const result = await lintText(text, { rules: RULES, path: '/virtual/r.txt' });
    const fact = result.facts.find((f) => f.ruleId === 'data/study-sessions')!;
    expect(fact.values!.map((v) => [v.value, v.unit])).toEqual([[6, '次'], [4, '次'], [2, '期']]);
    expect(fact.detail).toBe('党组会学法6次。');
  });

  it('a value with 万 or 余 keeps them in its unit and scales the number', async () => {
    const [v] = await valuesOf('data/legality-review', '全年合法性审查各类文件1.2万余件。');
    expect(v).toMatchObject({ value: 12000, unit: '万余件', text: '1.2万余件' });
  });
});

describe('values on the seeds', () => {
  const cases: Array<[seed: '000' | '001' | '002' | '003' | '004', rule: string, values: string[]]> = [
    ['000', 'data/exam-rate', ['100%']],
    ['001', 'data/study-sessions', ['8次']],
    ['001', 'data/disclosure', ['100%']],
    // 「24小时」 next to 规范性文件 is not a count of documents.
    ['001', 'data/normative-documents', []],
    ['003', 'data/study-sessions', ['19次', '12次']],
    ['003', 'data/exam-rate', ['100%']],
    ['004', 'data/study-sessions', ['25次', '4次']],
    ['004', 'data/legality-review', ['55次']],
  ];
  for (const [seed, rule, expected] of cases) {
    it(`${seed} ${rule}: ${expected.join('、') || 'none'}`, async () => {
      const result = engine.lint(readSeed(seed), { path: seedPath(seed), config: await recommended() });
      const fact = result.facts.find((f) => f.ruleId === rule)!;
      expect((fact.values ?? []).map((v) => v.text)).toEqual(expected);
    });
  }
});
