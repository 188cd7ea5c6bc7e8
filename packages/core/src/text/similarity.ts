import { ZH_STOP_WORDS } from './stop-words.generated.js';

/**
 * Text similarity for Chinese report items: content terms from Intl.Segmenter word tokens,
 * with general Chinese stop words (stopwords-iso) and the generic vocabulary of these reports
 * removed, weighted by rarity (IDF over the sentences of the reports compared). Two measures:
 * `coverage` (how much of an item's weighted terms a passage contains: asymmetric, for "is
 * last year's problem treated here") and `similarity` (Dice over character bigrams of the
 * content: symmetric, for "is this item a copy of that one").
 */

/**
 * Words every report uses whatever its topic: verbs of effort, framing of problems and of
 * rectification, the report's own subject. Without them two unrelated items such as
 * 「进一步加强法治宣传工作」 and 「进一步加强执法监督工作」 would look alike.
 */
export const REPORT_STOP_WORDS: readonly string[] = [
  // the subject of every report
  '法治', '政府', '法治政府', '建设', '法治政府建设', '依法', '行政', '依法行政', '法治化', '工作', '我局', '本局', '我区', '全区', '全局', '我市', '全市',
  '本单位', '单位', '部门', '各级', '领导', '年度', '上一年度', '本年度', '今年', '去年', '明年', '上年', '下一年', '下一步', '一年',
  // verbs and adverbs of effort
  '进一步', '加强', '推进', '推动', '深化', '持续', '不断', '全面', '积极', '切实', '认真', '扎实', '着力', '大力', '努力', '继续', '坚持',
  '落实', '开展', '完善', '健全', '提升', '提高', '强化', '优化', '做好', '抓好', '确保', '实现', '加快', '深入', '进行', '围绕', '通过',
  '按照', '根据', '结合', '相关', '有关', '各类', '各项', '方面', '情况', '工作量', '有效', '有力', '稳步', '逐步', '不断完善', '进一步提升',
  '加大', '力度', '水平', '能力', '机制', '体系', '制度', '措施', '举措', '成效', '取得', '开展', '组织', '重点', '重要', '主要', '一系列',
  // framing of a problem
  '存在', '问题', '不足', '有待', '仍然', '仍有', '尚未', '不够', '不高', '不多', '不强', '缺乏', '欠缺', '薄弱', '困难', '难度', '较大',
  '较多', '较少', '较为', '一定', '部分', '不少', '尤其是', '加之', '对照', '目标', '要求', '短板', '差距', '滞后', '不到位', '不充分', '不完善', '需要', '亟待', '仍需', '有所', '造成',
  // framing of rectification
  '整改', '改进', '针对', '解决', '已经', '目前', '截至', '完成', '情况下', '基础上', '以来', '同时', '此外', '其次', '另外', '一是', '二是',
  '三是', '四是', '五是', '六是',
];

/** Single characters that never join a neighbour into a term (function words, administrative units, counters). */
const STOP_CHARS = new Set([...'的地得和跟与及向并等更已含做我你他她们某该各每这那哪么谁年月日时分秒几多来在就又很呢吧吗了是着都不也把还个有到一为中于对会之第此或共按其将从由被使以而但仍尚未较均则即如若区局市省县镇村街项次件条名人大小新后前内外上下']);

/** Characters that end a term when they follow it (标准 + 化 → 标准化). */
const SUFFIX_CHARS = new Set([...'化性率']);

const GENERAL_STOP_WORDS: readonly string[] = ZH_STOP_WORDS;
const STOP_WORDS = new Set<string>([...GENERAL_STOP_WORDS, ...REPORT_STOP_WORDS]);

// Created on first use: loading ICU's Chinese word dictionary takes ~10 ms, and most runs never compare texts.
let segmenter: Intl.Segmenter | null | undefined;
function chineseSegmenter(): Intl.Segmenter | undefined {
  if (segmenter === undefined) segmenter = typeof Intl === 'object' && typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
  return segmenter ?? undefined;
}

const HAN = /\p{Script=Han}/u;
const NUMERIC = /^[\d０-９.．%％]+$/;

export interface TextAnalysis {
  /** Distinct content terms, in order of first occurrence. */
  terms: string[];
  /** Stretches of consecutive content tokens (stop words and punctuation split them), for bigrams. */
  runs: string[];
}

