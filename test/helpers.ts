import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngine, type Diagnostic, type EngineEnvironment, type LintResult } from '@fzlint/core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SEEDS = join(ROOT, 'seeds');
export const UPDATE = process.env.FZLINT_UPDATE_FIXTURES === '1';

export const SEED_FILES = {
  '000': '000_77e5e177b521e10d.txt',
  '001': '001_4d5ef86d9f493241.txt',
  '002': '002_07fb1cf96b8e0586.txt',
  '003': '003_e57765646851685d.txt',
  '004': '004_df76674e5aab05b8.txt',
} as const;

export function seedPath(id: keyof typeof SEED_FILES): string {
  return join(SEEDS, SEED_FILES[id]);
}

export function readSeed(id: keyof typeof SEED_FILES): string {
  return readFileSync(seedPath(id), 'utf8');
}

/** A file environment over a map of in-memory files, falling back to the disk. */
export function memoryEnv(files: Record<string, string> = {}): EngineEnvironment {
  return {
    async readFile(path) {
      if (path in files) return files[path]!;
      return readFile(path, 'utf8');
    },
  };
}

export const engine = createEngine(memoryEnv());

let defaultConfig: ReturnType<typeof engine.loadConfig> | undefined;
export function recommended() {
  return (defaultConfig ??= engine.loadConfig());
}

/** Lints text with the built-in recommended config, or with rule-file YAML given as text. */
export async function lintText(text: string, options: { path?: string; rules?: string; edition?: string } = {}): Promise<LintResult> {
  const config = options.rules
    ? await createEngine(memoryEnv({ '/virtual/.fzlint.yaml': options.rules })).loadConfig({ file: '/virtual/.fzlint.yaml' })
    : await recommended();
  return engine.lint(text, { path: options.path ?? '/virtual/report.md', config, edition: options.edition });
}

export function ids(result: LintResult): string[] {
  return result.diagnostics.map((d) => d.ruleId);
}

function pos(d: { range: Diagnostic['range'] }): string {
  return `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1}`;
}

function quote(s: string): string {
  return JSON.stringify(s);
}

/** The golden form of a lint result: one line per finding, its fix, suggestions and related locations indented below. */
export function formatResult(result: LintResult): string {
  const lines: string[] = [];
  const meta = result.document.meta;
  lines.push(`# edition: ${result.edition ? `${result.edition.id} (${result.edition.reason})` : '—'} · year: ${result.year ?? '—'} · unit: ${meta.unit?.value ?? '—'}`);
  // A report in traditional script is quoted as written (the engine matches its simplified view).
  const text = result.document.original ?? result.document.text;
  const lineOf = (offset: number) => result.document.lines.positionAt(offset);
  const at = (start: number, end: number) => {
    const a = lineOf(start);
    const b = lineOf(end);
    return `${a.line + 1}:${a.character + 1}-${b.line + 1}:${b.character + 1}`;
  };
  for (const d of result.diagnostics) {
    lines.push(`${pos(d)} ${d.severity} ${d.ruleId} ${d.message}`);
    lines.push(`  on ${quote(text.slice(d.start, Math.min(d.end, d.start + 40)))}`);
    if (d.fix) for (const e of d.fix.edits) lines.push(`  fix ${d.fix.title} @${at(e.start, e.end)} ${quote(e.text)}`);
    for (const s of d.suggestions ?? []) for (const e of s.edits) lines.push(`  suggest ${s.title} @${at(e.start, e.end)} ${quote(e.text)}`);
    for (const r of d.related ?? []) lines.push(`  related ${r.path ? `${r.path.split('/').pop()}:` : ''}${pos(r)} ${r.message}`);
  }
  return `${lines.join('\n')}\n`;
}
