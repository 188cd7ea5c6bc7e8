/** Public types of the fzlint engine. Offsets are UTF-16 code-unit indices into the document text. */

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

/** 0-based line and UTF-16 column, as LSP uses. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export interface Fix {
  /** Chinese description shown in quick-fix menus. */
  title: string;
  edits: TextEdit[];
}

export interface RelatedLocation {
  /** Absent means the linted document itself; otherwise another file (e.g. last year's report). */
  path?: string;
  start: number;
  end: number;
  range: Range;
  message: string;
}

export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  range: Range;
  /** A fix that is certain; applied by --fix and "fix all". */
  fix?: Fix;
  /** Fixes a person must choose (offered in the editor, never applied automatically). */
  suggestions?: Fix[];
  related?: RelatedLocation[];
  /** Kind-specific facts (e.g. which section), for hovers and reports. */
  data?: Record<string, unknown>;
}

export interface Logger {
  debug?(message: string): void;
  info?(message: string): void;
  warn?(message: string): void;
  error?(message: string): void;
}

/** A problem in a config or rule file, with the 1-based position of the offending YAML node. */
export interface ConfigProblem {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  message: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`).join('\n'));
    this.name = 'ConfigError';
  }
}

/** Where a rule (or section) was defined. */
export interface RuleOrigin {
  /** File the rule was defined in (a built-in pack shows as rules/<name>.yaml). */
  file: string;
  /** Path of the rule's node in that file, e.g. ['rules', 'gd2024/title']. */
  path: Array<string | number>;
  pack?: string;
}
