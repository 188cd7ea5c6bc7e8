import { describe, expect, it } from 'vitest';
import { otherDocumentKind } from '../../packages/core/src/document/other-kind.js';
import { KINDS } from '../../packages/core/src/rules/kinds/index.js';
import { REPORT_STRUCTURE_KINDS } from '../../packages/core/src/rules/report-structure-kinds.js';
import { engine, recommended } from '../helpers.js';

describe('documents that are not annual reports', () => {
  it('are told by how their title ends', () => {
    expect(otherDocumentKind('青禾县2024年政府信息公开工作年度报告')).toBe('政府信息公开工作年度报告');
    expect(otherDocumentKind('关于《青禾县2024年法治政府建设年度报告》的政策解读')).toBe('政策解读');
    expect(otherDocumentKind('2025年青禾县政府工作报告')).toBe('政府工作报告');
    expect(otherDocumentKind('青禾县司法局局长2024年度述法报告')).toBe('述职（述法）报告');
    expect(otherDocumentKind('青禾县2025年法治政府建设工作要点')).toBe('工作要点或计划');
  });

  it('annual reports, however their titles end, are not', () => {
    for (const t of [
      '青禾县司法局2024年法治政府建设年度报告',
      '青禾县人民政府关于2024年度法治政府建设情况的报告',
      '青禾县2024年法治政府工作报告',
      '青禾县司法局2023年法治政府建设工作总结和2024年工作计划',
      '青禾县2024年法治政府建设情况报告（2025年1月）',
    ]) {
      expect(otherDocumentKind(t), t).toBeUndefined();
    }
  });

  it('get no part, data or 落款 findings, only the wording checks; a pinned edition checks them as reports', async () => {
    const text = '青禾县2024年政府信息公开工作年度报告\n一、总体情况\n2024年，全县主动公开政府信息1200条，法制宣传栏更新12期。\n';
    const config = await recommended();
    const result = engine.lint(text, { path: 'r.txt', config });
    const ids = result.diagnostics.map((d) => d.ruleId);
    expect(ids).toContain('fzlint/not-annual-report');
    expect(ids).toContain('term/fazhi');
    expect(ids.filter((id) => /part-|signature|data\//.test(id))).toEqual([]);
    expect(result.report.edition).toBeUndefined();
    const pinned = engine.lint(text, { path: 'r.txt', config, edition: 'national-2019' }).diagnostics.map((d) => d.ruleId);
    expect(pinned).not.toContain('fzlint/not-annual-report');
    expect(pinned).toContain('nat2019/part-plans');
  });

  it('the structure kinds listed exist', () => {
    for (const k of REPORT_STRUCTURE_KINDS) expect(KINDS.map((x) => x.name), k).toContain(k);
  });
});
