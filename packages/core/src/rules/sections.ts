import type { ReportDocument } from '../document/parse.js';
import type { OutlineNode } from '../document/outline.js';
import type { SafePattern } from '../text/regex.js';
import { findWords, type Occurrence } from '../text/keywords.js';
import type { RuleOrigin } from '../types.js';

/**
 * A part of the report, recognised by meaning rather than exact wording: headings vary from
 * unit to unit, so a section is matched by keywords and patterns, scored, and the best
 * candidate wins. Sections are data in rule files (`sections:`), shared by several rules.
 */
export interface SectionDefinition {
  id: string;
  name: string;
  /** Standard heading text, inserted by suggestions and completion. */
  heading?: string;
  /** Outline rank of candidates: 1 = 一、 headings, 2 = （一） … Ignored when `within` is set. */
  level: number;
  /** Parent section: candidates are all outline items and paragraph openings inside it. */
  within?: string;
  /** Position in the template's order (1-based). */
  order?: number;
  keywords: string[];
  patterns: SafePattern[];
  exclude: string[];
  minScore: number;
  /** Words that show the topic is discussed in the body (defaults to keywords). */
  mentions: string[];
  /** Several headings may belong to this section (e.g. older reports split their measures). */
  multiple: boolean;
  /** Unrecognised headings before the first heading of this section are assigned here. */
  fallbackBefore?: string;
  edition?: string;
  origin: RuleOrigin;
}

export interface SectionMatch {
  def: SectionDefinition;
  node?: OutlineNode;
  /** The recognised heading (title) range. */
  start: number;
  end: number;
  /** What the section covers. */
  bodyStart: number;
  bodyEnd: number;
  score: number;
}

/**
 * How strongly a heading (or a paragraph's opening) claims to be the section. The same template
 * headings recur in report after report, so scores are remembered per definition.
 */
export function scoreText(def: SectionDefinition, text: string): number {
  let memo = scores.get(def);
  if (!memo) scores.set(def, (memo = new Map()));
  let score = memo.get(text);
  if (score === undefined) {
    if (memo.size >= SCORES_PER_SECTION) memo.clear();
    memo.set(text, (score = computeScore(def, text)));
  }
  return score;
}

const scores = new WeakMap<SectionDefinition, Map<string, number>>();
/** The same definitions serve every report of a config and edition. */
const definitionsById = new WeakMap<readonly SectionDefinition[], ReadonlyMap<string, SectionDefinition>>();
const SCORES_PER_SECTION = 4096;

function computeScore(def: SectionDefinition, text: string): number {
  for (const w of def.exclude) if (w && text.includes(w)) return 0;
  let score = 0;
  for (const p of def.patterns) {
    if (p.test(text)) {
      score += 10;
      break;
    }
  }
  for (const k of def.keywords) if (k && text.includes(k)) score += 1;
  return score;
}

function nodeMatch(def: SectionDefinition, node: OutlineNode, score: number): SectionMatch {
  return { def, node, start: node.start, end: node.titleEnd, bodyStart: node.bodyStart, bodyEnd: node.end, score };
}

/** Section recognition for one document and one set of visible definitions; computed lazily. */
export class SectionIndex {
  private readonly byId: ReadonlyMap<string, SectionDefinition>;
  private readonly cache = new Map<string, SectionMatch[]>();
  private topLevelDone = false;

  constructor(
    readonly doc: ReportDocument,
    defs: SectionDefinition[],
  ) {
    let shared = definitionsById.get(defs);
    if (!shared) definitionsById.set(defs, (shared = new Map(defs.map((d) => [d.id, d]))));
    this.byId = shared;
  }

  definitions(): SectionDefinition[] {
    return [...this.byId.values()];
  }

  definition(id: string): SectionDefinition | undefined {
    return this.byId.get(id);
  }

  /** Matches of a section, in document order (empty when the report lacks it). */
  matches(id: string): SectionMatch[] {
    const def = this.byId.get(id);
    if (!def) return [];
    if (!def.within) this.classifyTopLevel();
    let found = this.cache.get(id);
    if (!found) {
      found = this.classifyWithin(def);
      this.cache.set(id, found);
    }
    return found;
  }

  first(id: string): SectionMatch | undefined {
    return this.matches(id)[0];
  }

  /** The sections a heading was recognised as (for hovers). */
  recognisedAs(node: OutlineNode): SectionDefinition[] {
    this.classifyTopLevel();
    const out: SectionDefinition[] = [];
    for (const [id, list] of this.cache) {
      if (list.some((m) => m.node === node)) out.push(this.byId.get(id)!);
    }
    return out;
  }

