import type { ReportMeta } from './metadata.js';
import { readReportMeta, type DocumentFormat } from './parse.js';

/**
 * Automatic linking of a report to last year's: among candidate files the host lists (the
 * report's folder, or folders from the config), the report of the same unit whose year is one
 * less. Pure: the host reads the files; this only parses and chooses, and says why.
 */

export interface PreviousCandidate {
  path: string;
  /** The file's text; not needed when `meta` is given. */
  text?: string;
  format?: DocumentFormat;
  /**
   * Unit and year as parsed before (`parseReport(text).meta`). Hosts that look at the same files
   * again and again (a folder of 1,000 reports, an editor on every keystroke) cache it per file.
   */
  meta?: Pick<ReportMeta, 'unit' | 'year'>;
}

export interface CandidateVerdict {
  path: string;
  unit?: string;
  year?: number;
  chosen: boolean;
  /** Why it was or was not chosen (Chinese). */
  note: string;
}

export interface PreviousDiscovery {
  /** The chosen file, when one was found. */
  path?: string;
  unit?: string;
  year?: number;
  /** One Chinese sentence for the output: which file was used and why, or why none was. */
  reason: string;
  /** Every candidate looked at, in the order given. */
  candidates: CandidateVerdict[];
}

const REGION_END = /(?:省|市|区|县|州|盟|旗|镇|乡|街道)$/;

/** Unit names compared without spaces, quotes and width differences. */
export function normalizeUnit(unit: string): string {
  let n = normalized.get(unit);
  if (n === undefined) {
    n = unit.normalize('NFKC').replace(/[\s\u3000"'“”‘’《》]/g, '');
    // A folder of N reports compares N units N times; normalising each once is enough.
    if (normalized.size > 10_000) normalized.clear();
    normalized.set(unit, n);
  }
  return n;
}

const normalized = new Map<string, string>();

/**
 * How two unit names match: `exact`, or `region` when one is the other with a leading region
 * (广州市花都区政务服务数据管理局 / 花都区政务服务数据管理局); undefined when they differ.
 */
export function unitMatch(a: string, b: string): 'exact' | 'region' | undefined {
  const x = normalizeUnit(a);
  const y = normalizeUnit(b);
  if (!x || !y) return undefined;
  if (x === y) return 'exact';
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  if (short.length >= 4 && long.endsWith(short) && REGION_END.test(long.slice(0, long.length - short.length))) return 'region';
  return undefined;
}

function basename(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

function dirOf(path: string): string {
  return path.slice(0, Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'), 0));
}

const SOURCE_RANK: Record<string, number> = { 'front-matter': 0, title: 1, signature: 2, opening: 3 };

/**
 * Chooses last year's report for `current` among `candidates`: same unit (from front matter,
 * title, signature or opening), year one less. Several such files: an exact unit name before a
 * name that differs by a leading region, a unit read from front matter or title before one
 * guessed from the signature or opening, a file in the report's own folder first, then by path.
 */
export function findPreviousReport(current: { path: string; meta: Pick<ReportMeta, 'unit' | 'year'> }, candidates: readonly PreviousCandidate[]): PreviousDiscovery {
  const unit = current.meta.unit?.value;
  const year = current.meta.year?.value;
  const verdicts: CandidateVerdict[] = [];
  if (year === undefined || !unit) {
    const missing = year === undefined && !unit ? '单位和年度' : year === undefined ? '年度' : '单位';
    return {
      reason: `本报告未识别出${missing}（见标题、落款或 front matter 的 unit、year），无法自动查找上一年度报告`,
      candidates: candidates.filter((c) => c.path !== current.path).map((c) => ({ path: c.path, chosen: false, note: '未比较' })),
    };
  }
  const wanted = year - 1;
  const matches: Array<{ verdict: CandidateVerdict; rank: number[] }> = [];
  const sameUnitYears = new Set<number>();
  for (const c of candidates) {
    if (c.path === current.path) continue;
    const meta = c.meta ?? readReportMeta(c.text ?? '', { path: c.path, format: c.format });
    const v: CandidateVerdict = { path: c.path, unit: meta.unit?.value, year: meta.year?.value, chosen: false, note: '' };
    verdicts.push(v);
    const how = v.unit ? unitMatch(unit, v.unit) : undefined;
    if (!v.unit) v.note = '未识别出单位';
    else if (!how) v.note = `单位「${v.unit}」不同`;
    else if (v.year === undefined) v.note = '同一单位，但未识别出年度';
    else if (v.year !== wanted) {
      v.note = `同一单位，但是${v.year}年度的报告`;
      sameUnitYears.add(v.year);
    } else {
      v.note = '同一单位的上一年度报告';
      const rank = [how === 'exact' ? 0 : 1, SOURCE_RANK[meta.unit!.source] ?? 9, dirOf(c.path) === dirOf(current.path) ? 0 : 1];
      matches.push({ verdict: v, rank });
    }
  }
  const looked = `检查了 ${verdicts.length} 个文件`;
  if (!matches.length) {
    const others = sameUnitYears.size ? `；同一单位的报告有 ${[...sameUnitYears].sort().map((y) => `${y}年度`).join('、')}` : '';
    return { reason: `未找到「${unit}」${wanted}年度的报告（${looked}${others}），不与上一年度比较`, candidates: verdicts };
  }
  matches.sort((a, b) => compareRank(a.rank, b.rank) || (a.verdict.path < b.verdict.path ? -1 : a.verdict.path > b.verdict.path ? 1 : 0));
  const chosen = matches[0]!.verdict;
  chosen.chosen = true;
  chosen.note = '选用：同一单位的上一年度报告';
  for (const m of matches.slice(1)) m.verdict.note = `同一单位的上一年度报告，但选用了 ${basename(chosen.path)}`;
  const also = matches.length > 1 ? `；另有 ${matches.length - 1} 个符合的文件（${matches.slice(1).map((m) => basename(m.verdict.path)).join('、')}），可用 previous 指定` : '';
  return {
    path: chosen.path,
    unit: chosen.unit,
    year: chosen.year,
    reason: `自动选用同一单位「${chosen.unit}」${wanted}年度的报告 ${basename(chosen.path)} 作为上一年度报告（${looked}${also}）`,
    candidates: verdicts,
  };
}

function compareRank(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}
