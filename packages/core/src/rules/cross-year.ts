import type { OutlineNode } from '../document/outline.js';
import type { ReportDocument } from '../document/parse.js';
import { analyze, coverage, TermSearch, TermWeights, type TextAnalysis, type WeightedTerm } from '../text/similarity.js';
import type { CompileContext, RuleContext } from './kind.js';
import type { PreviousReport } from './previous.js';
import { unknownSection } from './scope.js';
import { scoreText, type SectionIndex, type SectionMatch } from './sections.js';

/**
 * Shared by the cross-year kinds: the items of a report part (last year's problems, plans),
 * the rectification subsection, and the search for an item's counterpart in this year's text.
 */

export interface Range {
  start: number;
  end: number;
}

/** One item of a part: an outline item ((一), 1., 一是 …) or, in a part without items, a sentence. */
export interface ReportItem {
  /** The whole item, marker included, trailing space excluded. */
  start: number;
  end: number;
  /** Its text without the marker. */
  text: string;
  /** A short quote for messages: the clause that names the matter. */
  brief: string;
  node?: OutlineNode;
  analysis: TextAnalysis;
}

/** Clauses that name a shortcoming: the brief of a problem item prefers one of them. */
export const PROBLEM_CUE = /待|不足|较长|过长|较慢|不及时|超期|超过法定|不够|不高|不多|不强|不全|不畅|不顺|难度|困难|问题|缺乏|欠缺|薄弱|滞后|短板|差距|不完善|尚未|不到位|不充分|偏低|较低|较弱|较少|单一|不明显|不规范|不健全|不平衡/;

const BRIEF_MAX = 30;

function inRanges(offset: number, ranges: readonly Range[]): boolean {
  return ranges.some((r) => offset >= r.start && offset < r.end);
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /[\s\u3000]/.test(text[end - 1]!)) end--;
  return end;
}

/** The clause that names an item's matter: its first clause, or (with `cue`) the first clause that matches it. */
export function briefOf(text: string, cue?: RegExp): string {
  const sentence = text.split(/[。！？；;!?\r\n]/)[0]!.trim();
  const clauses = sentence
    .split(/[，,：:]/)
    .map((c) => c.trim())
    .filter(Boolean);
  let pick = clauses[0] ?? sentence;
  if (cue && !cue.test(pick)) pick = clauses.find((c) => cue.test(c)) ?? pick;
  // A clause picked from the middle of a sentence often opens with a connective: 在其内部管理… → 内部管理…
  if (pick !== clauses[0]) pick = pick.replace(/^(?:在其|加之|同时|但是?|而且?|并且?|其|在)(?=\p{Script=Han}{4})/u, '');
  const chars = [...pick];
  return chars.length > BRIEF_MAX ? `${chars.slice(0, BRIEF_MAX - 1).join('')}…` : pick;
}

function nodeItem(doc: ReportDocument, node: OutlineNode, cue?: RegExp): ReportItem {
  const end = trimEnd(doc.text, node.start, node.end);
  const text = doc.text.slice(node.titleStart, end).trim();
  return { start: node.start, end, text, brief: briefOf(text, cue), node, analysis: analyze(text) };
}

/** A subheading for the causes ("（二）原因分析"): what it says are not items of their own. */
const REASONS_HEADING = /^(?:主要|存在问题的|问题的|产生问题的|存在不足的)?原因(?:分析)?$/;

/** Sentences of text[start, end) as items: those that carry content terms (and, with `cue`, name a shortcoming). */
function sentenceItems(doc: ReportDocument, start: number, end: number, exclude: readonly Range[], cue?: RegExp): ReportItem[] {
  const out: ReportItem[] = [];
  for (const s of doc.sentences) {
    if (s.start < start || s.start >= end || inRanges(s.start, exclude)) continue;
    const stop = trimEnd(doc.text, s.start, Math.min(s.end, end));
    const text = doc.text.slice(s.start, stop).trim();
    if (/[：:]$/.test(text)) continue;
    // Introductions ("对照年度目标，我局工作仍有差距。") carry no content terms once generic words are gone.
    if (cue && !cue.test(text)) continue;
    const analysis = analyze(text);
    if (analysis.terms.length < 2) continue;
    out.push({ start: s.start, end: stop, text, brief: briefOf(text, cue), analysis });
  }
  return out;
}

/**
 * The items of a part. Outline items directly under its heading, except those inside `exclude`
 * (last year's rectification subsection is not a problem of last year); an item with two or
 * more sub-items stands for them ("（二）2024年度面临的问题：一是…二是…"), and so does a
 * subheading that only names the part ("（二）存在的不足") for the sentences under it. A part
 * without items gives its sentences.
 */
export function sectionItems(doc: ReportDocument, sections: SectionIndex, id: string, exclude: readonly Range[] = [], cue?: RegExp): ReportItem[] {
  const out: ReportItem[] = [];
  const def = sections.definition(id);
  const namesPart = (n: OutlineNode) => def !== undefined && scoreText(def, n.title) >= def.minScore && analyze(n.title).terms.length <= 1;
  for (const m of sections.matches(id)) {
    const found: ReportItem[] = [];
    const collect = (n: OutlineNode) => {
      if (inRanges(n.start, exclude) || REASONS_HEADING.test(n.title)) return;
      if (n.children.length >= 2) n.children.forEach(collect);
      else if (!n.children.length && namesPart(n)) found.push(...sentenceItems(doc, n.bodyStart, n.end, exclude, cue));
      else found.push(nodeItem(doc, n, cue));
    };
    m.node?.children.forEach(collect);
    if (!found.length) found.push(...sentenceItems(doc, m.bodyStart, m.bodyEnd, exclude, cue));
    out.push(...found);
  }
  return out;
}

