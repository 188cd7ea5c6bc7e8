import { totals, type FileResult } from '../results.js';
import { displayPath, SEVERITY_LABEL, skippedText, type FormatContext } from './context.js';

/** Grouped by file, one line per finding, a summary at the end (ESLint's stylish, in Chinese). */
export function formatStylish(results: FileResult[], ctx: FormatContext): string {
  const c = (code: string, s: string) => (ctx.color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const lines: string[] = [];
  for (const r of results) {
    if (!r.diagnostics.length && !r.error && !r.fix?.applied && !r.fix?.skipped) continue;
    lines.push(c('4', displayPath(r.filePath, ctx.cwd)));
    for (const note of r.notes) lines.push(`  ${c('2', note)}`);
    if (r.error) {
      lines.push(`  ${c('31', '无法检查')}  ${r.error.message}`);
      for (const p of r.error.problems ?? []) lines.push(`    ${p.file}:${p.line}:${p.column}  ${p.message}`);
    }
    if (r.fix?.written) lines.push(`  ${c('32', `已自动修复 ${r.fix.applied} 处`)}`);
    let shown = '';
    for (const d of r.diagnostics) {
      // A place the user can find in the original file (第 3 段, 页眉, 第 2 页第 5 行) when the reader gave one.
      const pos = d.place ?? `${d.range.start.line + 1}:${d.range.start.character + 1}`;
      const sev = d.severity === 'error' ? c('31', SEVERITY_LABEL.error) : d.severity === 'warning' ? c('33', SEVERITY_LABEL.warning) : c('36', SEVERITY_LABEL.info);
      lines.push(`  ${padWidth(pos, 8, d.place ? 1 : 0)}${sev}  ${d.message}  ${c('2', d.ruleId)}`);
      // A line of these reports is a whole paragraph (5:327): the words themselves say where.
      // Several findings on one spot (the document's first sentence) show it once.
      const context = `${d.start}:${d.end}` === shown ? undefined : contextOf(r.source, d.start, d.end);
      shown = `${d.start}:${d.end}`;
      if (context) lines.push(`          ${c('2', '…')}${context.before}${c('4', context.match)}${context.after}${c('2', '…')}`);
    }
    lines.push('');
  }
  const t = totals(results);
  const problems = t.errors + t.warnings + t.infos;
  const skipped = ctx.skipped?.length ? c('2', skippedText(ctx.skipped, ctx.cwd)) : '';
  if (problems === 0 && !t.failedFiles) {
    return results.length ? `${lines.join('\n')}${c('32', `✓ ${results.length} 份报告，未发现问题`)}\n${skipped}` : skipped;
  }
  const parts = [`${t.errors} 个错误`, `${t.warnings} 个警告`, `${t.infos} 个提示`];
  let summary = `✖ ${results.length} 份报告，共 ${problems} 个问题（${parts.join('，')}）`;
  if (t.failedFiles) summary += `，${t.failedFiles} 份无法检查`;
  lines.push(c(t.errors || t.failedFiles ? '31;1' : '33;1', summary));
  if (t.fixable) lines.push(c('2', `  其中 ${t.fixable} 个可用 --fix 自动修复`));
  return `${lines.join('\n')}\n${skipped}`;
}

const CONTEXT_AROUND = 12;
const CONTEXT_MATCH = 40;

/** The finding's words with a few characters either side, on one line; none for a finding without its own text. */
export function contextOf(source: string, start: number, end: number): { before: string; match: string; after: string } | undefined {
  if (!source || end <= start || start >= source.length) return undefined;
  const flat = (s: string) => s.replace(/\r\n|\r|\n/g, '⏎').replace(/\t/g, ' ');
  const lineStart = Math.max(source.lastIndexOf('\n', start - 1) + 1, start - CONTEXT_AROUND);
  const nl = source.indexOf('\n', end);
  const lineEnd = Math.min(nl < 0 ? source.length : nl, end + CONTEXT_AROUND);
  const matchText = source.slice(start, end);
  const match = matchText.length > CONTEXT_MATCH ? `${matchText.slice(0, CONTEXT_MATCH)}…` : matchText;
  return { before: flat(source.slice(lineStart, start)), match: flat(match), after: end < lineEnd ? flat(source.slice(end, lineEnd)).replace(/\r$/, '') : '' };
}

/** Pads to a display width: Chinese characters take two columns. */
function padWidth(s: string, width: number, min: number): string {
  const w = [...s].reduce((n, ch) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);
  return s + ' '.repeat(Math.max(min, width - w));
}
