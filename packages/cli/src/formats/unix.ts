import type { FileResult } from '../results.js';
import { SEVERITY_LABEL } from './context.js';

/**
 * One line per finding, `file:line:column: 级别 message [rule]` — the shape compilers use, which
 * editors and the VS Code problem matcher `$fzlint-unix` read.
 */
export function formatUnix(results: FileResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    if (r.error) lines.push(`${r.filePath}:${r.error.problems?.[0]?.line ?? 1}:${r.error.problems?.[0]?.column ?? 1}: ${SEVERITY_LABEL.error} 无法检查：${r.error.message.replace(/\n/g, ' ')} [fzlint/fatal]`);
    for (const d of r.diagnostics) {
      lines.push(`${r.filePath}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${SEVERITY_LABEL[d.severity]} ${d.message.replace(/\n/g, ' ')} [${d.ruleId}]`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
