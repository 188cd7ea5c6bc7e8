import type { ConfigProblem, CopySettings, Diagnostic, Fact, Severity } from '@fzlint/core';
import type { InputKind, InputPlace } from '@fzlint/workspace';

/** What the formats need to know about a rule (plain data: it crosses worker threads). */
export interface RuleInfo {
  id: string;
  severity: string;
  kind?: string;
  description?: string;
  doc?: string;
  /** The guideline the rule is based on. */
  source?: string;
  url?: string;
  /** Pack or config file the rule comes from, e.g. fzlint:guangdong-2024. */
  pack?: string;
  edition?: string;
}

/** What the engine read the report to be (JSON `report`, headers, the dashboard). */
export interface ReportMetaOut {
  title?: string;
  year?: number;
  unit?: string;
  /** Province-level region (广东省). */
  region?: string;
  edition?: string;
  editionName?: string;
  /** Why this edition (广东省2024年度报告 / 未能识别报告年度 …). */
  editionBecause?: string;
  /**
   * Where each was read: title, opening, heading, signature, front-matter, body (place names in the
   * text), unit (the region, from the unit's name), config; for the edition: year, pinned, default.
   */
  sources?: { title?: string; year?: string; unit?: string; region?: string; edition?: string };
  /** The place name the region was read from (越秀区). */
  regionVia?: string;
}

/** A file that could not be checked (exit code 2). */
export interface FileError {
  /** internal: fzlint failed on this file (a bug); the other files are checked as usual. */
  kind: 'io' | 'input' | 'config' | 'write' | 'internal';
  message: string;
  problems?: ConfigProblem[];
  /** For internal errors: shown with FZLINT_DEBUG only. */
  stack?: string;
}

/** A finding with, when the reader knows it, its place in the original file: 第 3 段, 页眉, 第 2 页第 5 行. */
export type FileDiagnostic = Diagnostic & { place?: string };

/** The outcome for one report: plain data (structured-cloned from worker threads). */
export interface FileResult {
  /** Absolute path, or `<stdin>`. */
  filePath: string;
  kind?: InputKind;
  /** e.g. UTF-8, GB18030/GBK, for the notes line. */
  encoding?: string;
  /** The text that was linted (after --fix, the fixed text). */
  source: string;
  diagnostics: FileDiagnostic[];
  facts: Fact[];
  /** Informational lines shown under the file name. */
  notes: string[];
  meta: ReportMetaOut;
  /** Last year's report used for cross-year checks. */
  previous?: string;
  /** What automatic discovery of last year's report decided (Chinese), when it ran. */
  discovery?: string;
  /** --timing: milliseconds per rule id (and fzlint/parse). */
  timing?: Record<string, number>;
  /** output: the fixed text (--fix-dry-run, for ESLint's `output` in JSON). */
  fix?: { applied: number; written: boolean; diff?: string; output?: string; skipped?: string };
  error?: FileError;
  /** Findings hidden by the suppressions file (ESLint's suppressedMessages). */
  suppressed?: Diagnostic[];
  /** Excluded by the config's `ignores` / `files`: not a result, dropped by the caller. */
  ignored?: boolean;
  /** What the batch passes over all results need (copy search, annotated copies); dropped before output. */
  batch?: {
    /** Where the body ends in `source` (regions follow). */
    bodyEnd?: number;
    /** The reader's places (Word paragraphs, PDF pages), when lines are not lines of the file. */
    places?: InputPlace[];
    /** fzlint/copied-passage for this file: severity and `copies:` settings; absent when off. */
    copies?: CopySettings & { severity: Severity };
  };
  /** Metadata of rules this result refers to that the caller has not seen yet. */
  rules?: RuleInfo[];
}

export interface Totals {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  fixable: number;
  failedFiles: number;
}

export function totals(results: readonly FileResult[]): Totals {
  const t: Totals = { files: results.length, errors: 0, warnings: 0, infos: 0, fixable: 0, failedFiles: 0 };
  for (const r of results) {
    if (r.error) t.failedFiles++;
    for (const d of r.diagnostics) {
      if (d.severity === 'error') t.errors++;
      else if (d.severity === 'warning') t.warnings++;
      else t.infos++;
      if (d.fix) t.fixable++;
    }
  }
  return t;
}

export function countBySeverity(r: FileResult): { errors: number; warnings: number; infos: number } {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const d of r.diagnostics) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}
