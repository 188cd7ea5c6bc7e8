// The report skeleton of 插入报告模板 (packages/vscode-extension/src/template): built from the
// configuration's section definitions, and recognised by the engine as a complete report.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { buildReportTemplate } from '../../packages/vscode-extension/src/template/index.js';
import { loadConfigFor } from '../../packages/vscode-extension/src/template/config.js';
import { createEngine } from '@fzlint/core';
import { readFile } from 'node:fs/promises';

const UNIT = '广州市越秀区政务服务和数据管理局';
const dir = mkdtempSync(join(tmpdir(), 'fzlint-template-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const engine = createEngine({ readFile: (p) => readFile(p, 'utf8') });

/** Structural findings a skeleton must not have (empty parts and missing data are expected). */
const STRUCTURE = /\/(part-|title|rectification|part-order)|outline/;

async function lintSkeleton(text: string, path: string) {
  const config = await engine.loadConfig({ cwd: dir });
  return engine.lint(text, { path, config });
}

describe('report template', () => {
  test('2024, plain text: the six Guangdong parts in order, 五、 with the rectification subsection, title and 落款', async () => {
    const t = await buildReportTemplate({ year: 2024, unit: UNIT, format: 'text', folderPath: dir });
    expect(t.editionName).toBe('广东省六部分格式（2023年度起）');
    const lines = t.text!.split('\n');
    expect(lines[0]).toBe(`${UNIT}2024年法治政府建设年度报告`);
    expect(lines.filter((l) => /^[一二三四五六七八九十]+、/.test(l))).toEqual([
      '一、深入学习贯彻习近平总书记重要讲话重要指示精神，深入学习贯彻党的二十大和二十届三中全会关于法治政府建设重大部署的情况',
      '二、深入学习宣传贯彻习近平法治思想的情况',
      '三、党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况',
      '四、推进法治政府建设的主要举措和成效',
      '五、推进法治政府建设存在的不足和原因',
      '六、2025年推进法治政府建设的主要安排',
    ]);
    // 上一年度 and 下一年度 in the headings are written as years; each part says what to write in it.
    expect(lines.indexOf('（一）2023年度法治政府建设存在问题的整改情况')).toBe(lines.indexOf('五、推进法治政府建设存在的不足和原因') + 2);
    expect(lines[lines.indexOf('四、推进法治政府建设的主要举措和成效') + 2]).toBe('（在此填写本部分内容，写明具体措施和数据，例如次数、件数、比例）');
    expect(lines.slice(-3)).toEqual([UNIT, '2025年  月  日', '']);

    const result = await lintSkeleton(t.text!, join(dir, 'report.txt'));
    expect(result.edition?.id).toBe('guangdong-2024');
    expect(result.diagnostics.filter((d) => STRUCTURE.test(d.ruleId)).map((d) => `${d.ruleId} ${d.message}`)).toEqual([]);
    expect(result.facts.filter((f) => f.type === 'section').every((f) => f.found)).toBe(true);
    // What is left to the drafter: the placeholders in every part and the date of the 落款.
    const placeholders = result.diagnostics.filter((d) => d.ruleId === 'draft/placeholder');
    expect(placeholders.length).toBeGreaterThanOrEqual(8);
    expect(placeholders.every((d) => /^「（.+）」是模板中待填写的内容/.test(d.message))).toBe(true);
    // The 落款 is there, its date not yet filled in: that, not a missing 落款.
    const signature = result.diagnostics.filter((d) => d.ruleId === 'gd2024/signature').map((d) => d.message);
    expect(signature).toEqual(['成文日期未填写：「2025年  月  日」应写明年、月、日']);
    expect(result.document.meta.signature?.unit?.text).toBe(UNIT);
  });

  test('2021, Markdown: the national template, front matter with year and unit, # headings', async () => {
    const t = await buildReportTemplate({ year: 2021, unit: UNIT, format: 'markdown', folderPath: dir });
    expect(t.editionName).toMatch(/^全国五项内容格式/);
    expect(t.text!.startsWith(`---\nyear: 2021\nunit: ${UNIT}\n---\n\n# ${UNIT}2021年法治政府建设年度报告\n`)).toBe(true);
    expect(t.text).toContain('## 一、推进法治政府建设的主要举措和成效');
    const result = await lintSkeleton(t.text!, join(dir, 'report.md'));
    expect(result.edition?.id).toBe('national-2019');
    expect(result.document.meta.unit?.value).toBe(UNIT);
    expect(result.diagnostics.filter((d) => STRUCTURE.test(d.ruleId)).map((d) => d.ruleId)).toEqual([]);
  });

  test('fzlint.edition pins the template whatever the year', async () => {
    const t = await buildReportTemplate({ year: 2021, unit: UNIT, format: 'text', folderPath: dir, edition: 'guangdong-2024' });
    expect(t.text).toContain('六、2022年推进法治政府建设的主要安排');
  });

  test("a unit's own template in .fzlint.yaml shapes the skeleton", async () => {
    const own = join(dir, 'province');
    mkdirSync(own);
    writeFileSync(
      join(own, '.fzlint.yaml'),
      [
        'template: { id: example-province, name: 某省三部分格式, years: { from: 2020 } }',
        'sections:',
        '  work: { name: 工作情况, heading: 法治政府建设工作情况, order: 1, keywords: [工作情况] }',
        '  next: { name: 下一步打算, heading: 下一步工作打算, order: 3, keywords: [下一步] }',
        '  issues: { name: 问题与不足, heading: 存在的问题与不足, order: 2, keywords: [问题] }',
        '  lessons: { name: 问题的原因, heading: 问题产生的原因, within: issues, keywords: [原因] }',
        'rules: {}',
      ].join('\n'),
    );
    const t = await buildReportTemplate({ year: 2024, unit: UNIT, format: 'text', docPath: join(own, 'draft.txt') });
    expect(t.editionName).toBe('某省三部分格式');
    expect(t.text!.split('\n').filter((l) => /^[一二三]、|^（一）/.test(l))).toEqual(['一、法治政府建设工作情况', '二、存在的问题与不足', '（一）问题产生的原因', '三、下一步工作打算']);
  });

  test('fzlint.configFile (relative to the workspace folder) is used instead of the nearest .fzlint.yaml', async () => {
    writeFileSync(join(dir, 'strict.yaml'), 'extends: fzlint:strict\n');
    const found = await loadConfigFor({ folderPath: dir, configFile: 'strict.yaml', docPath: join(dir, 'province', 'draft.txt') });
    expect(found.file).toBe(join(dir, 'strict.yaml'));
    expect(found.problem).toBeUndefined();
  });

  test('a broken configuration falls back to the built-in rules and says why', async () => {
    const broken = join(dir, 'broken');
    mkdirSync(broken);
    writeFileSync(join(broken, '.fzlint.yaml'), 'extends: fzlint:recommended\nrules:\n  x/y: { kind: no-such-kind }\n');
    const t = await buildReportTemplate({ year: 2024, unit: UNIT, format: 'text', docPath: join(broken, 'a.txt') });
    expect(t.problem).toMatch(/配置文件 .*\.fzlint\.yaml 有误，已按内置规则/);
    expect(t.text).toContain('六、2025年推进法治政府建设的主要安排');
  });

  test('units with YAML-special characters are quoted in the front matter', async () => {
    const t = await buildReportTemplate({ year: 2024, unit: '某局: 法治办', format: 'markdown', folderPath: dir });
    expect(t.text).toContain('unit: "某局: 法治办"');
    const result = await lintSkeleton(t.text!, join(dir, 'r.md'));
    expect(result.document.meta.unit?.value).toBe('某局: 法治办');
  });
});
