import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { LintResult, OutlineNode } from '@fzlint/core';
import { engine, formatResult, recommended, ROOT, UPDATE } from './helpers.js';

export interface FixtureCase {
  name: string;
  dir: string;
  input: string;
  config?: string;
  edition?: string;
  previous?: string;
  outline: boolean;
}

/** Every folder under test/fixtures holding an input.* or a case.json is one case. */
export function findFixtures(root = join(ROOT, 'test/fixtures')): FixtureCase[] {
  const out: FixtureCase[] = [];
  const walk = (dir: string) => {
    const names = readdirSync(dir).sort();
    const caseFile = join(dir, 'case.json');
    const spec = existsSync(caseFile) ? (JSON.parse(readFileSync(caseFile, 'utf8')) as Record<string, unknown>) : {};
    const input = (spec.input as string | undefined) ?? names.find((n) => /^input\.(md|txt)$/.test(n));
    if (input) {
      out.push({
        name: relative(root, dir),
        dir,
        input: resolve(dir, input),
        config: (spec.config as string | undefined) ?? (names.includes('rules.yaml') ? 'rules.yaml' : undefined),
        edition: spec.edition as string | undefined,
        previous: spec.previous ? resolve(dir, spec.previous as string) : undefined,
        outline: spec.outline === true,
      });
    }
    for (const n of names) if (statSync(join(dir, n)).isDirectory()) walk(join(dir, n));
  };
  walk(root);
  return out;
}

export async function runFixture(c: FixtureCase) {
  const config = c.config ? await engine.loadConfig({ file: resolve(c.dir, c.config) }) : await recommended();
  const text = readFileSync(c.input, 'utf8');
  const options = {
    path: c.input,
    config,
    edition: c.edition,
    previous: c.previous ? { path: c.previous, text: readFileSync(c.previous, 'utf8') } : undefined,
  };
  return { text, options, result: engine.lint(text, options) };
}

/** Compares with the golden file, or rewrites it when FZLINT_UPDATE_FIXTURES=1. Returns the expected text. */
export function golden(file: string, actual: string): string {
  if (UPDATE) {
    writeFileSync(file, actual);
    return actual;
  }
  // A case without its expected output is not a passing case: write it with the update flag, then read it.
  if (!existsSync(file)) throw new Error(`缺少期望输出 ${relative(ROOT, file)}：运行 npm run test:update 生成，并逐行核对`);
  return readFileSync(file, 'utf8');
}

export function formatOutline(result: LintResult): string {
  const lines: string[] = [];
  const doc = result.document;
  const m = doc.meta;
  lines.push(`title: ${result.report.title?.value ?? '—'}`);
  lines.push(`year: ${m.year ? `${m.year.value} (${m.year.source})` : '—'}`);
  lines.push(`unit: ${m.unit ? `${m.unit.value} (${m.unit.source})` : '—'}`);
  lines.push(`region: ${result.report.region ? `${result.report.region.value} (${result.report.region.source}${result.report.region.via ? ` ${result.report.region.via}` : ''})` : '—'}`);
  lines.push(`signature: ${m.signature ? `${m.signature.unit?.text ?? '—'} / ${m.signature.date?.text ?? '—'}` : '—'}`);
  if (result.report.edition) lines.push(`edition: ${result.report.edition.id} — ${result.report.edition.because}`);
  const walk = (n: OutlineNode, indent: string) => {
    for (const c of n.children) {
      const p = doc.lines.positionAt(c.start);
      const recognised = result.sections.recognisedAs(c).map((d) => d.id);
      lines.push(
        `${indent}${c.marker?.text ?? '#'}${c.midParagraph ? ' (mid)' : ''} ${p.line + 1}:${p.character + 1} ${c.title.slice(0, 30)}${recognised.length ? `  => ${recognised.join(', ')}` : ''}`,
      );
      walk(c, `${indent}  `);
    }
  };
  walk(doc.outline, '');
  return `${lines.join('\n')}\n`;
}

export { formatResult };
