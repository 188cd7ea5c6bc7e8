import type { Fact, FactValue } from '@fzlint/core';
import { basename, extname } from 'node:path';
import { countBySeverity, type FileResult } from '../results.js';
import { displayPath, type FormatContext } from './context.js';

/**
 * The reviewer's 汇总表: one row per report — unit, year, region, template edition, each required
 * part ✓/✗, each data item's values with the sentence they were read from, the counts of
 * findings and of copied passages. Built once for the CSV, XLSX and HTML outputs.
 */
export interface SummaryTable {
  columns: SummaryColumn[];
  rows: SummaryRow[];
}

export interface SummaryColumn {
  key: string;
  header: string;
  /** number: sorts and is stored as a number; mark: ✓/△/✗/—. */
  type: 'text' | 'number' | 'mark';
  /** What the column holds in full (a part's name, a data item's name). */
  title?: string;
  width?: number;
}

export interface SummaryCell {
  text: string;
  /** A single figure: its value (100 for 100%) and unit (次, %, 件 …). */
  value?: number;
  unit?: string;
  /** Sort key for marks: 2 ✓, 1 △, 0 ✗, −1 —. */
  rank?: number;
}

export interface SummaryRow {
  result: FileResult;
  cells: Record<string, SummaryCell>;
}

const COPY_RULE = 'fzlint/copied-passage';

export function summaryTable(results: readonly FileResult[], ctx: FormatContext): SummaryTable {
  const parts = partColumns(results);
  const items = dataItems(results);
  const columns: SummaryColumn[] = [
    { key: 'index', header: '序号', type: 'number', width: 6 },
    { key: 'unit', header: '单位', type: 'text', width: 30 },
    { key: 'year', header: '年度', type: 'number', width: 8 },
    { key: 'region', header: '地区', type: 'text', width: 12 },
    { key: 'edition', header: '模板版本', type: 'text', width: 24 },
    ...parts.map((p) => ({ key: `part:${p.id}`, header: p.name, type: 'mark' as const, title: p.name, width: 12 })),
    ...items.flatMap((i) => [
      { key: `value:${i.ruleId}`, header: i.name, type: 'text' as const, title: i.name, width: 24 },
      { key: `sentence:${i.ruleId}`, header: `${i.name}（原句）`, type: 'text' as const, title: `${i.name}：数值所在的句子`, width: 48 },
    ]),
    { key: 'errors', header: '错误', type: 'number', width: 8 },
    { key: 'warnings', header: '警告', type: 'number', width: 8 },
    { key: 'infos', header: '提示', type: 'number', width: 8 },
    { key: 'copies', header: '抄袭段落', type: 'number', title: '与同年度其他单位报告基本相同的段落（处）', width: 10 },
    { key: 'file', header: '文件', type: 'text', width: 40 },
  ];
  const rows = results.map((r, i) => {
    const counts = countBySeverity(r);
    const cells: Record<string, SummaryCell> = {
      index: { text: String(i + 1), value: i + 1 },
      unit: { text: r.meta.unit ?? basename(r.filePath, extname(r.filePath)) },
      year: r.meta.year ? { text: String(r.meta.year), value: r.meta.year } : { text: '' },
      region: { text: r.meta.region ?? '' },
      edition: { text: r.meta.editionName ?? '' },
      errors: { text: r.error ? '无法检查' : String(counts.errors), value: r.error ? undefined : counts.errors },
      warnings: { text: String(counts.warnings), value: counts.warnings },
      infos: { text: String(counts.infos), value: counts.infos },
      copies: numberCell(r.diagnostics.filter((d) => d.ruleId === COPY_RULE).length),
      file: { text: displayPath(r.filePath, ctx.cwd) },
    };
    for (const p of parts) cells[`part:${p.id}`] = markCell(r.facts.find((f) => (f.type === 'section' || f.type === 'subsection') && f.id === p.id));
    for (const item of items) {
      const fact = r.facts.find((f) => f.type === 'data-point' && f.ruleId === item.ruleId);
      cells[`value:${item.ruleId}`] = valueCell(fact);
      cells[`sentence:${item.ruleId}`] = { text: [...new Set((fact?.values ?? []).map((v) => v.sentence))].join(' / ') };
    }
    return { result: r, cells };
  });
  return { columns, rows };
}

function numberCell(n: number): SummaryCell {
  return { text: String(n), value: n };
}

/** ✓ a part of its own, △ mentioned in the text but not a part, ✗ missing, — not in this report's template. */
function markCell(f: Fact | undefined): SummaryCell {
  if (!f) return { text: '—', rank: -1 };
  if (!f.found) return { text: '✗', rank: 0 };
  if (f.detail === '正文提及') return { text: '△', rank: 1 };
  return { text: '✓', rank: 2 };
}

/** A data item's values (党组会 19次；理论学习中心组 12次); one figure alone is also kept as a number. */
function valueCell(f: Fact | undefined): SummaryCell {
  const values = f?.values ?? [];
  if (!values.length) return { text: f ? (f.found ? '有（未读出数值）' : '未找到') : '' };
  const text = values.map((v) => `${v.label ? `${v.label} ` : ''}${v.text}`).join('；');
  const only: FactValue | undefined = values.length === 1 ? values[0] : undefined;
  return only ? { text, value: only.value, unit: only.unit } : { text };
}

export interface PartColumn {
  id: string;
  name: string;
}

/**
 * Parts as columns (the summary table and the HTML report): the order of the report with the most
 * parts (the newest template, usually), parts only other templates have inserted after the part
 * they follow there; subsections last.
 */
export function partColumns(results: readonly FileResult[]): PartColumn[] {
  const merge = (type: string) => {
    const lists = results.map((r) => r.facts.filter((f) => f.id && f.type === type).map((f) => ({ id: f.id!, name: f.name }))).sort((a, b) => b.length - a.length);
    const out: PartColumn[] = [];
    for (const list of lists) {
      list.forEach((c, i) => {
        if (out.some((o) => o.id === c.id)) return;
        const before = i > 0 ? out.findIndex((o) => o.id === list[i - 1]!.id) : -1;
        out.splice(before + 1, 0, c);
      });
    }
    return out;
  };
  return [...merge('section'), ...merge('subsection')];
}

/** Data items (rules that record data-point facts), in the order they first appear. */
function dataItems(results: readonly FileResult[]): Array<{ ruleId: string; name: string }> {
  const out = new Map<string, string>();
  for (const r of results) for (const f of r.facts) if (f.type === 'data-point' && !out.has(f.ruleId)) out.set(f.ruleId, f.name);
  return [...out].map(([ruleId, name]) => ({ ruleId, name }));
}