/**
 * The rectification subsection: as the sections recognise it inside the problems part, else a
 * heading anywhere that matches its pattern strongly ("三、2021年度存在问题整改情况" written as
 * a part of its own).
 */
export function findRectification(sections: SectionIndex, id: string): SectionMatch | undefined {
  const m = sections.first(id);
  if (m) return m;
  const def = sections.definition(id);
  if (!def) return undefined;
  for (const n of sections.doc.nodes) {
    if (n.kind === 'inline') continue;
    const score = scoreText(def, n.title);
    if (score >= 10 && score >= def.minScore) return { def, node: n, start: n.start, end: n.titleEnd, bodyStart: n.bodyStart, bodyEnd: n.end, score };
  }
  return undefined;
}

export function matchRange(m: SectionMatch): Range {
  return { start: m.start, end: m.bodyEnd };
}

/** Sentences and pairs of neighbouring sentences of one paragraph, inside `within` and outside `exclude`. */
export function sentencePassages(doc: ReportDocument, within: readonly Range[] | undefined, exclude: readonly Range[] = []): Range[] {
  const out: Range[] = [];
  const sentences = doc.sentences.filter(
    (s) => (!within || inRanges(s.start, within)) && !inRanges(s.start, exclude),
  );
  sentences.forEach((s, i) => {
    out.push({ start: s.start, end: s.end });
    const next = sentences[i + 1];
    if (next && next.block === s.block) out.push({ start: s.start, end: next.end });
  });
  return out;
}

/** The outline items inside a section match (each a passage of its own). */
export function nodePassages(m: SectionMatch): Range[] {
  const out: Range[] = [];
  const walk = (n: OutlineNode) => {
    for (const c of n.children) {
      out.push({ start: c.start, end: c.end });
      walk(c);
    }
  };
  if (m.node) walk(m.node);
  return out;
}

export interface PassageMatch extends Range {
  score: number;
  matched: string[];
}

/** What the cross-year kinds share for one lint: term search over both reports and term weights. */
export interface CrossYear {
  previous: PreviousReport;
  search: TermSearch;
  previousSearch: TermSearch;
  weights: TermWeights;
}

const CACHE = new WeakMap<ReportDocument, { previous: PreviousReport; value: CrossYear }>();

/**
 * The shared state of one lint, computed once for the several cross-year rules. Undefined
 * without a previous report, and when the "previous" report is not older than this one (a link
 * the wrong way round: years-agree reports it, comparing would only add noise).
 */
export function crossYear(rc: Pick<RuleContext, 'doc' | 'previous' | 'year'>): CrossYear | undefined {
  const previous = rc.previous;
  if (!previous) return undefined;
  const prevYear = previous.doc.meta.year?.value;
  if (rc.year !== undefined && prevYear !== undefined && prevYear >= rc.year) return undefined;
  const hit = CACHE.get(rc.doc);
  if (hit && hit.previous === previous) return hit.value;
  const search = new TermSearch(rc.doc.text, rc.doc.sentences);
  const previousSearch = new TermSearch(previous.doc.text, previous.doc.sentences);
  const value: CrossYear = { previous, search, previousSearch, weights: new TermWeights([search, previousSearch]) };
  CACHE.set(rc.doc, { previous, value });
  return value;
}

/**
 * An item's terms, weighted by rarity; the terms of its brief (the clause that names the
 * matter) count double, so the gist weighs more than the circumstances around it.
 */
export function itemTerms(item: ReportItem, weights: TermWeights): WeightedTerm[] {
  const brief = item.brief.replace(/…$/, '');
  return item.analysis.terms.map((term) => ({ term, weight: weights.weight(term) * (brief.includes(term) ? 2 : 1) }));
}

/** The passage that covers most of the terms (ties: the shortest). */
export function bestPassage(terms: readonly WeightedTerm[], search: TermSearch, passages: readonly Range[]): PassageMatch | undefined {
  let best: PassageMatch | undefined;
  for (const p of passages) {
    const { score, matched } = coverage(terms, (t) => search.contains(t, p.start, p.end));
    if (!best || score > best.score || (score === best.score && p.end - p.start < best.end - best.start)) best = { ...p, score, matched };
  }
  return best;
}

/** Percent for messages. */
export function percent(x: number): string {
  return `${Math.round(x * 100)}%`;
}

export const SECTION_OPTION = (what: string, fallback: string) => ({ type: 'string', minLength: 1, description: `「${what}」的部分 id，默认 ${fallback}` });

export const THRESHOLD_OPTION = (what: string, fallback: number) => ({ type: 'number', minimum: 0, maximum: 1, description: `${what}，0 到 1，默认 ${fallback}` });

/**
 * Reads a section-id option; an id written in the rule must exist. A default that the config
 * does not define simply finds nothing (the rule then has nothing to compare).
 */
export function sectionOption(value: unknown, fallback: string, key: string, ctx: CompileContext): string {
  if (typeof value !== 'string') return fallback;
  if (!ctx.section(value)) ctx.problem([key], unknownSection(value, ctx));
  return value;
}

/** "2021年度报告" or, when last year's report names no year, "上一年度报告". */
export function previousLabel(year: number | undefined): string {
  return year ? `${year}年度报告` : '上一年度报告';
}

/** Last year's item as a related location: its text, for the hover. */
export function relatedItem(item: ReportItem, doc: ReportDocument, label: string, what: string) {
  const chars = [...item.text.replace(/\s+/g, ' ')];
  const text = chars.length > 200 ? `${chars.slice(0, 199).join('')}…` : chars.join('');
  return { start: item.start, end: item.end, message: `${label}中的${what}：${text}`, doc };
}
