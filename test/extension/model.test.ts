// The checklist tree and status text (packages/vscode-extension/src/checklist/model.ts) for
// answers the seeds do not produce: other statuses, an unreadable or found previous report.
import { describe, expect, test } from 'vitest';
import type { ChecklistResult } from '@fzlint/server';
import { checklistTree, describeEdition, statusText, statusTooltip, summarize } from '../../packages/vscode-extension/src/checklist/model.js';

const range = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 4 } });

function result(overrides: Partial<ChecklistResult> = {}): ChecklistResult {
  return {
    uri: 'file:///r/2024.md',
    version: 3,
    status: 'checked',
    edition: { id: 'guangdong-2024', name: '广东省六部分格式（2023年度起）', reason: 'year' },
    year: 2024,
    parts: [
      { id: 'measures', ruleId: 'gd2024/part-measures', name: '推进法治政府建设的主要举措和成效', found: true, order: 4, range: range(3), heading: '推进法治政府建设的主要举措和成效' },
      { id: 'plans', ruleId: 'gd2024/part-plans', name: '下一年度推进法治政府建设的主要安排', found: false, order: 6, heading: '下一年度推进法治政府建设的主要安排' },
    ],
    subsections: [],
    dataPoints: [],
    quantification: [],
    previous: { status: 'none', items: [] },
    other: [],
    counts: { error: 1, warning: 0, info: 2, total: 3, fixable: 1 },
    ...overrides,
  };
}

describe('checklist model', () => {
  test('not-report and disabled documents have no tree', () => {
    expect(checklistTree(result({ status: 'not-report' }))).toEqual([]);
    expect(checklistTree(result({ status: 'disabled' }))).toEqual([]);
  });

  test('parts carry their template number, ✓/✗, the standard heading in the tooltip, and where they are', () => {
    const [parts] = checklistTree(result());
    expect(parts!.label).toBe('必备部分');
    expect(parts!.description).toBe('1/2');
    expect(parts!.ok).toBe(false);
    expect(parts!.expanded).toBe(true);
    const [found, missing] = parts!.children!;
    expect(found).toMatchObject({ label: '✓ 四、推进法治政府建设的主要举措和成效', ok: true, location: { uri: 'file:///r/2024.md', range: range(3) } });
    expect(missing).toMatchObject({ label: '✗ 六、下一年度推进法治政府建设的主要安排', ok: false, description: '缺少', location: undefined });
    expect(missing!.tooltip).toContain('标准标题：下一年度推进法治政府建设的主要安排');
    expect(missing!.tooltip).toContain('规则：gd2024/part-plans');
  });

  test("an unreadable previous report is shown ✗ with the error", () => {
    const tree = checklistTree(result({ previous: { status: 'unreadable', path: '/r/2023.md', error: 'ENOENT', source: 'front-matter', items: [] } }));
    const previous = tree.find((g) => g.id === 'previous')!;
    expect(previous.children).toEqual([expect.objectContaining({ label: '✗ 无法读取上一年度报告', ok: false, description: '/r/2023.md', tooltip: 'ENOENT' })]);
  });

  test("items of last year's report point into that report", () => {
    const tree = checklistTree(
      result({
        previous: {
          status: 'found',
          source: 'front-matter',
          path: '/r/2023.md',
          uri: 'file:///r/2023.md',
          items: [
            { ruleId: 'cross-year/problems-addressed', type: 'previous-problem', name: '执法队伍力量薄弱', found: true, range: range(8), uri: 'file:///r/2023.md', detail: '已整改' },
            { ruleId: 'cross-year/problems-addressed', type: 'previous-problem', name: '规范性文件清理滞后', found: false, detail: '未找到整改说明（最接近的段落得分 12%）' },
            { ruleId: 'cross-year/plans-followed', type: 'previous-plan', name: '推行行政执法三项制度', found: false },
          ],
        },
      }),
    );
    const previous = tree.find((g) => g.id === 'previous')!;
    expect(previous.description).toBe('1/3');
    expect(previous.children!.map((n) => `${n.label} | ${n.description ?? ''}`)).toEqual([
      '上一年度报告：2023.md | 由 front matter 指定',
      '✓ 问题：执法队伍力量薄弱 | 已整改',
      '✗ 问题：规范性文件清理滞后 | 未见整改',
      '✗ 计划：推行行政执法三项制度 | 未见落实',
    ]);
    expect(previous.children![1]!.location).toEqual({ uri: 'file:///r/2023.md', range: range(8) });
  });

  test('status bar: parts, errors and warnings; a check mark when clean', () => {
    expect(statusText(summarize(result()))).toBe('$(law) 法治报告 1/2 · $(error) 1');
    const clean = result({ parts: [result().parts[0]!], counts: { error: 0, warning: 0, info: 2, total: 2, fixable: 0 } });
    expect(statusText(summarize(clean))).toBe('$(law) 法治报告 1/1 · $(check)');
    expect(statusTooltip(result(), summarize(result()))).toBe(
      ['法治政府建设年度报告（2024年度 · 广东省六部分格式（2023年度起））', '必备部分 1/2，缺少：下一年度推进法治政府建设的主要安排', '问题：错误 1，警告 0，提示 2（1 个可自动修复）', '点击显示合规清单'].join('\n'),
    );
    expect(describeEdition(result({ year: undefined, edition: undefined }))).toBe('');
  });
});
