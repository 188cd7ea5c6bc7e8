#!/usr/bin/env node
// Calibration aid for the cross-year rules: prints the scores behind their decisions, computed by
// the same functions the rules use (packages/core/src/rules/cross-year-evaluate.ts) with their
// default thresholds: last year's problems against this year's rectification subsection and text,
// this year's problems against last year's, last year's plans against this year's measures.
// Usage: node scripts/cross-year-scores.mjs THIS_YEAR LAST_YEAR
import { readFileSync } from 'node:fs';
import { createEngine } from '../packages/core/dist/index.js';
import { crossYear, nodePassages } from '../packages/core/dist/rules/cross-year.js';
import { evaluateCopies, evaluatePlans, evaluateProblems } from '../packages/core/dist/rules/cross-year-evaluate.js';
import { coverage } from '../packages/core/dist/text/similarity.js';

const [current, previous] = process.argv.slice(2);
if (!current || !previous) {
  console.error('usage: node scripts/cross-year-scores.mjs THIS_YEAR LAST_YEAR');
  process.exit(2);
}
const engine = createEngine({ readFile: async (p) => readFileSync(p, 'utf8') });
const config = await engine.loadConfig();
const result = engine.lint(readFileSync(current, 'utf8'), { path: current, config, previous: { path: previous, text: readFileSync(previous, 'utf8') } });
const option = (id, key) => result.rules.get(id)?.def.options[key];
const now = { doc: result.document, sections: result.sections };
const doc = result.document;
const cy = crossYear({ doc, previous: result.previous, year: result.year });
const pct = (x) => `${Math.round((x ?? 0) * 100)}%`.padStart(4);
const cut = (s, n = 40) => (s.length > n ? `${s.slice(0, n - 1)}…` : s).replace(/\s+/g, ' ');
const at = (m) => (m ? `${cut(doc.text.slice(m.start, m.end))}  [${m.matched.join(' ')}]` : '—');

console.log(`# ${current} (${result.year}) ← ${previous} (${result.previous.doc.meta.year?.value})`);
if (!cy) {
  console.log('last year\'s report is not older than this one: the cross-year rules do not compare');
  process.exit(0);
}
const ids = { problems: 'problems', rectification: 'rectification', plans: 'plans' };
const threshold = option('cross-year/problems-addressed', 'threshold') ?? 0.3;
const elsewhereThreshold = option('cross-year/problems-addressed', 'elsewhereThreshold') ?? 0.4;
const problems = evaluateProblems(now, cy, ids, threshold, elsewhereThreshold);
const rect = problems.rectification;
console.log(`\n## last year's problems → this year (threshold ${threshold}, elsewhere ${elsewhereThreshold}; rectification: ${rect ? cut(doc.text.slice(rect.start, rect.end)) : 'none'})`);
for (const v of problems.verdicts) {
  console.log(`- ${v.treated ? 'addressed    ' : 'NOT addressed'} 「${v.item.brief}」 terms: ${v.terms.map((t) => `${t.term}:${t.weight.toFixed(1)}`).join(' ')}`);
  for (const n of rect ? nodePassages(rect) : []) {
    console.log(`    rect item ${pct(coverage(v.terms, (t) => cy.search.contains(t, n.start, n.end)).score)}  ${cut(doc.text.slice(n.start, n.end))}`);
  }
  if (v.inRectification) console.log(`    rect best ${pct(v.inRectification.score)}  ${at(v.inRectification)}`);
  if (v.elsewhere) console.log(`    elsewhere ${pct(v.elsewhere.score)}  ${at(v.elsewhere)}${v.elsewhereNamesIt ? '' : '  (does not name it)'}`);
  if (v.stillListed) console.log(`    listed    ${pct(v.stillListed.score)}  ${v.stillListed.item.brief}`);
}

console.log(`\n## this year's problems ~ last year's (similarity, threshold ${option('cross-year/problems-copied', 'threshold') ?? 0.75})`);
for (const v of evaluateCopies(now, cy, ids)) console.log(`- ${pct(v.score)} 「${v.item.brief}」 ~ 「${v.previous.brief}」`);

const planThreshold = option('cross-year/plans-followed', 'threshold') ?? 0.4;
console.log(`\n## last year's plans → this year's measures and rectification (threshold ${planThreshold})`);
for (const v of evaluatePlans(now, cy, { plans: 'plans', measures: 'measures', rectification: 'rectification' }, planThreshold).verdicts) {
  console.log(`- ${pct(v.best?.score)} ${v.found ? 'followed    ' : 'NOT followed'} 「${v.plan.brief}」 → ${at(v.best)}`);
}
