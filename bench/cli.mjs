// CLI benchmark: fzlint (full default rules) vs markdownlint-cli2 (its default rules) on the same
// 1,000 generated reports in the same run, plus cold-start times of the real binary.
import { spawnSync } from 'node:child_process';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCorpus } from './cli-corpus.mjs';
import { median, row } from './util.mjs';

function wall(cmd, args, cwd) {
  const t = performance.now();
  // Both tools print thousands of findings; the output is part of the work but not kept.
  const r = spawnSync(cmd, args, { cwd, stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
  const ms = performance.now() - t;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${[cmd, ...args].join(' ')} failed (exit ${r.status}, ${r.signal ?? 'no signal'})`);
  return ms;
}

export async function benchCli(root) {
  const bin = join(root, 'packages/cli/bin/fzlint.js');
  const mdl = join(root, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs');
  const corpus = join(tmpdir(), 'fzlint-bench-cli');
  const files = generateCorpus(root, corpus, 1000);
  const node = process.execPath;
  const rows = [];

  // Alternate the two tools so both see the same machine load; median of five runs each. On a
  // shared VM the wall times drift by ±15 % within a minute, so the spread of the per-pair
  // ratios is printed too.
  const fz = [];
  const fzSingle = [];
  const ml = [];
  wall(node, [bin, '--version'], corpus); // warm the file cache
  for (let i = 0; i < 5; i++) {
    fz.push(wall(node, [bin, '.'], corpus));
    ml.push(wall(node, [mdl, '**/*.md', '**/*.txt'], corpus));
    if (i < 3) fzSingle.push(wall(node, [bin, '--concurrency', 'off', '.'], corpus));
  }
  const fzMs = median(fz);
  const mlMs = median(ml);
  const ratio = fzMs / mlMs;
  const pairs = fz.map((t, i) => t / ml[i]).sort((a, b) => a - b);
  rows.push(row(`cli: fzlint, ${files.length} reports (md + txt), --concurrency auto on ${availableParallelism()} cores`, fzMs, "ms", "wall time", true));
  rows.push(row('cli: fzlint --concurrency off (one thread)', median(fzSingle), 'ms', 'wall time', true));
  rows.push(row('cli: markdownlint-cli2, same files, default rules', mlMs, 'ms', 'wall time', true));
  rows.push(row(`cli: fzlint / markdownlint-cli2 (medians; pairs ${pairs[0].toFixed(2)}–${pairs[pairs.length - 1].toFixed(2)})`, ratio.toFixed(2), '', '≤ 0.50', ratio <= 0.5));

  const version = median(Array.from({ length: 11 }, () => wall(node, [bin, '--version'], root)));
  rows.push(row('cli: cold start fzlint --version', version, 'ms', '≤ 150 ms', version <= 150));
  const seed = join(root, 'seeds/003_e57765646851685d.txt');
  const one = median(Array.from({ length: 11 }, () => wall(node, [bin, seed], root)));
  rows.push(row('cli: one report end to end (seed 003, 14 KB)', one, 'ms', '≤ 300 ms', one <= 300));
  const bare = median(Array.from({ length: 11 }, () => wall(node, ['-e', '0'], root)));
  rows.push(row('cli: (reference) node -e 0', bare, 'ms', 'no target', true));
  return rows;
}