  /** Where the body mentions a section's topic (up to `limit` distinct sentences). */
  mentions(def: SectionDefinition, limit = 3): Occurrence[] {
    const words = def.mentions.length ? def.mentions : def.keywords;
    const out: Occurrence[] = [];
    let lastSentenceEnd = -1;
    for (const b of this.doc.bodyBlocks) {
      for (const occ of findWords(this.doc.text, words, b.contentStart, b.end)) {
        if (occ.start < lastSentenceEnd) continue;
        out.push(occ);
        const stop = this.doc.text.slice(occ.end, b.end).search(/[。！？；;!?]/);
        lastSentenceEnd = stop < 0 ? b.end : occ.end + stop;
        if (out.length >= limit) return out;
      }
    }
    return out;
  }

  private classifyTopLevel(): void {
    if (this.topLevelDone) return;
    this.topLevelDone = true;
    const defs = [...this.byId.values()].filter((d) => !d.within);
    const nodes = this.doc.nodes.filter((n) => n.kind !== 'inline');
    const taken = new Set<OutlineNode>();
    const primary = defs.filter((d) => !d.fallbackBefore);
    // score[j][i]: how strongly primary section j claims node i (0 when the node is not of its level).
    const score = primary.map((def) => nodes.map((n) => (n.rank === def.level ? scoreText(def, n.title) : 0)));
    primary.forEach((def, j) => {
      let chosen: number[] = [];
      if (def.multiple) {
        for (let i = 0; i < nodes.length; i++) if (nodes[i]!.rank === def.level && score[j]![i]! >= def.minScore) chosen.push(i);
      } else {
        // Prefer headings this section claims at least as strongly as any other section does;
        // a heading that plainly belongs elsewhere is only taken when nothing else matches
        // (a merged heading such as 存在的不足和下一步工作安排 then serves both).
        let best = -1;
        let bestRank = -Infinity;
        for (let i = 0; i < nodes.length; i++) {
          const s = score[j]![i]!;
          if (nodes[i]!.rank !== def.level || s < def.minScore) continue;
          let other = 0;
          for (let k = 0; k < primary.length; k++) if (k !== j) other = Math.max(other, score[k]![i]!);
          const r = s > other ? s : s === other ? s - 0.5 : s - 1000;
          if (best < 0 || r > bestRank) (best = i), (bestRank = r);
        }
        if (best >= 0) chosen = [best];
      }
      for (const i of chosen) taken.add(nodes[i]!);
      this.cache.set(
        def.id,
        chosen.map((i) => nodeMatch(def, nodes[i]!, score[j]![i]!)),
      );
    });
    for (const def of defs.filter((d) => d.fallbackBefore)) {
      const scored = nodes.filter((n) => n.rank === def.level).map((n) => ({ n, s: scoreText(def, n.title) }));
      const limit = this.cache.get(def.fallbackBefore!)?.[0]?.node?.start ?? Infinity;
      const chosen = scored.filter((x) => x.s >= def.minScore || (!taken.has(x.n) && x.n.start < limit));
      const picked = def.multiple ? chosen : chosen.slice(0, 1);
      this.cache.set(def.id, picked.map((x) => nodeMatch(def, x.n, x.s)));
    }
  }

  private classifyWithin(def: SectionDefinition): SectionMatch[] {
    const parents = this.matches(def.within!);
    const out: SectionMatch[] = [];
    for (const parent of parents) {
      const candidates: SectionMatch[] = [];
      const walk = (n: OutlineNode) => {
        for (const c of n.children) {
          const s = scoreText(def, c.title);
          if (s >= def.minScore) candidates.push(nodeMatch(def, c, s));
          walk(c);
        }
      };
      if (parent.node) walk(parent.node);
      // Paragraph openings inside the parent count too: "关于2023年度问题整改情况，……".
      for (const b of this.doc.bodyBlocks) {
        if (b.contentStart < parent.bodyStart || b.contentStart >= parent.bodyEnd) continue;
        const text = this.doc.text.slice(b.contentStart, Math.min(b.end, b.contentStart + 200));
        const stop = text.search(/[。！？；;!?]/);
        const sentence = stop < 0 ? text : text.slice(0, stop);
        const s = scoreText(def, sentence);
        if (s >= def.minScore && !candidates.some((c) => c.start <= b.contentStart && b.contentStart < c.bodyEnd)) {
          const end = b.contentStart + sentence.length;
          candidates.push({ def, start: b.contentStart, end, bodyStart: end, bodyEnd: b.end, score: s });
        }
      }
      candidates.sort((a, b) => b.score - a.score || a.start - b.start);
      out.push(...(def.multiple ? candidates : candidates.slice(0, 1)));
    }
    return out.sort((a, b) => a.start - b.start);
  }
}
