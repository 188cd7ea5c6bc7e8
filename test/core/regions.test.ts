// Regions (text from a file's headers, footers, notes, comments) after the body: checks over
// every paragraph see them, the outline, title, metadata and signature do not.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport, type TextRegion } from '@fzlint/core';
import { engine, recommended, ROOT } from '../helpers.js';

const REPORT = readFileSync(join(ROOT, 'test/fixtures/inputs/report.txt'), 'utf8');

function withRegions(body: string, parts: Array<[string, string]>): { text: string; regions: TextRegion[] } {
  let text = body;
  const regions: TextRegion[] = [];
  for (const [label, t] of parts) {
    regions.push({ label, start: text.length, end: text.length + t.length });
    text += t;
  }
  return { text, regions };
}

describe('regions', () => {
  it('the signature, title and outline come from the body even when notes follow it', () => {
    const { text, regions } = withRegions(REPORT, [['脚注 1', '1 数据截至2024年12月31日。\n'], ['批注 1', '一、这里再核实一下\n']]);
    const plain = parseReport(text, { path: 'r.docx', format: 'text' });
    const doc = parseReport(text, { path: 'r.docx', format: 'text', regions });
    // Read as plain text, the note would be taken for the last paragraph and a part heading.
    expect(plain.meta.signature).toBeUndefined();
    expect(doc.meta.signature?.date?.text).toBe('2025年2月20日');
    expect(doc.meta.title?.text).toBe('青禾县市场监督管理局2024年法治政府建设年度报告');
    expect(doc.nodes.filter((n) => n.rank === 1).map((n) => doc.text.slice(n.start, n.start + 2))).toEqual(['一、', '二、', '三、', '四、', '五、', '六、']);
    expect(plain.nodes.filter((n) => n.rank === 1)).toHaveLength(7);
    expect(doc.bodyEnd).toBe(REPORT.length);
    expect(doc.bodyBlocks.every((b) => b.end <= doc.bodyEnd)).toBe(true);
    expect(doc.blocks.some((b) => b.start >= doc.bodyEnd)).toBe(true);
    expect(doc.sentences.every((s) => s.end <= doc.bodyEnd)).toBe(true);
  });

  it('secrets and phone numbers in regions are found; the structure checks are as for the body alone', async () => {
    const config = await recommended();
    const { text, regions } = withRegions(REPORT, [['页眉', '机密★1年\n'], ['页脚', '联系人手机13812345678\n'], ['脚注 1', '1 本表数据来自年报。\n']]);
    // The fixture's 青禾县 is fictional: the Guangdong template is asked for, as for the real reports it imitates.
    const result = engine.lint(text, { path: 'r.docx', format: 'text', config, regions, region: '广东' });
    expect(result.diagnostics.map((d) => [d.ruleId, text.slice(d.start, d.end)])).toEqual([
      ['safety/classification-mark', '机密★1年'],
      ['safety/mobile-number', '13812345678'],
    ]);
    expect(engine.lint(REPORT, { path: 'r.docx', format: 'text', config, region: '广东' }).diagnostics).toEqual([]);
  });
});
