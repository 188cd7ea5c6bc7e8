import type { FileResult } from '../lint-files.js';

/** ESLint's JSON formatter shape (severity 1 = warning or info, 2 = error; columns 1-based). */
export function formatJson(results: FileResult[]): string {
  return JSON.stringify(
    results.map((r) => ({
      filePath: r.filePath,
      messages: r.diagnostics.map((d) => ({
        ruleId: d.ruleId,
        severity: d.severity === 'error' ? 2 : 1,
        level: d.severity,
        message: d.message,
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        endLine: d.range.end.line + 1,
        endColumn: d.range.end.character + 1,
        ...(d.fix ? { fix: { range: fixRange(d.fix.edits), text: fixText(r.source, d.fix.edits) } } : {}),
      })),
      errorCount: r.diagnostics.filter((d) => d.severity === 'error').length,
      warningCount: r.diagnostics.filter((d) => d.severity === 'warning').length,
      infoCount: r.diagnostics.filter((d) => d.severity === 'info').length,
      fixableErrorCount: r.diagnostics.filter((d) => d.severity === 'error' && d.fix).length,
      fixableWarningCount: r.diagnostics.filter((d) => d.severity !== 'error' && d.fix).length,
      ...(r.meta ? { report: r.meta } : {}),
    })),
    null,
    2,
  );
}

type Edit = { start: number; end: number; text: string };

function fixRange(edits: Edit[]): [number, number] {
  return [Math.min(...edits.map((e) => e.start)), Math.max(...edits.map((e) => e.end))];
}

/** ESLint's fix is one replacement; several edits become one spanning edit. */
function fixText(source: string, edits: Edit[]): string {
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