function isStop(token: string): boolean {
  if (STOP_WORDS.has(token)) return true;
  if (NUMERIC.test(token)) return true;
  return token.length === 1 && (STOP_CHARS.has(token) || !HAN.test(token));
}

/** Word-like tokens of a text (null for punctuation and spaces). */
function tokens(segmenter: Intl.Segmenter, text: string): Array<string | null> {
  const out: Array<string | null> = [];
  // ICU's word breaking slows down more than linearly on a long run of Chinese without
  // punctuation (a 100,000-character sentence took seconds), so the text is segmented in
  // pieces, cut at punctuation or white space where there is some.
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + SEGMENT_PIECE);
    if (end < text.length) {
      const cut = lastBreak(text, start + SEGMENT_PIECE / 2, end);
      if (cut > start) end = cut;
    }
    for (const s of segmenter.segment(start === 0 && end === text.length ? text : text.slice(start, end))) out.push(s.isWordLike ? s.segment : null);
    start = end;
  }
  return out;
}

const SEGMENT_PIECE = 256;

/** The offset just after the last punctuation or white space in text[from, to), or -1. */
function lastBreak(text: string, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) {
    const c = text.charCodeAt(i);
    if (c <= 0x40 || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xff0f) || c === 0xff1a || c === 0xff1b || c === 0xff1f) return i + 1;
  }
  return -1;
}

const FUNCTION_CHARS = new Set([...'的了和与及在是对为将把被等并也都又还但而其之已未仍尚较']);
const STOP_MAX = Math.max(...[...STOP_WORDS].map((w) => w.length));

/**
 * Without Intl.Segmenter (a runtime built without ICU data): stop words removed by longest
 * match, and the character bigrams of what remains as terms.
 */
function analyzeWithoutSegmenter(text: string): TextAnalysis {
  const runs: string[] = [];
  let run = '';
  const flush = () => {
    if (run) runs.push(run);
    run = '';
  };
  for (let i = 0; i < text.length; ) {
    let stop = 0;
    for (let len = Math.min(STOP_MAX, text.length - i); len >= 2 && !stop; len--) if (STOP_WORDS.has(text.slice(i, i + len))) stop = len;
    if (stop) {
      flush();
      i += stop;
      continue;
    }
    const ch = text[i]!;
    if (/[\p{Script=Han}\p{L}]/u.test(ch) && !FUNCTION_CHARS.has(ch)) run += ch;
    else flush();
    i++;
  }
  flush();
  const terms = [...new Set(runs.flatMap((r) => [...r].slice(0, -1).map((c, j) => c + r[j + 1]!)))];
  return { terms, runs: runs.filter((r) => r.length > 1) };
}

/**
 * Analyses of recent texts. Segmentation is the costly step, and the same items are analysed
 * by several rules in one lint and again on every keystroke (last year's report does not change).
 */
const CACHE_LIMIT = 2000;
const cache = new Map<string, TextAnalysis>();

/** Empties the analysis cache (for benchmarks that measure cold runs). */
export function clearAnalysisCache(): void {
  cache.clear();
}

/**
 * Content terms and runs of a (short) text. Stop words and punctuation are dropped; single
 * characters that the segmenter left alone are joined with their single-character neighbours
 * (汇|聚 → 汇聚, 跨|域|通|办 → 跨域通办), a lone one is dropped.
 */
export function analyze(text: string): TextAnalysis {
  const hit = cache.get(text);
  if (hit) return hit;
  const result = analyzeUncached(text);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(text, result);
  return result;
}

function analyzeUncached(text: string): TextAnalysis {
  const normal = text.normalize('NFKC').toLowerCase();
  const seg = chineseSegmenter();
  if (!seg) return analyzeWithoutSegmenter(normal);
  const terms: string[] = [];
  const seen = new Set<string>();
  const runs: string[] = [];
  let run = '';
  let singles = '';
  /** The last multi-character token of the current run, if it was the latest token. */
  let lastWord = '';
  const addTerm = (t: string) => {
    if (t.length >= 2 && !STOP_WORDS.has(t) && !seen.has(t)) {
      seen.add(t);
      terms.push(t);
    }
  };
  const flushSingles = () => {
    if (singles.length >= 2) addTerm(singles);
    singles = '';
  };
  const breakRun = () => {
    flushSingles();
    if (run) runs.push(run);
    run = '';
    lastWord = '';
  };
  for (const tok of tokens(seg, normal)) {
    if (tok === null || isStop(tok)) {
      breakRun();
      continue;
    }
    if (tok.length === 1) {
      if (SUFFIX_CHARS.has(tok) && lastWord) addTerm(lastWord + tok);
      else singles += tok;
      lastWord = '';
      run += tok;
      continue;
    }
    flushSingles();
    addTerm(tok);
    lastWord = tok;
    run += tok;
  }
  breakRun();
  return { terms, runs };
}

