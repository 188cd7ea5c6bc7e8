// Engine benchmark: warm lint time per seed, and scaling with document length.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../packages/core/dist/index.js';
import { createInterrupt } from '../packages/server/dist/interrupt.js';
import { median, row, time } from './util.mjs';

export async function benchEngine(root) {
  const engine = createEngine({ readFile: async () => { throw new Error('no files'); } });
  const config = await engine.loadConfig();
  const seedsDir = join(root, 'seeds');
  const seeds = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort();
  const rows = [];
  for (const f of seeds) {
    const text = readFileSync(join(seedsDir, f), 'utf8');
    const ms = time(() => engine.lint(text, { path: f, config }), { warmup: 30, runs: 200 });
    const kb = Buffer.byteLength(text) / 1024;
    // Target: ≤ 5 ms for a 15 KB report, i.e. ≤ 1/3 ms per KB.
    rows.push(row(`engine: lint ${f.slice(0, 3)} (${kb.toFixed(1)} KB, warm, median)`, ms, 'ms', `≤ ${((5 * kb) / 15).toFixed(2)} ms (5 ms / 15 KB)`, ms <= (5 * kb) / 15));
  }
  // The time limit: checkpoints (the CLI's way) and the host interrupt (the server's), against no limit, on all seeds.
  const all = seeds.map((f) => readFileSync(join(seedsDir, f), 'utf8'));
  const lintAll = (timeLimit) => () => all.forEach((text, i) => engine.lint(text, { path: seeds[i], config, timeLimit }));
  const interrupt = createInterrupt();
  const plain = time(lintAll(undefined), { warmup: 20, runs: 100 });
  const checked = time(lintAll({ ruleMs: 10000 }), { warmup: 20, runs: 100 });
  const guarded = time(lintAll({ ruleMs: 1000, totalMs: 2000, interrupt }), { warmup: 20, runs: 100 });
  rows.push(row('engine: time limit by checkpoints (CLI), time ratio to none', (checked / plain).toFixed(2), '×', '≤ 1.05', checked / plain <= 1.05));
  rows.push(row('engine: time limit with interrupt (server), extra per lint', (guarded - plain) / all.length, 'ms', '≤ 0.5 ms (a watchdog thread per lint)', (guarded - plain) / all.length <= 0.5));
  for (const [name, ext] of [['text', 'txt'], ['markdown', 'md']]) {
    const base = readFileSync(join(seedsDir, seeds[3]), 'utf8');
    const times = [1, 2, 4, 8, 16].map((k) => {
      const text = Array.from({ length: k }, () => base).join('\n');
      return time(() => engine.lint(text, { path: `x.${ext}`, config }), { warmup: 5, runs: Math.max(10, 80 / k) });
    });
    const ratios = times.map((t) => t / times[0]);
    const worst = Math.max(...ratios.map((r, i) => r / [1, 2, 4, 8, 16][i]));
    rows.push(row(`engine: scaling ${name} ×1…×16 (time ratio)`, ratios.map((r) => r.toFixed(1)).join(' / '), '', '≈ 1 / 2 / 4 / 8 / 16 (linear)', worst <= 1.6));
  }
  // Issue 8: nothing above 2 s per rule on a 10 MB report (seed 004, the one with most findings, repeated).
  const seed = readFileSync(join(seedsDir, seeds[4]), 'utf8');
  const big = Array.from({ length: Math.ceil(10e6 / seed.length) }, () => seed).join('\n');
  for (const ext of ['txt', 'md']) {
    const timing = new Map();
    const t = performance.now();
    engine.lint(big, { path: `big.${ext}`, config, timing });
    const total = performance.now() - t;
    const [slowId, slowMs] = [...timing].sort((a, b) => b[1] - a[1])[0];
    rows.push(row(`engine: 10 MB ${ext} report, slowest step (${slowId})`, slowMs, 'ms', '≤ 2000 ms per rule', slowMs <= 2000));
    rows.push(row(`engine: 10 MB ${ext} report, whole lint`, total, 'ms', 'no target', true));
  }
  return rows;
}

export { median };
