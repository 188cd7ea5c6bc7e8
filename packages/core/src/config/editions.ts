import type { EditionDefinition } from './load.js';

export interface EditionChoice {
  edition?: EditionDefinition;
  reason: 'pinned' | 'year' | 'default' | 'none';
  /** Why this edition, in Chinese (a clause: 「广东省2024年度报告」「未能识别报告年度」). */
  because: string;
  /**
   * An edition the report's year calls for that needs the report's region to be known (the
   * Guangdong six-part format for a 2024 report from an unknown region).
   */
  regionNeeded?: EditionDefinition;
}

const holdsYear = (e: EditionDefinition, year: number) => (e.from === undefined || e.from <= year) && (e.to === undefined || year <= e.to);
const holdsRegion = (e: EditionDefinition, region: string | undefined) => !e.regions?.length || (region !== undefined && e.regions.includes(region));

/** 2023年度起, 2022年度及以前, 2020–2022年度, 所有年度. */
export function yearRange(e: EditionDefinition): string {
  if (e.from !== undefined && e.to !== undefined) return `${e.from}–${e.to}年度`;
  if (e.from !== undefined) return `${e.from}年度起`;
  if (e.to !== undefined) return `${e.to}年度及以前`;
  return '所有年度';
}

/**
 * Picks the template edition for a report: a pinned id wins; with `auto`, among the editions
 * whose years hold the report's year and whose regions (if any) hold its region, the one bound
 * to a region before a general one, then the newest. Without a year, the edition marked
 * `default` (never an edition bound to years or a region by guess).
 */
export function chooseEdition(editions: EditionDefinition[], setting: string, year: number | undefined, region?: string): EditionChoice {
  if (editions.length === 0) return { reason: 'none', because: '配置中没有模板版本' };
  if (setting && setting !== 'auto') {
    const pinned = editions.find((e) => e.id === setting);
    if (pinned) return { edition: pinned, reason: 'pinned', because: `配置或命令行指定了模板版本 ${pinned.id}` };
  }
  const newest = [...editions].sort((a, b) => (b.from ?? -Infinity) - (a.from ?? -Infinity));
  if (year === undefined) {
    const fallback = editions.find((e) => e.default) ?? newest.find((e) => e.from === undefined && e.to === undefined && !e.regions?.length) ?? newest[0]!;
    return { edition: fallback, reason: 'default', because: '未能识别报告年度' };
  }
  const fits = newest.filter((e) => holdsYear(e, year) && holdsRegion(e, region)).sort((a, b) => (b.regions?.length ? 1 : 0) - (a.regions?.length ? 1 : 0));
  const bound = newest.find((e) => e.regions?.length && holdsYear(e, year));
  const regionNeeded = region === undefined && bound && !holdsRegion(bound, region) ? bound : undefined;
  const chosen = fits[0];
  if (chosen) {
    let because = `${region ?? ''}${year}年度报告`;
    if (!chosen.regions?.length && bound && bound !== chosen) {
      because = region === undefined ? `${year}年度报告，未能识别所属地区` : `${region}${year}年度报告，「${bound.name}」只适用于${bound.regions!.join('、')}的报告`;
    } else if (!chosen.regions?.length && !bound) {
      const other = newest.find((e) => e.regions?.length && holdsRegion(e, region) && !holdsYear(e, year));
      if (other) because += `，「${other.name}」适用于${yearRange(other)}`;
    }
    return { edition: chosen, reason: 'year', because, ...(regionNeeded ? { regionNeeded } : {}) };
  }
  // No edition holds the year: the nearest one of the report's region.
  const pool = newest.filter((e) => holdsRegion(e, region));
  const list = pool.length ? pool : newest;
  const later = list.filter((e) => e.from !== undefined && e.from > year);
  const edition = later.length === list.length ? later[later.length - 1]! : list.find((e) => !later.includes(e))!;
  return { edition, reason: 'year', because: `没有适用于${year}年度的模板版本，按最接近的版本检查` };
}
