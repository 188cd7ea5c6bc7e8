import type { LineIndex } from '../text/line-index.js';
import type { HtmlComment } from './blocks.js';

/**
 * Inline directives in Markdown HTML comments:
 *   <!-- fzlint-disable rule-a rule-b -->   until a matching enable (no ids = every rule)
 *   <!-- fzlint-enable rule-a -->
 *   <!-- fzlint-disable-next-line rule-a -->
 *   <!-- fzlint-disable-line rule-a -->
 */
export interface DisableDirective {
  type: 'disable' | 'enable' | 'disable-next-line' | 'disable-line';
  /** Empty = all rules. */
  ruleIds: string[];
  line: number;
  start: number;
  end: number;
}

const DIRECTIVE = /^fzlint-(disable-next-line|disable-line|disable|enable)(?:\s+([\s\S]*))?$/;

export function parseDisableDirectives(comments: HtmlComment[], lines: LineIndex): DisableDirective[] {
  const out: DisableDirective[] = [];
  for (const c of comments) {
    const m = DIRECTIVE.exec(c.text);
    if (!m) continue;
    const ids = (m[2] ?? '').split(/[\s,，]+/).filter(Boolean);
    out.push({ type: m[1] as DisableDirective['type'], ruleIds: ids, line: lines.positionAt(c.start).line, start: c.start, end: c.end });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Returns a function telling which directive, if any, disables a rule at a line. */
export function disabledAt(directives: DisableDirective[]): (ruleId: string, line: number, offset: number) => DisableDirective | undefined {
  if (directives.length === 0) return () => undefined;
  return (ruleId, line, offset) => {
    let disabling: DisableDirective | undefined;
    for (const d of directives) {
      const applies = d.ruleIds.length === 0 || d.ruleIds.includes(ruleId);
      if (!applies) continue;
      if (d.type === 'disable-next-line' && d.line + 1 === line) return d;
      if (d.type === 'disable-line' && d.line === line) return d;
      if (d.start > offset) continue;
      if (d.type === 'disable') disabling = d;
      else if (d.type === 'enable') disabling = undefined;
    }
    return disabling;
  };
}
