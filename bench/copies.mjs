// The reviewer's batch: copy search over 1,000 and 5,000 reports (in process, and what it adds to
// a whole fzlint run), and writing Word copies with comments (--annotate).
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine, DEFAULT_COPY_SETTINGS } from '../packages/core/dist/index.js';
import { annotatedCopy, copyFindings, findingComment, readInput } from '../packages/workspace/dist/index.js';
import { generateCorpus } from './cli-corpus.mjs';
import { copyCorpus, writeCopyCorpus } from './copies-corpus.mjs';
import { generators, longReport } from './inputs.mjs';
import { median, row } from './util.mjs';

/** The share copy search may add to the wall time of a 1,000-report run. */
const MAX_ADDED = 0.2;

function searchMs(texts) {
  const reports = texts.map((r, i) => ({ path: `/batch/${i}.txt`, text: r.text, year: 2024, unit: r.unit, copies: { ...DEFAULT_COPY_SETTINGS, severity: 'warning' } }));
  const t = performance.now();
  const found = copyFindings(reports, (p) => p);
  return { ms: performance.now() - t, found: found.flat().length };
}

function wall(args, cwd) {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { cwd, stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
  if (r.status !== 0 && r.status !== 1) throw new Error(`fzlint ${args.join(' ')} failed (exit ${r.status})`);
  return performance.now() - t;
}

/** Medians of fzlint on `dir` with copy search on and off, alternating runs so both see the same load. */
function onOff(bin, dir, runs) {
  const on = [];
  const off = [];
  wall([bin, '--version'], dir);
  for (let i = 0; i < runs; i++) {
    on.push(wall([bin, '.'], dir));
    off.push(wall([bin, '--rule', 'fzlint/copied-passage:off', '.'], dir));
  }
  return { on: median(on), off: median(off) };
}

export async function benchCopies(root) {
  const rows = [];
  const chars = (texts) => `${(texts.reduce((n, r) => n + r.text.length, 0) / 1e6).toFixed(1)} M characters`;

  // In process: the first search of a run is the one the command line makes (nothing compiled yet).
  const thousand = copyCorpus(1000);
  const first = searchMs(thousand);
  if (first.found !== 38) throw new Error(`copies benchmark: expected the 19 planted copied pairs (38 findings), found ${first.found}`);
  const warm = median([1, 2, 3].map(() => searchMs(thousand).ms));
  rows.push(row(`copies: copy search, 1,000 reports (${chars(thousand)}), first run of a process`, first.ms, 'ms', 'reported', true));
  rows.push(row('copies: copy search, 1,000 reports, warm (median of 3)', warm, 'ms', 'reported', true));
  const fiveThousand = copyCorpus(5000);
  const five = median([1, 2, 3].map(() => searchMs(fiveThousand).ms));
  rows.push(row(`copies: copy search, 5,000 reports (${chars(fiveThousand)}), median of 3`, five, 'ms', `≤ ${(5 * warm * 1.5).toFixed(0)} ms (linear: 5 × 1,000 + 50 %)`, five <= 5 * warm * 1.5));

  // What copy search adds to a whole run: the CLI benchmark's corpus, and a batch of distinct reports.
  const bin = join(root, 'packages/cli/bin/fzlint.js');
  const cliDir = join(tmpdir(), 'fzlint-bench-cli');
  generateCorpus(root, cliDir, 1000);
  const cli = onOff(bin, cliDir, 5);
  const cliAdded = cli.on / cli.off - 1;
  rows.push(row('copies: fzlint, 1,000 reports (CLI benchmark corpus), copy search on vs off', `${cli.on.toFixed(0)} vs ${cli.off.toFixed(0)} ms (${fmtPct(cliAdded)})`, '', `≤ +${MAX_ADDED * 100} % wall time`, cliAdded <= MAX_ADDED));
  const distinctDir = join(tmpdir(), 'fzlint-bench-copies');
  writeCopyCorpus(distinctDir, 1000);
  const distinct = onOff(bin, distinctDir, 5);
  const distinctAdded = distinct.on / distinct.off - 1;
  rows.push(row('copies: fzlint, 1,000 distinct reports with 19 copied pairs, copy search on vs off', `${distinct.on.toFixed(0)} vs ${distinct.off.toFixed(0)} ms (${fmtPct(distinctAdded)})`, '', `≤ +${MAX_ADDED * 100} % wall time`, distinctAdded <= MAX_ADDED));
  writeCopyCorpus(distinctDir, 5000);
  const fiveRun = wall([bin, '.'], distinctDir);
  rows.push(row('copies: fzlint, 5,000 distinct reports in one run (wall)', fiveRun, 'ms', 'reported', true));
  rmSync(distinctDir, { recursive: true, force: true });

  // --annotate: a 20-page Word file with its findings as comments, and a text report rendered to Word.
  const { reportDocx } = await generators(root);
  const text = longReport(readFileSync(join(root, 'test/fixtures/inputs/report.txt'), 'utf8'), 20);
  const docx = reportDocx(text, { header: '青禾县市场监督管理局', footnote: '本报告数据截至2024年12月31日。' });
  const engine = createEngine({ readFile: async (p) => readFileSync(p, 'utf8') });
  const config = await engine.loadConfig({ cwd: root });
  const annotate = async (path, bytes) => {
    const input = await readInput(path, bytes);
    const result = engine.lint(input.text, { path, format: input.format, config, regions: input.regions });
    const annotations = result.diagnostics.map((d) => findingComment(d, input.text));
    const times = [];
    for (let i = 0; i < 12; i++) {
      const t = performance.now();
      annotatedCopy({ kind: input.kind, bytes, text: input.text }, annotations);
      times.push(performance.now() - t);
    }
    return { ms: median(times.slice(2)), comments: annotations.length };
  };
  const word = await annotate('report.docx', docx);
  rows.push(row(`annotate: Word copy of a 20-page .docx (${(docx.length / 1024).toFixed(0)} KB) with ${word.comments} comments (median)`, word.ms, 'ms', '≤ 200 ms', word.ms <= 200));
  const plain = await annotate('report.txt', Buffer.from(text));
  rows.push(row(`annotate: 20-page .txt rendered to Word with ${plain.comments} comments (median)`, plain.ms, 'ms', '≤ 200 ms', plain.ms <= 200));
  return rows;
}

function fmtPct(x) {
  return `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)} %`;
}
