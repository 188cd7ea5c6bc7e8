#!/usr/bin/env node
// Calibration aid for the cross-year rules: prints every score behind their decisions (last
// year's problems against this year's rectification items and text, this year's problems against
// last year's, last year's plans against this year's measures), so thresholds can be chosen on
// fixtures. Usage: node scripts/cross-year-scores.mjs THIS_YEAR LAST_YEAR
import { readFileSync } from 'node:fs';
import { createEngine } from '../packages/core/dist/index.js';
import {
  bestPassage,
  crossYear,
  findRectification,
  itemTerms,
  matchRange,
  nodePassages,
  PROBLEM_CUE,
  sectionItems,
  sentencePassages,
} from '../packages/core/dist/rules/cross-year.js';
import { coverage, similarity } from '../packages/core/dist/text/similarity.js';

const [current, previous] = process.argv.slice(2);
if (!current || !previous) {
  console.error('usage: node scripts/cross-year-scores.mjs THIS_YEAR LAST_YEAR');
  process.exit(2);
}
const engine = createEngine({ readFile: async (p) => readFileSync(p, 'utf8') });
const config = await engine.loadConfig();
const result = engine.lint(readFileSync(current, 'utf8'), { path: current, config, previous: { path: previous, text: readFileSync(previous, 'utf8') } });
const doc = result.document;
const prev = result.previous;
const rc = { doc, previous: prev, year: result.year };
const cy = crossYear(rc);
const pct = (x) => `${Math.round(x * 100)}%`.padStart(4);
const cut = (s, n = 40) => (s.length > n ? `${s.slice(0, n - 1)}…` : s).replace(/\s+/g, ' ');

const prevRect = findRectification(prev.sections, 'rectification');
const problems = sectionItems(prev.doc, prev.sections, 'problems', prevRect ? [matchRange(prevRect)] : [], PROBLEM_CUE);
const rect = findRectification(result.sections, 'rectification');
const notTreatment = [...result.sections.matches('problems'), ...result.sections.matches('plans')].map(matchRange);
if (rect) notTreatment.push(matchRange(rect));
const rectNodes = rect ? nodePassages(rect) : [];
const rectPassages = rect ? [...rectNodes, ...sentencePassages(doc, [matchRange(rect)])] : [];
const elsewhere = sentencePassages(doc, undefined, notTreatment);
const currentProblems = sectionItems(doc, result.sections, 'problems', rect ? [matchRange(rect)] : [], PROBLEM_CUE);

console.log(`# ${current} (${result.year}) ← ${previous} (${prev.doc.meta.year?.value})`);
console.log(`\n## last year's problems → this year (rectification: ${rect ? cut(doc.text.slice(rect.start, rect.end)) : 'none'})`);
for (const p of problems) {
  const terms = itemTerms(p, cy.weights);
  console.log(`- 「${p.brief}」 terms: ${terms.map((t) => `${t.term}:${t.weight.toFixed(1)}`).join(' ')}`);
  for (const n of rectNodes) {
    const { score } = coverage(terms, (t) => cy.search.contains(t, n.start, n.end));
    console.log(`    rect item ${pct(score)}  ${cut(doc.text.slice(n.start, n.end))}`);
  }
  const r = bestPassage(terms, cy.search, rectPassages);
  if (r) console.log(`    rect best ${pct(r.score)}  ${cut(doc.text.slice(r.start, r.end))}  [${r.matched.join(' ')}]`);
  const e = bestPassage(terms, cy.search, elsewhere);
  if (e) console.log(`    elsewhere ${pct(e.score)}  ${cut(doc.text.slice(e.start, e.end))}  [${e.matched.join(' ')}]`);
  for (const c of currentProblems) {
    const { score } = coverage(terms, (t) => cy.search.contains(t, c.start, c.end));
    console.log(`    listed    ${pct(score)}  ${c.brief}`);
  }
}

console.log("\n## this year's problems ~ last year's (similarity)");
for (const c of currentProblems) {
  console.log(`- 「${c.brief}」 ${problems.map((p) => `${pct(similarity(c.analysis, p.analysis))} 「${p.brief}」`).join('  ')}`);
}

console.log("\n## last year's plans → this year's measures");
const measures = result.sections.matches('measures');
const passages = [...measures.flatMap(nodePassages), ...sentencePassages(doc, measures.map(matchRange))];
for (const plan of sectionItems(prev.doc, prev.sections, 'plans')) {
  const best = bestPassage(itemTerms(plan, cy.weights), cy.search, passages);
  console.log(`- ${pct(best?.score ?? 0)} 「${plan.brief}」 → ${best ? cut(doc.text.slice(best.start, best.end), 50) : '—'}  [${best?.matched.join(' ') ?? ''}]`);
}
