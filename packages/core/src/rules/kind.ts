import type { ReportDocument } from '../document/parse.js';
import type { Fix, RuleOrigin, Severity, TextEdit } from '../types.js';
import type { SectionDefinition, SectionIndex } from './sections.js';
import type { PreviousReport } from './previous.js';

/** A JSON Schema fragment (draft-07 subset). */
export type JsonSchema = Record<string, unknown>;

/** A rule as written in YAML after merging: common fields plus the kind's options. */
export interface RuleDefinition {
  id: string;
  kind: string;
  severity: Severity | 'off';
  message?: string;
  messages?: Record<string, string>;
  description?: string;
  doc?: string;
  source?: string;
  url?: string;
  edition?: string;
  /** Report years the rule applies to (both ends included); the rule is skipped when the year is unknown. */
  years?: YearRange;
  /** Everything else: the kind's options. */
  options: Record<string, unknown>;
  origin: RuleOrigin;
}

export interface YearRange {
  from?: number;
  to?: number;
}

/** Whether a rule restricted to `years` runs for a report of `year`. */
export function appliesToYear(years: YearRange | undefined, year: number | undefined): boolean {
  if (!years) return true;
  if (year === undefined) return false;
  return (years.from === undefined || year >= years.from) && (years.to === undefined || year <= years.to);
}

export type { RuleOrigin } from '../types.js';

/** A figure a data rule read as the value of its item (55次, 100%), for the reviewer's table. */
export interface FactValue {
  value: number;
  /** As written after the number, with 万/亿 and 余/多 (次, %, 万余件). */
  unit: string;
  /** The figure as written (55次). */
  text: string;
  /** What the figure states: the rate (合格率) or the keyword it goes with (党组会). */
  label?: string;
  start: number;
  end: number;
  /** The sentence it was found in (trimmed, at most 120 characters). */
  sentence: string;
}

export interface Fact {
  type: 'section' | 'subsection' | 'data-point' | 'quantification' | 'meta' | string;
  ruleId: string;
  /** Section id for section and subsection facts. */
  id?: string;
  name: string;
  found: boolean;
  start?: number;
  end?: number;
  detail?: string;
  /** Previous-year file, for cross-year facts. */
  path?: string;
  /** Data-point facts: every value found for the item, in document order. */
  values?: FactValue[];
}

export interface ReportInput {
  start: number;
  end: number;
  /** Overrides the rule's message; otherwise `messageId` picks one of the kind's messages. */
  message?: string;
  messageId?: string;
  data?: Record<string, unknown>;
  fix?: Fix;
  suggestions?: Fix[];
  related?: Array<{ start: number; end: number; message: string; path?: string; doc?: ReportDocument }>;
}

export interface RuleContext {
  doc: ReportDocument;
  /** The report year, if known. */
  year?: number;
  sections: SectionIndex;
  previous?: PreviousReport;
  rule: RuleDefinition;
  report(input: ReportInput): void;
  record(fact: Omit<Fact, 'ruleId'>): void;
  /**
   * Call once per pass of a loop whose length grows with the report (sentences, blocks, matches):
   * throws when the rule's time budget is spent, so the engine can stop it. Cheap (a counter).
   * `cost`: how many passes of an inner loop the step stands for (default 1).
   */
  checkpoint(cost?: number): void;
}

export type Check = (ctx: RuleContext) => void;

export interface CompileContext {
  /** Resolves a section id as seen from this rule's edition. */
  section(id: string): SectionDefinition | undefined;
  /** All section definitions visible to the rule's edition. */
  allSections(): SectionDefinition[];
  /** Reports a problem with an option; `path` is relative to the rule node. */
  problem(path: Array<string | number>, message: string): void;
}

export interface RuleKind {
  name: string;
  /** One line, Chinese. */
  summary: string;
  /** Longer Chinese explanation for generated docs. */
  docs: string;
  /** JSON Schema of the kind's options (properties of the rule object). */
  options: Record<string, JsonSchema>;
  required?: string[];
  /** Message templates by id; `default` is used unless the check picks another. {{name}} placeholders. */
  messages: Record<string, string> & { default: string };
  /** Placeholders available in messages, documented. */
  placeholders?: Record<string, string>;
  fixable?: 'fix' | 'suggestion';
  /** An example rule in YAML for the docs (without the id line). */
  example: string;
  compile(rule: RuleDefinition, ctx: CompileContext): Check;
}

export function defineKind(kind: RuleKind): RuleKind {
  return kind;
}

/** A helper for fixes: one edit. */
export function editFix(title: string, edit: TextEdit): Fix {
  return { title, edits: [edit] };
}

/** Formats {{placeholders}} from data; unknown ones are left as written. */
export function formatMessage(template: string, data: Record<string, unknown> | undefined): string {
  if (!data) return template;
  return template.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, key: string) => {
    // Only the data's own keys: {{constructor}} in a message is not a JavaScript function.
    const v = Object.hasOwn(data, key) ? data[key] : undefined;
    if (v === undefined || v === null) return whole;
    return Array.isArray(v) ? v.join('、') : String(v);
  });
}
