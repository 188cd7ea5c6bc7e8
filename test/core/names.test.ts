import { describe, expect, it } from 'vitest';
import { ConfigError } from '@fzlint/core';
import { lintText } from '../helpers.js';

const NAMES = 'extends: [fzlint:names]\n';

async function names(text: string) {
  const r = await lintText(text, { rules: NAMES, path: '/virtual/report.txt' });
  return r.diagnostics.map((d) => ({ id: d.ruleId, on: r.document.text.slice(d.start, d.end), message: d.message, fix: d.fix, suggestions: d.suggestions }));
}

describe('canonical names (fzlint:names)', () => {
  it('a plan with one edition and wrong years is fixed', async () => {
    const [d] = await names('落实《关于开展法治宣传教育的第八个五年规划（2021—2026年）》。\n');
    expect(d?.message).toContain('应为「中央宣传部、司法部关于开展法治宣传教育的第八个五年规划（2021—2025年）」');
    expect(d?.fix?.edits.map((e) => e.text)).toEqual(['2025']);
  });

  it('without a report year, a citation without years gets both editions and no hint', async () => {
    const [d] = await names('对照《法治政府建设实施纲要》查找差距。\n');
    expect(d?.message).toBe('「法治政府建设实施纲要」没有写明年份：正式名称带年份（2015—2020年、2021—2025年）');
    expect(d?.fix).toBeUndefined();
    expect(d?.suggestions?.map((s) => s.edits[0]!.text)).toEqual(['（2015—2020年）', '（2021—2025年）']);
  });

  it('a 2019 report is pointed at the edition then in force', async () => {
    const [d] = await names('某局2019年法治政府建设年度报告\n对照《法治政府建设实施纲要》查找差距。\n');
    expect(d?.message).toContain('2019年度适用「法治政府建设实施纲要（2015—2020年）」');
    expect(d?.suggestions?.[0]?.edits[0]?.text).toBe('（2015—2020年）');
  });

  it('local and departmental documents of the same kind are left alone', async () => {
    const text = [
      '参照《广东省法治政府建设实施纲要（2016—2020年）》和广东省法治政府建设实施纲要（2016—2020年）。',
      '执行《浙江省重大行政决策程序条例》和XX市重大行政决策程序条例。',
      '转发《市委宣传部、市司法局关于开展法治宣传教育的第八个五年规划（2021—2025年）》。',
      '省委全面依法治省委员会、市委依法治市办按中央依法治国办的要求开展工作。',
    ].join('\n');
    expect(await names(`${text}\n`)).toEqual([]);
  });

  it('brackets of either width and any dash between the years are the same name', async () => {
    expect(await names('落实《法治政府建设实施纲要(2021-2025年)》和《法治中国建设规划(2020—2025年)》。\n')).toEqual([]);
  });

  it('years after the name outside book-title marks are checked too', async () => {
    const [d] = await names('按照法治政府建设实施纲要2022-2025年的部署推进。\n');
    expect(d?.on).toBe('法治政府建设实施纲要2022-2025年');
    expect(d?.fix?.edits.map((e) => e.text)).toEqual(['2021']);
  });

  it('a title differing by more than the allowed characters is another document', async () => {
    // 方案 for 纲要 is two characters in a ten-character name: not taken for the 纲要.
    expect(await names('制定《法治政府建设实施方案》。\n')).toEqual([]);
    // Another kind of document with nearly the same words: a list of duties is not the regulation.
    expect(await names('印发《党政主要负责人履行推进法治建设第一责任人职责清单》。\n')).toEqual([]);
  });

  it('a variant that is the official name itself is a configuration error', async () => {
    const rules = 'rules:\n  n:\n    kind: canonical-name\n    names:\n      - name: 中央全面依法治国委员会\n        variants: [中央全面依法治国委员会]\n';
    await expect(lintText('x\n', { rules })).rejects.toBeInstanceOf(ConfigError);
  });
});
