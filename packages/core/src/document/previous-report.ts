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
  const judged: Judged[] = [];
  for (const c of candidates) {
    if (c.path === current.path) continue;
    judged.push(judge(unit, wanted, current.path, c.path, c.meta ?? readReportMeta(c.text ?? '', { path: c.path, format: c.format })));
  }
  return decide(unit, wanted, judged, judged.length, judged.map((j) => j.verdict));
}

interface Judged {
  verdict: CandidateVerdict;
  /** Set when the candidate is last year's report of the same unit. */
  rank?: number[];
  /** Set when the candidate is the same unit's report of another year. */
  otherYear?: number;
}

/** How one candidate compares with the report (unit `unit`, looking for year `wanted`). */
function judge(unit: string, wanted: number, currentPath: string, path: string, meta: Pick<ReportMeta, 'unit' | 'year'>): Judged {
  const v: CandidateVerdict = { path, unit: meta.unit?.value, year: meta.year?.value, chosen: false, note: '' };
  const how = v.unit ? unitMatch(unit, v.unit) : undefined;
  if (!v.unit) v.note = '未识别出单位';
  else if (!how) v.note = `单位「${v.unit}」不同`;
  else if (v.year === undefined) v.note = '同一单位，但未识别出年度';
  else if (v.year !== wanted) {
    v.note = `同一单位，但是${v.year}年度的报告`;
    return { verdict: v, otherYear: v.year };
  } else {
    v.note = '同一单位的上一年度报告';
    return { verdict: v, rank: [how === 'exact' ? 0 : 1, SOURCE_RANK[meta.unit!.source] ?? 9, dirOf(path) === dirOf(currentPath) ? 0 : 1] };
  }
  return { verdict: v };
}

/** The choice among the judged candidates (of `looked` in all), and the sentence that explains it. */
function decide(unit: string, wanted: number, judged: readonly Judged[], looked: number, candidates: CandidateVerdict[]): PreviousDiscovery {
  const lookedText = `检查了 ${looked} 个文件`;
  const matches = judged.filter((j): j is Judged & { rank: number[] } => j.rank !== undefined);
  if (!matches.length) {
    const years = new Set(judged.flatMap((j) => (j.otherYear === undefined ? [] : [j.otherYear])));
    const others = years.size ? `；同一单位的报告有 ${[...years].sort().map((y) => `${y}年度`).join('、')}` : '';
    return { reason: `未找到「${unit}」${wanted}年度的报告（${lookedText}${others}），不与上一年度比较`, candidates };
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
    reason: `自动选用同一单位「${chosen.unit}」${wanted}年度的报告 ${basename(chosen.path)} 作为上一年度报告（${lookedText}${also}）`,
    candidates,
  };
}

function compareRank(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/**
 * findPreviousReport for many reports of one folder: the candidates are indexed by unit once, and
 * each report is compared only with those of its unit (exact, or with a region prefix), so a
 * folder of N reports costs about N lookups instead of N² comparisons. The result is the same as
 * findPreviousReport's; its per-candidate verdicts are worked out only when read.
 */
export class PreviousReportIndex {
  private readonly byUnit = new Map<string, IndexedCandidate[]>();
  /** Normalised units by each of their proper suffixes of four or more characters (花都区政务服务数据管理局 ← 政务服务数据管理局 …). */
  private readonly bySuffix = new Map<string, string[]>();
  /** How many candidates each path is (normally one). */
  private readonly pathCount = new Map<string, number>();

  constructor(private readonly candidates: ReadonlyArray<{ path: string; meta: Pick<ReportMeta, 'unit' | 'year'> }>) {
    for (const c of candidates) {
      this.pathCount.set(c.path, (this.pathCount.get(c.path) ?? 0) + 1);
      const unit = c.meta.unit?.value;
      const norm = unit ? normalizeUnit(unit) : '';
      if (!norm) continue;
      let group = this.byUnit.get(norm);
      if (!group) {
        this.byUnit.set(norm, (group = []));
        for (let k = 4; k < norm.length; k++) {
          const suffix = norm.slice(norm.length - k);
          const list = this.bySuffix.get(suffix);
          if (list) list.push(norm);
          else this.bySuffix.set(suffix, [norm]);
        }
      }
      group.push({ path: c.path, meta: c.meta });
    }
  }

  find(current: { path: string; meta: Pick<ReportMeta, 'unit' | 'year'> }): PreviousDiscovery {
    const unit = current.meta.unit?.value;
    const year = current.meta.year?.value;
    const norm = unit ? normalizeUnit(unit) : '';
    if (year === undefined || !norm) return findPreviousReport(current, this.candidates);
    const judged: Judged[] = [];
    for (const u of this.unitsMatching(norm)) {
      for (const c of this.byUnit.get(u)!) if (c.path !== current.path) judged.push(judge(unit!, year - 1, current.path, c.path, c.meta));
    }
    const looked = this.candidates.length - (this.pathCount.get(current.path) ?? 0);
    const found = decide(unit!, year - 1, judged, looked, []);
    const all = this.candidates;
    let verdicts: CandidateVerdict[] | undefined;
    return Object.defineProperty(found, 'candidates', {
      enumerable: true,
      get: () => (verdicts ??= findPreviousReport(current, all).candidates),
    });
  }

  /** Normalised units that unitMatch accepts for `norm`: itself, and longer or shorter by a region prefix. */
  private unitsMatching(norm: string): string[] {
    const out: string[] = [];
    if (this.byUnit.has(norm)) out.push(norm);
    for (const longer of this.bySuffix.get(norm) ?? []) if (unitMatch(norm, longer)) out.push(longer);
    for (let k = 4; k < norm.length; k++) {
      const shorter = norm.slice(norm.length - k);
      if (this.byUnit.has(shorter) && unitMatch(norm, shorter)) out.push(shorter);
    }
    return out;
  }
}

interface IndexedCandidate {
  path: string;
  meta: Pick<ReportMeta, 'unit' | 'year'>;
}
