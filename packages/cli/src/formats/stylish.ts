import type { FileResult } from '../lint-files.js';

const LABEL = { error: '错误', warning: '警告', info: '提示' } as const;

export interface StylishOptions {
  color: boolean;
}

/** Grouped by file, one line per finding, a summary at the end (ESLint's stylish, in Chinese). */
export function formatStylish(results: FileResult[], options: StylishOptions): string {
  const c = (code: string, s: string) => (options.color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let fixable = 0;
  for (const r of results) {
    if (!r.diagnostics.length && !r.notes.length) continue;
    lines.push(c('4', r.filePath));
    for (const note of r.notes) lines.push(`  ${c('2', note)}`);
    for (const d of r.diagnostics) {
      const pos = `${d.range.start.line + 1}:${d.range.start.character + 1}`;
      const sev = d.severity === 'error' ? c('31', LABEL.error) : d.severity === 'warning' ? c('33', LABEL.warning) : c('36', LABEL.info);
      lines.push(`  ${pos.padEnd(8)}${sev}  ${d.message}  ${c('2', d.ruleId)}`);
      if (d.severity === 'error') errors++;
      else if (d.severity === 'warning') warnings++;
      else infos++;
      if (d.fix) fixable++;
    }
    lines.push('');
  }
  const total = errors + warnings + infos;
  if (total === 0) return results.length ? c('32', `✓ ${results.length} 份报告，未发现问题`) + '\n' : '';
  const summary = `✖ ${results.length} 份报告，共 ${total} 个问题（${errors} 个错误，${warnings} 个警告，${infos} 个提示）`;
  lines.push(c(errors ? '31;1' : '33;1', summary));
  if (fixable) lines.push(c('2', `  其中 ${fixable} 个可用 --fix 自动修复`));
  return lines.join('\n') + '\n';
}
