// Cross-year benchmark: the checks that compare a report with last year's, on the real pair of
// seeds (花都 2021 → 2022) grown to ~15 KB each by repeating their own measures paragraphs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../packages/core/dist/index.js';
import { clearAnalysisCache } from '../packages/core/dist/text/similarity.js';
import { row, time } from './util.mjs';

const TARGET_MS = 20;
const SIZE = 15 * 1024;

/** The report with paragraphs of its measures part repeated before the problems part, to `bytes`. */
function grow(text, bytes) {
  const lines = text.split('\n');
  const problems = lines.findIndex((l) => /^[一二三四五六七八九十]+、.*(存在问题|不足)/.test(l));
  const measures = lines.slice(2, problems).filter((l) => l.length > 80);
  const extra = [];
  for (let i = 0; Buffer.byteLength([...lines, ...extra].join('\n')) < bytes; i++) extra.push(measures[i % measures.length]);
  return [...lines.slice(0, problems), ...extra, ...lines.slice(problems)].join('\n');
}

export async function benchCrossYear(root) {
  const engine = createEngine({ readFile: async () => { throw new Error('no files'); } });
  const config = await engine.loadConfig();
  const seeds = join(root, 'seeds');
  const previous = { path: '002.txt', text: grow(readFileSync(join(seeds, '002_07fb1cf96b8e0586.txt'), 'utf8'), SIZE) };
  const current = grow(readFileSync(join(seeds, '000_77e5e177b521e10d.txt'), 'utf8'), SIZE);
  const kb = (t) => (Buffer.byteLength(t) / 1024).toFixed(1);
  const pair = `${kb(previous.text)} KB → ${kb(current)} KB`;
  // Only the cross-year rules (the previous report is parsed and classified as part of them).
  const others = config.ruleDefinitions().filter((d) => !d.id.startsWith('cross-year/')).map((d) => `  ${d.id}: off`);
  const crossConfig = await engine.loadConfig({ file: '/bench/.fzlint.yaml', text: `extends: fzlint:recommended\nrules:\n${others.join('\n')}\n` });
  const options = { path: '000.txt', config: crossConfig, previous };
  const found = engine.lint(current, options).diagnostics.filter((d) => d.ruleId.startsWith('cross-year/')).length;
  if (found === 0) throw new Error('cross-year benchmark: the pair produced no cross-year finding, the setup is wrong');
  const crossOnly = time(() => engine.lint(current, options), { warmup: 40, runs: 150 });
  // Cold: no item analysis (word segmentation) cached from an earlier run, as on a first lint.
  const cold = time(() => {
    clearAnalysisCache();
    engine.lint(current, options);
  }, { warmup: 40, runs: 150 });
  const withoutPrevious = time(() => engine.lint(current, { path: '000.txt', config }), { warmup: 40, runs: 150 });
  const full = time(() => engine.lint(current, { path: '000.txt', config, previous }), { warmup: 40, runs: 150 });
  return [
    row(`cross-year: checks only, pair ${pair} (warm, median)`, crossOnly, 'ms', `≤ ${TARGET_MS} ms`, crossOnly <= TARGET_MS),
    row(`cross-year: checks only, segmentation cache cleared each run`, cold, 'ms', `≤ ${TARGET_MS} ms`, cold <= TARGET_MS),
    row(`cross-year: full lint with previous vs without (${pair})`, `${full.toFixed(2)} ms vs ${withoutPrevious.toFixed(2)} ms`, '', `≤ ${TARGET_MS} ms added`, full - withoutPrevious <= TARGET_MS),
  ];
}
