import type { TextEdit } from '@fzlint/core';
import type { FileResult } from '../results.js';
import type { FormatContext } from './context.js';

/**
 * ESLint's JSON formatter shape: severity 1 = warning or info, 2 = error; lines and columns
 * 1-based; `fix` is one replacement over UTF-16 offsets. A file that could not be checked has one
 * fatal message (ruleId null), as ESLint reports parse errors. `level` and `report` are additions.
 */
export function formatJson(results: FileResult[], _ctx?: FormatContext): string {
  return `${JSON.stringify(results.map(toEslint), null, 2)}\n`;
}

function toEslint(r: FileResult) {
  const messages: object[] = r.error
    ? [{ ruleId: null, fatal: true, severity: 2, message: errorText(r), line: r.error.problems?.[0]?.line ?? 1, column: r.error.problems?.[0]?.column ?? 1 }]
    : [];
  for (const d of r.diagnostics) {
    messages.push({
      ruleId: d.ruleId,
      severity: d.severity === 'error' ? 2 : 1,
      level: d.severity,
      message: d.message,
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      endLine: d.range.end.line + 1,
      endColumn: d.range.end.character + 1,
      // Where it is in the original file when lines of the text are not its lines (第 3 段, 页眉, 第 2 页第 5 行).
      ...(d.place ? { place: d.place } : {}),
      ...(d.fix ? { fix: { range: fixRange(d.fix.edits), text: fixText(r.source, d.fix.edits) } } : {}),
      // Where the finding points to besides (the other report of a copied passage, last year's report): an addition to ESLint's shape.
      ...(d.related?.length ? { related: d.related.map((rel) => ({ filePath: rel.path ?? r.filePath, line: rel.range.start.line + 1, column: rel.range.start.character + 1, endLine: rel.range.end.line + 1, endColumn: rel.range.end.character + 1, message: rel.message })) } : {}),
      ...(d.suggestions?.length ? { suggestions: d.suggestions.map((s) => ({ desc: s.title, fix: { range: fixRange(s.edits), text: fixText(r.source, s.edits) } })) } : {}),
    });
  }
  const count = (sev: string, fixable = false) => r.diagnostics.filter((d) => d.severity === sev && (!fixable || d.fix)).length;
  return {
    filePath: r.filePath,
    messages,
    suppressedMessages: (r.suppressed ?? []).map((d) => ({ ruleId: d.ruleId, severity: d.severity === 'error' ? 2 : 1, level: d.severity, message: d.message, line: d.range.start.line + 1, column: d.range.start.character + 1, suppressions: [{ kind: 'file', justification: '' }] })),
    errorCount: count('error') + (r.error ? 1 : 0),
    fatalErrorCount: r.error ? 1 : 0,
    // ESLint's severity 1 covers warnings and infos alike; the counts keep them apart, as stylish does.
    warningCount: count('warning'),
    infoCount: count('info'),
    fixableErrorCount: count('error', true),
    fixableWarningCount: count('warning', true),
    fixableInfoCount: count('info', true),
    usedDeprecatedRules: [],
    // ESLint's `output`: the fixed text, written (--fix) or not (--fix-dry-run).
    ...(r.fix?.written ? { output: r.source } : r.fix?.output !== undefined ? { output: r.fix.output } : {}),
    report: { ...r.meta, ...(r.kind ? { kind: r.kind } : {}), ...(r.encoding ? { encoding: r.encoding } : {}), ...(r.previous ? { previous: r.previous } : {}), ...(r.discovery ? { previousDiscovery: r.discovery } : {}) },
  };
}

function errorText(r: FileResult): string {
  const problems = r.error!.problems?.map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`) ?? [];
  return [r.error!.message, ...problems].join('\n');
}

function fixRange(edits: TextEdit[]): [number, number] {
  return [Math.min(...edits.map((e) => e.start)), Math.max(...edits.map((e) => e.end))];
}

/** ESLint's fix is one replacement; several edits become one spanning edit. */
function fixText(source: string, edits: TextEdit[]): string {
  const [start, end] = fixRange(edits);
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = '';
  let pos = start;
  for (const e of sorted) {
    out += source.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  return out + source.slice(pos, end);
}
