import type { LintResult } from '@fzlint/core';
import type { ReportMetaOut } from './results.js';

/** What the engine read a report to be, as plain data for the formats. */
export function reportMeta(result: LintResult): ReportMetaOut {
  const r = result.report;
  const out: ReportMetaOut = {};
  const sources: NonNullable<ReportMetaOut['sources']> = {};
  if (r.title) [out.title, sources.title] = [r.title.value, r.title.source];
  if (r.year) [out.year, sources.year] = [r.year.value, r.year.source];
  if (r.unit) [out.unit, sources.unit] = [r.unit.value, r.unit.source];
  if (r.region) {
    [out.region, sources.region] = [r.region.value, r.region.source];
    if (r.region.via) out.regionVia = r.region.via;
  }
  if (r.edition) {
    [out.edition, out.editionName, out.editionBecause, sources.edition] = [r.edition.id, r.edition.name, r.edition.because, r.edition.reason];
  }
  if (Object.keys(sources).length) out.sources = sources;
  return out;
}

const SOURCE_LABEL: Record<string, string> = {
  title: '标题',
  opening: '开头',
  heading: '小标题',
  signature: '落款',
  'front-matter': 'front matter',
  body: '正文地名',
  unit: '单位名称',
  config: '配置',
};

const label = (source: string | undefined) => (source ? SOURCE_LABEL[source] ?? source : '');

/** The header lines of a report in the human formats: what was read, from where, and which edition checks it. */
export function reportNotes(m: ReportMetaOut): string[] {
  const s = m.sources ?? {};
  const facts = [
    m.year ? `${m.year}年度（${label(s.year)}）` : '年度未识别',
    m.unit ? `${m.unit}（${label(s.unit)}）` : '单位未识别',
    m.region ? `${m.region}（${label(s.region)}${m.regionVia && m.regionVia !== m.region ? `「${m.regionVia}」` : ''}）` : '地区未识别',
  ];
  const lines = [`${m.title ? `《${m.title}》` : '未识别标题'} · ${facts.join(' · ')}`];
  if (m.editionName) lines.push(`按「${m.editionName}」检查${m.editionBecause ? `：${m.editionBecause}` : ''}`);
  return lines;
}
