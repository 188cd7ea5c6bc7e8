import { chooseEdition, type EditionChoice } from './config/editions.js';
import type { ResolvedConfig } from './config/compile.js';
import { unknownEdition } from './config/load.js';
import type { MetaSource } from './document/meta-types.js';
import type { ReportDocument } from './document/parse.js';
import { otherDocumentKind } from './document/other-kind.js';
import { normalizeRegion } from './document/region.js';

/** What the engine read a report to be, and where each fact came from: for JSON output, headers and dashboards. */
export interface ReportInfo {
  /** The title as written (in its own script), without page furniture or a site's 【…】 label. */
  title?: { value: string; source: 'title' };
  year?: { value: number; source: MetaSource };
  unit?: { value: string; source: MetaSource };
  /** Province-level region; `config` when `region:` of .fzlint.yaml decided it. */
  region?: { value: string; source: MetaSource | 'unit' | 'config'; via?: string };
  edition?: { id: string; name: string; reason: EditionChoice['reason']; because: string };
}

export interface ReportReading {
  info: ReportInfo;
  choice: EditionChoice;
  /** Findings the engine reports about its reading (year or region unknown, unknown edition). */
  findings: Array<{ rule: 'fzlint/year-unknown' | 'fzlint/region-unknown' | 'fzlint/edition-unknown' | 'fzlint/not-annual-report'; message: string }>;
}

/** The short form a user would write in `region:` (广东 for 广东省). */
function shortRegion(region: string): string {
  return region.replace(/(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$/, '');
}

/**
 * Reads the year, unit and region of a report, chooses its template edition and says why. The
 * region is the report's front matter `region`, else the config's, else what the report's unit,
 * title, 落款 or body name.
 */
export function readReport(doc: ReportDocument, config: ResolvedConfig, path: string | undefined, editionOption: string | undefined, regionOption?: string): ReportReading {
  const meta = doc.meta;
  const findings: ReportReading['findings'] = [];
  const year = meta.year?.value;
  const configured = (regionOption && (normalizeRegion(regionOption) ?? regionOption)) || config.regionFor(path);
  const region: ReportInfo['region'] =
    meta.region?.source === 'front-matter' || !configured
      ? meta.region && { value: meta.region.value, source: meta.region.source, ...(meta.region.via ? { via: meta.region.via } : {}) }
      : { value: configured, source: 'config' };
  let setting = editionOption ?? config.editionFor(path);
  const ids = config.editions.map((e) => e.id);
  if (setting && setting !== 'auto' && !ids.includes(setting)) {
    findings.push({ rule: 'fzlint/edition-unknown', message: `${unknownEdition(setting, ids)}；已按 auto 选择` });
    setting = 'auto';
  }
  const other = meta.title && (setting === 'auto' || !setting) ? otherDocumentKind(meta.title.text) : undefined;
  const choice: EditionChoice = other
    ? { reason: 'none', because: `标题表明这是${other}，不是法治政府建设年度报告` }
    : chooseEdition(config.editions, setting, year, region?.value);
  const edition = choice.edition;
  if (other) {
    findings.push({
      rule: 'fzlint/not-annual-report',
      message: `标题「${meta.title!.text}」表明这是${other}，不是法治政府建设年度报告：未按年度报告的格式检查各部分、数据和落款，只检查用语、数字和公开安全；若确是年度报告，请在 .fzlint.yaml 或文首 front matter 中写明 edition`,
    });
  }

  if (edition && choice.reason === 'default') {
    const skipped = config.editions.filter((e) => e !== edition && (e.from !== undefined || e.to !== undefined || e.regions?.length));
    const not = skipped.length ? `（不套用只适用于部分年度或地区的「${skipped.map((e) => e.name).join('」「')}」）` : '';
    findings.push({ rule: 'fzlint/year-unknown', message: `未能识别报告年度，按「${edition.name}」检查${not}；${yearAdvice(doc)}` });
  }
  if (edition && choice.regionNeeded) {
    const needed = choice.regionNeeded;
    const where = needed.regions!.join('、');
    findings.push({
      rule: 'fzlint/region-unknown',
      message: `未能识别报告所属地区，按「${edition.name}」检查；${where}的${year}年度报告应按「${needed.name}」检查，请在 .fzlint.yaml 或文首 front matter 中写明 region: ${shortRegion(needed.regions![0]!)}`,
    });
  }

  const info: ReportInfo = {};
  if (meta.title) {
    const value = doc.original ? meta.title.parts.map((p) => doc.original!.slice(p.start, p.end)).join('') : meta.title.text;
    info.title = { value, source: 'title' };
  }
  if (meta.year) info.year = { value: meta.year.value, source: meta.year.source };
  if (meta.unit) info.unit = { value: meta.unit.value, source: meta.unit.source };
  if (region) info.region = region;
  if (edition) info.edition = { id: edition.id, name: edition.name, reason: choice.reason, because: choice.because };
  return { info, choice, findings };
}

/** Advice that fits the report: a title without a year, no title at all, or Markdown with front matter. */
function yearAdvice(doc: ReportDocument): string {
  const unit = doc.meta.unit?.value ?? '单位名称';
  const fm = doc.format === 'markdown' ? '，或在文首 front matter 中写 year: 2024' : '';
  if (doc.meta.title) return `请在标题中写明年度，如「${unit}2024年法治政府建设年度报告」${fm}`;
  return `请加上写明年度的标题（如「${unit}2024年法治政府建设年度报告」），或在开头写明「2024年，……」${fm}`;
}
