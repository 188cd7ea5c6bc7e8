#!/usr/bin/env node
// `npm run bench`: every figure next to its target. Never part of `npm test`.
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchCli } from './cli.mjs';
import { benchCopies } from './copies.mjs';
import { benchCrossYear } from './cross-year.mjs';
import { benchEngine } from './engine.mjs';
import { benchInputs } from './inputs.mjs';
import { benchLsp } from './lsp.mjs';
import { printTable } from './util.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv[2];
console.log(`fzlint benchmarks — ${new Date().toISOString().slice(0, 10)} — node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`);
const suites = { engine: benchEngine, 'cross-year': benchCrossYear, inputs: benchInputs, cli: benchCli, copies: benchCopies, lsp: benchLsp };
const rows = [];
for (const [name, fn] of Object.entries(suites)) {
  if (only && only !== name) continue;
  rows.push(...(await fn(root)));
}
printTable(rows);
