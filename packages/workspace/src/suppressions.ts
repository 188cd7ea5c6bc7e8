import { dirname, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '@fzlint/core';
import type { WorkspaceFs } from './fs.js';
import { READ_LIMITS, readRegularText } from './read-file.js';
import { writeFileAtomic } from './write-file.js';

/**
 * A baseline of known findings, for reports that have no comment syntax (.txt, .docx) or that a
 * team adopts fzlint on with old findings: like ESLint's suppressions file, per file and rule the
 * number of findings that are accepted for now. Later runs report only what goes beyond it, and
 * say when a suppression is no longer needed (the finding was corrected).
 */
export const SUPPRESSIONS_FILE = 'fzlint-suppressions.json';

/** file (relative to the suppressions file's folder, '/'-separated) → rule id → count. */
export type SuppressionCounts = Record<string, Record<string, { count: number }>>;

export class SuppressionsError extends Error {}

export class Suppressions {
  private constructor(
    readonly path: string,
    private counts: SuppressionCounts,
  ) {}

  /** Reads the file if it exists (no file: nothing is suppressed). */
  static async load(fs: WorkspaceFs, path: string): Promise<Suppressions> {
    let text: string | undefined;
    try {
      text = await readRegularText(fs, path, READ_LIMITS.config);
    } catch (e) {
      if ((e as { code?: string }).code !== 'ENOENT') throw new SuppressionsError(`无法读取抑制文件「${path}」：${(e as Error).message}`);
    }
    if (text === undefined) return new Suppressions(path, nullRecord());
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      throw new SuppressionsError(`抑制文件「${path}」不是有效的 JSON：${(e as Error).message}`);
    }
    return new Suppressions(path, validated(data, path));
  }

  get size(): number {
    return Object.keys(this.counts).length;
  }

  private key(file: string): string {
    return relative(dirname(this.path), resolve(file)).split(sep).join('/');
  }

  /**
   * Splits a file's findings into those still reported and those suppressed (per rule, the first
   * `count` in order); `stale` counts suppressions no finding used any more.
   */
  apply(file: string, diagnostics: readonly Diagnostic[]): { reported: Diagnostic[]; suppressed: Diagnostic[]; stale: number } {
    const entry = this.counts[this.key(file)];
    if (!entry) return { reported: [...diagnostics], suppressed: [], stale: 0 };
    const left = new Map(Object.entries(entry).map(([rule, c]) => [rule, c.count]));
    const reported: Diagnostic[] = [];
    const suppressed: Diagnostic[] = [];
    for (const d of diagnostics) {
      const n = left.get(d.ruleId) ?? 0;
      if (n > 0) {
        left.set(d.ruleId, n - 1);
        suppressed.push(d);
      } else reported.push(d);
    }
    let stale = 0;
    for (const n of left.values()) stale += n;
    return { reported, suppressed, stale };
  }

  /** --suppress: accept every current finding of these files (other files' entries kept). */
  record(results: ReadonlyArray<{ filePath: string; diagnostics: readonly Diagnostic[] }>): void {
    for (const r of results) {
      const byRule = nullRecord<{ count: number }>();
      for (const d of r.diagnostics) byRule[d.ruleId] = { count: (byRule[d.ruleId]?.count ?? 0) + 1 };
      const key = this.key(r.filePath);
      if (Object.keys(byRule).length) this.counts[key] = byRule;
      else delete this.counts[key];
    }
  }

  /** --prune-suppressions: lower each count to what these files still have (suppressed findings included). */
  prune(results: ReadonlyArray<{ filePath: string; diagnostics: readonly Diagnostic[] }>): void {
    for (const r of results) {
      const key = this.key(r.filePath);
      const entry = this.counts[key];
      if (!entry) continue;
      for (const [rule, c] of Object.entries(entry)) {
        const now = r.diagnostics.filter((d) => d.ruleId === rule).length;
        if (now === 0) delete entry[rule];
        else c.count = Math.min(c.count, now);
      }
      if (!Object.keys(entry).length) delete this.counts[key];
    }
  }

  async save(fs: WorkspaceFs): Promise<void> {
    const sorted = Object.fromEntries(Object.keys(this.counts).sort().map((f) => [f, Object.fromEntries(Object.keys(this.counts[f]!).sort().map((r) => [r, this.counts[f]![r]!]))]));
    await writeFileAtomic(fs, this.path, `${JSON.stringify(sorted, null, 2)}\n`);
  }
}

function nullRecord<T = Record<string, { count: number }>>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

function validated(data: unknown, path: string): SuppressionCounts {
  const bad = (what: string) => new SuppressionsError(`抑制文件「${path}」格式不对：${what}（应为 { "文件": { "规则 id": { "count": 次数 } } }）`);
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw bad('最外层应为对象');
  const out = nullRecord();
  for (const [file, rules] of Object.entries(data as Record<string, unknown>)) {
    if (!rules || typeof rules !== 'object' || Array.isArray(rules)) throw bad(`「${file}」的值应为对象`);
    const entry = nullRecord<{ count: number }>();
    for (const [rule, value] of Object.entries(rules as Record<string, unknown>)) {
      const count = (value as { count?: unknown } | null)?.count;
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) throw bad(`「${file}」中「${rule}」的 count 应为非负整数`);
      entry[rule] = { count };
    }
    out[file] = entry;
  }
  return out;
}
