import type { ReportDocument } from '../document/parse.js';
import { coverage, similarity, type WeightedTerm } from '../text/similarity.js';
import {
  bestPassage,
  findRectification,
  itemTerms,
  matchRange,
  nodePassages,
  PROBLEM_CUE,
  sectionItems,
  sentencePassages,
  type CrossYear,
  type PassageMatch,
  type ReportItem,
} from './cross-year.js';
import type { SectionIndex, SectionMatch } from './sections.js';

/**
 * The decisions of the cross-year rules, as data: the rules turn them into diagnostics and
 * facts, scripts/cross-year-scores.mjs prints them for calibration. One implementation for both.
 */

export interface ThisYear {
  doc: ReportDocument;
  sections: SectionIndex;
  /** The rule's checkpoint (RuleContext.checkpoint), called once per item with the passages it is compared with. */
  checkpoint?(cost?: number): void;
}

export interface ProblemVerdict {
  item: ReportItem;
  terms: WeightedTerm[];
  /** Best passage in this year's rectification subsection. */
  inRectification?: PassageMatch;
  /** Best passage elsewhere (problems and plans parts excluded), when the subsection had none. */
  elsewhere?: PassageMatch;
  /** Whether `elsewhere` names the matter itself (every term of the brief before 待/不足/较长…). */
  elsewhereNamesIt: boolean;
  treated?: PassageMatch;
  /** The passage that came closest, for explanations. */
  closest?: PassageMatch;
  /** This year's problem item that restates it, if any. */
  stillListed?: { item: ReportItem; score: number };
}

export interface ProblemsEvaluation {
  verdicts: ProblemVerdict[];
  rectification?: SectionMatch;
  problems: SectionMatch[];
}

export interface ProblemIds {
  problems: string;
  rectification: string;
  plans: string;
}

/** Last year's problem items (its own rectification subsection excluded). */
export function previousProblems(cy: CrossYear, ids: Pick<ProblemIds, 'problems' | 'rectification'>): ReportItem[] {
  const prev = cy.previous;
  const prevRect = findRectification(prev.sections, ids.rectification);
  return sectionItems(prev.doc, prev.sections, ids.problems, prevRect ? [matchRange(prevRect)] : [], PROBLEM_CUE);
}

/** This year's problem items (the rectification subsection excluded). */
export function currentProblems(now: ThisYear, ids: Pick<ProblemIds, 'problems' | 'rectification'>): ReportItem[] {
  const rect = findRectification(now.sections, ids.rectification);
  return sectionItems(now.doc, now.sections, ids.problems, rect ? [matchRange(rect)] : [], PROBLEM_CUE);
}

/**
 * For each of last year's problems: its treatment in this year's rectification subsection
 * (coverage ≥ threshold), else elsewhere (coverage ≥ elsewhereThreshold and naming the matter:
 * 「全年办理行政复议案件64件」 shares the vocabulary of 「行政复议案件办理周期较长」 but is not
 * about the 周期, so it is no treatment of it).
 */
