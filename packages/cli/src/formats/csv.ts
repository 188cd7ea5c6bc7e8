import type { FileResult } from '../results.js';
import type { FormatContext } from './context.js';
import { summaryTable } from './summary-table.js';

/**
 * The 汇总表 as CSV: UTF-8 with a byte order mark (so Excel and WPS open the Chinese right), CRLF
 * line ends, fields quoted as RFC 4180 says. Text that a spreadsheet would take for a formula
 * (=, +, @ at the start) is prefixed with an apostrophe.
 */
export function formatCsv(results: FileResult[], ctx: FormatContext): string {
  const table = summaryTable(results, ctx);
  const lines = [table.columns.map((c) => field(c.header))];
  for (const row of table.rows) lines.push(table.columns.map((c) => field(row.cells[c.key]?.text ?? '')));
  return `\ufeff${lines.map((l) => l.join(',')).join('\r\n')}\r\n`;
}

function field(text: string): string {
  const safe = /^[=+@\t\r]/.test(text) || /^-[^\d]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
