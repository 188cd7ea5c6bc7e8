import type { FileResult } from '../results.js';
import { displayPath, type FormatContext } from './context.js';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

/**
 * GitHub Actions workflow commands: one `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`
 * line per finding, shown as annotations on the changed files.
 */
export function formatGithub(results: FileResult[], ctx: FormatContext): string {
  const lines: string[] = [];
  for (const r of results) {
    const file = displayPath(r.filePath, ctx.cwd);
    if (r.error) {
      const p = r.error.problems?.[0];
      const where = p ? `file=${property(p.file)},line=${p.line},col=${p.column}` : `file=${property(file)}`;
      const text = [r.error.message, ...(r.error.problems ?? []).map((x) => `${x.file}:${x.line}:${x.column} ${x.message}`)].join('\n');
      lines.push(`::error ${where},title=${property('fzlint：无法检查')}::${data(text)}`);
    }
    for (const d of r.diagnostics) {
      const props = [
        `file=${property(file)}`,
        `line=${d.range.start.line + 1}`,
        `col=${d.range.start.character + 1}`,
        `endLine=${d.range.end.line + 1}`,
        `endColumn=${d.range.end.character + 1}`,
        `title=${property(d.ruleId)}`,
      ];
      lines.push(`::${COMMAND[d.severity]} ${props.join(',')}::${data(d.place ? `${d.message}（${d.place}）` : d.message)}`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** Escaping of the message part, as @actions/core does it. */
function data(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values additionally escape `:` and `,`. */
function property(s: string): string {
  return data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