/** Character bigrams of the content runs (a one-character run counts as itself). */
export function contentBigrams(analysis: TextAnalysis): Set<string> {
  const out = new Set<string>();
  for (const r of analysis.runs) {
    const chars = [...r];
    if (chars.length === 1) out.add(chars[0]!);
    for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  }
  return out;
}

/**
 * Symmetric similarity of two texts in [0, 1]: the Dice coefficient of the character bigrams
 * of their content (stop words removed). A copied paragraph with a changed year or an added
 * clause stays near 1; the same topic in other words falls well below.
 */
export function similarity(a: string | TextAnalysis, b: string | TextAnalysis): number {
  const x = contentBigrams(typeof a === 'string' ? analyze(a) : a);
  const y = contentBigrams(typeof b === 'string' ? analyze(b) : b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const g of x) if (y.has(g)) shared++;
  return (2 * shared) / (x.size + y.size);
}

/**
 * Where terms occur in a long text, split into units (sentences). Terms are looked up by
 * substring search, so the long text itself is never segmented: only the short items whose
 * terms are looked for are.
 */
export class TermSearch {
  private readonly cache = new Map<string, number[]>();
  private readonly unitStarts: number[];

  constructor(
    readonly text: string,
    readonly units: ReadonlyArray<{ start: number; end: number }>,
  ) {
    this.unitStarts = units.map((u) => u.start);
  }

  /** Sorted start offsets of a term's occurrences. */
  positions(term: string): number[] {
    let found = this.cache.get(term);
    if (!found) {
      found = [];
      // An empty term would be found at the same offset forever.
      if (term) for (let i = this.text.indexOf(term); i >= 0; i = this.text.indexOf(term, i + term.length)) found.push(i);
      this.cache.set(term, found);
    }
    return found;
  }

  /** Whether the term occurs entirely inside [start, end). */
  contains(term: string, start: number, end: number): boolean {
    const ps = this.positions(term);
    let lo = 0;
    let hi = ps.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ps[mid]! < start) lo = mid + 1;
      else hi = mid;
    }
    return lo < ps.length && ps[lo]! + term.length <= end;
  }

  /** Index of the unit holding an offset, or -1. */
  unitAt(offset: number): number {
    let lo = 0;
    let hi = this.unitStarts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.unitStarts[mid]! <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found >= 0 && offset < this.units[found]!.end ? found : -1;
  }

  /** Number of units the term occurs in. */
  unitFrequency(term: string): number {
    let count = 0;
    let last = -1;
    for (const p of this.positions(term)) {
      const u = this.unitAt(p);
      if (u >= 0 && u !== last) {
        count++;
        last = u;
      }
    }
    return count;
  }
}

/**
 * Term weights by rarity across the units of several texts (inverse document frequency):
 * 数据 in a data bureau's reports occurs in most sentences and weighs little, 壁垒 in one and
 * weighs much.
 */
export class TermWeights {
  private readonly cache = new Map<string, number>();
  private readonly total: number;

  constructor(private readonly searches: readonly TermSearch[]) {
    this.total = searches.reduce((n, s) => n + s.units.length, 0);
  }

  weight(term: string): number {
    let w = this.cache.get(term);
    if (w === undefined) {
      const df = this.searches.reduce((n, s) => n + s.unitFrequency(term), 0);
      w = Math.log(1 + this.total / (1 + df));
      this.cache.set(term, w);
    }
    return w;
  }
}

export interface WeightedTerm {
  term: string;
  weight: number;
}

/** Share of the weighted terms present in a passage, in [0, 1], and which were found. */
export function coverage(terms: readonly WeightedTerm[], present: (term: string) => boolean): { score: number; matched: string[] } {
  let total = 0;
  let hit = 0;
  const matched: string[] = [];
  for (const t of terms) {
    total += t.weight;
    if (present(t.term)) {
      hit += t.weight;
      matched.push(t.term);
    }
  }
  return { score: total > 0 ? hit / total : 0, matched };
}
