import { RequestType, type Range } from 'vscode-languageserver';

/**
 * Custom requests of the fzlint server (documented in packages/server/README.md). Exported for
 * clients such as the VS Code extension's checklist view.
 */

export interface ChecklistParams {
  textDocument: { uri: string };
}

export interface ChecklistItem {
  /** Section id (parts and subsections). */
  id?: string;
  /** The rule that recorded it. */
  ruleId: string;
  name: string;
  found: boolean;
  /** Where it was found (in this document, or in `uri` for last year's items). */
  range?: Range;
  uri?: string;
  /** E.g. 正文提及 (satisfied by a mention), 缺少上级部分. */
  detail?: string;
  /** Standard heading from the template (parts and subsections). */
  heading?: string;
  /** Position in the template (parts). */
  order?: number;
}

export interface ChecklistResult {
  uri: string;
  version: number | null;
  /** checked: the lists below are filled; not-report / disabled: the server does not check this document. */
  status: 'checked' | 'not-report' | 'disabled';
  edition?: { id: string; name: string; reason: string };
  year?: number;
  unit?: string;
  /** Required parts of the template, in template order. */
  parts: ChecklistItem[];
  /** Required subsections (e.g. 上一年度存在问题的整改情况 in part 5). */
  subsections: ChecklistItem[];
  dataPoints: ChecklistItem[];
  quantification: ChecklistItem[];
  /** Last year's report and whether its problems are addressed (cross-year facts), when one is known. */
  previous: {
    status: 'none' | 'found' | 'unreadable';
    source?: 'front-matter' | 'setting' | 'config' | 'auto';
    /** How automatic discovery decided (which file, or why none), when no file was named. */
    reason?: string;
    path?: string;
    uri?: string;
    error?: string;
    /** type: previous-problem (addressed this year?) or previous-plan (carried out?). */
    items: Array<ChecklistItem & { type?: string }>;
  };
  /** Facts of other types (future rule kinds), passed through. */
  other: Array<ChecklistItem & { type: string }>;
  counts: { error: number; warning: number; info: number; total: number; fixable: number };
}

export const ChecklistRequest = new RequestType<ChecklistParams, ChecklistResult, void>('fzlint/checklist');