export function evaluateProblems(now: ThisYear, cy: CrossYear, ids: ProblemIds, threshold: number, elsewhereThreshold: number): ProblemsEvaluation {
  const rect = findRectification(now.sections, ids.rectification);
  const problems = now.sections.matches(ids.problems);
  const items = previousProblems(cy, ids);
  if (!items.length) return { verdicts: [], rectification: rect, problems };
  const notTreatment = [...problems, ...now.sections.matches(ids.plans)].map(matchRange);
  if (rect) notTreatment.push(matchRange(rect));
  const rectPassages = rect ? [...nodePassages(rect), ...sentencePassages(now.doc, [matchRange(rect)])] : [];
  const elsewherePassages = sentencePassages(now.doc, undefined, notTreatment);
  const current = currentProblems(now, ids);

  const verdicts = items.map((item): ProblemVerdict => {
    now.checkpoint?.(rectPassages.length + elsewherePassages.length + current.length);
    const terms = itemTerms(item, cy.weights);
    const inRectification = bestPassage(terms, cy.search, rectPassages);
    const inRectOk = inRectification !== undefined && inRectification.score >= threshold;
    const elsewhere = inRectOk ? undefined : bestPassage(terms, cy.search, elsewherePassages);
    const elsewhereNamesIt = elsewhere !== undefined && matterTerms(item, terms).every((t) => elsewhere.matched.includes(t));
    const treated = inRectOk ? inRectification : elsewhere && elsewhere.score >= elsewhereThreshold && elsewhereNamesIt ? elsewhere : undefined;
    const closest = [inRectification, elsewhere].filter((x) => x !== undefined).sort((a, b) => b.score - a.score)[0];
    let stillListed: ProblemVerdict['stillListed'];
    if (!treated) {
      for (const c of current) {
        const { score } = coverage(terms, (t) => cy.search.contains(t, c.start, c.end));
        if (score >= threshold && (!stillListed || score > stillListed.score)) stillListed = { item: c, score };
      }
    }
    return { item, terms, inRectification, elsewhere, elsewhereNamesIt, treated, closest, stillListed };
  });
  return { verdicts, rectification: rect, problems };
}

/**
 * The terms that name the matter of a problem: those of its brief before the words that say
 * what is wrong (数据壁垒|待打破, 行政复议案件办理周期|较长), else all of the brief's.
 */
function matterTerms(item: ReportItem, terms: readonly WeightedTerm[]): string[] {
  const brief = item.brief.replace(/…$/, '');
  const cue = PROBLEM_CUE.exec(brief);
  const matter = cue && cue.index > 0 ? brief.slice(0, cue.index) : brief;
  const named = terms.filter((t) => matter.includes(t.term)).map((t) => t.term);
  return named.length ? named : terms.filter((t) => brief.includes(t.term)).map((t) => t.term);
}

export interface CopyVerdict {
  item: ReportItem;
  previous: ReportItem;
  score: number;
}

/** For each of this year's problem items, the most similar of last year's. */
export function evaluateCopies(now: ThisYear, cy: CrossYear, ids: Pick<ProblemIds, 'problems' | 'rectification'>): CopyVerdict[] {
  const previous = previousProblems(cy, ids);
  if (!previous.length) return [];
  const out: CopyVerdict[] = [];
  for (const item of currentProblems(now, ids)) {
    now.checkpoint?.(previous.length);
    let best: CopyVerdict | undefined;
    for (const p of previous) {
      const score = similarity(item.analysis, p.analysis);
      if (!best || score > best.score) best = { item, previous: p, score };
    }
    if (best) out.push(best);
  }
  return out;
}

export interface PlanVerdict {
  plan: ReportItem;
  best?: PassageMatch;
  found: boolean;
}

export interface PlansEvaluation {
  verdicts: PlanVerdict[];
  measures: SectionMatch[];
}

/** For each of last year's plan items, its counterpart in this year's measures or rectification subsection. */
export function evaluatePlans(now: ThisYear, cy: CrossYear, ids: { plans: string; measures: string; rectification: string }, threshold: number): PlansEvaluation {
  const prev = cy.previous;
  const plans = sectionItems(prev.doc, prev.sections, ids.plans);
  const measures = now.sections.matches(ids.measures);
  if (!plans.length) return { verdicts: [], measures };
  const rect = findRectification(now.sections, ids.rectification);
  const where = rect ? [...measures, rect] : measures;
  const passages = [...where.flatMap(nodePassages), ...sentencePassages(now.doc, where.map(matchRange))];
  const verdicts = plans.map((plan) => {
    now.checkpoint?.(passages.length);
    const best = bestPassage(itemTerms(plan, cy.weights), cy.search, passages);
    return { plan, best, found: best !== undefined && best.score >= threshold };
  });
  return { verdicts, measures };
}
