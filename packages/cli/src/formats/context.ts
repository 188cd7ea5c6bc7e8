import { isAbsolute, relative, sep } from 'node:path';
import type { SkippedFile } from '../files/collect.js';
import type { FileResult, RuleInfo } from '../results.js';

/** What every format gets besides the results. */
export interface FormatContext {
  cwd: string;
  color: boolean;
  version: string;
  /** Metadata of every rule that ran or reported, by id. */
  rules: Map<string, RuleInfo>;
  /** The rule docs (generated rules.html) of the run's config: SARIF's informationUri. */
  docsUrl?: string;
  /** Files met in folders that are not reports, with the reason (listed under the summary). */
  skipped?: SkippedFile[];
}

/** The skipped files, grouped by reason, at most a few names per reason. */
export function skippedText(skipped: SkippedFile[], cwd: string): string {
  const byReason = new Map<string, string[]>();
  for (const f of skipped) byReason.set(f.reason, [...(byReason.get(f.reason) ?? []), displayPath(f.path, cwd)]);
  const lines = [`跳过 ${skipped.length} 个不是报告的文件：`];
  for (const [reason, files] of byReason) {
    const shown = files.slice(0, 5).join('、');
    lines.push(`  ${reason}：${shown}${files.length > 5 ? ` 等 ${files.length} 个` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Text formats return a string; binary ones (xlsx) bytes, possibly later. */
export type Formatter = (results: FileResult[], ctx: FormatContext) => string | Uint8Array | Promise<string | Uint8Array>;

/** A path as the user typed it: relative to the working directory when inside it. */
export function displayPath(file: string, cwd: string): string {
  if (!isAbsolute(file)) return file;
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : file;
}

export const SEVERITY_LABEL = { error: '错误', warning: '警告', info: '提示' } as const;
