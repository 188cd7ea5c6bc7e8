import { basename, isAbsolute, relative, sep } from 'node:path';
import type { FileResult } from '../results.js';
import type { FormatContext } from './context.js';
import { summaryTable, type SummaryColumn } from './summary-table.js';

/**
 * The HTML report's 数据汇总表 (the same columns as -f csv / xlsx, sortable) and its links between
 * copied passages. The page is sent around: it names files relative to the checked folder and
 * never holds an absolute local path.
 */

/** A file as the page shows it: relative to the working folder, or its name alone when outside it. */
export function pagePath(file: string, cwd: string): string {
  if (!isAbsolute(file)) return file;
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : basename(file);
}

/**
 * Text that may name files (notes about last year's report): absolute paths — at the start or
 * after a space, quote or colon, with two segments at least — shown as pagePath does. 参考率/合格率
 * and 2024/12/31 are not paths.
 */
export function scrubPaths(text: string, cwd: string): string {
  return text.replace(/(^|[\s「『《（(：:"'、，,])((?:[A-Za-z]:\\|\/)[^\s/\\「」『』《》（）()，,、；;："']+[/\\][^\s「」『』《》（）()，,、；;："']*[^\s「」『』《》（）()，,、；;："'.。])/g, (_m, before: string, path: string) => before + pagePath(path, cwd));
}

export function summarySection(results: FileResult[], ctx: FormatContext, esc: (s: string) => string): string {
  const table = summaryTable(results, ctx);
  // Parts and finding counts are in the overview above; this table adds the values.
  table.columns = table.columns.filter((c) => !c.key.startsWith('part:') && !['errors', 'warnings', 'infos'].includes(c.key));
  const head = table.columns.map((c) => headerCell(c, esc)).join('');
  const rows = table.rows.map((row, i) => {
    const cells = table.columns.map((c) => {
      const cell = row.cells[c.key] ?? { text: '' };
      const sortKey = c.type === 'mark' ? cell.rank : cell.value;
      const attrs = `${sortKey !== undefined ? ` data-v="${sortKey}"` : ''}${c.type === 'number' ? ' class="num"' : ''}`;
      if (c.key === 'unit') return `<td${attrs}><a href="#report-${i + 1}">${esc(cell.text)}</a></td>`;
      if (c.key === 'file') return `<td class="path">${esc(pagePath(row.result.filePath, ctx.cwd))}</td>`;
      if (c.key === 'copies' && cell.value) return `<td${attrs}><a class="e" href="#copies-${i + 1}">${cell.value}</a></td>`;
      if (c.key.startsWith('sentence:')) return `<td class="excerpt">${esc(cell.text)}</td>`;
      return `<td${attrs}>${esc(cell.text)}</td>`;
    });
    return `<tr data-order="${i}">${cells.join('')}</tr>`;
  });
  return `<h2>数据汇总表</h2>
<p class="meta">各单位报告的数据项取值及其原句（-f csv / -f xlsx 导出的汇总表还含各部分和问题数）。点击表头排序，点击抄袭段落数查看对应段落。</p>
<div class="wide"><table id="summary" data-sortable>
<thead><tr>${head}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table></div>`;
}

function headerCell(c: SummaryColumn, esc: (s: string) => string): string {
  const type = c.type === 'text' ? '' : ' data-type="number"';
  return `<th scope="col"${type}${c.title ? ` title="${esc(c.title)}"` : ''}><button type="button">${esc(c.header)}</button></th>`;
}

/** A report's copied passages, each linking to the report it matches. */
export function copySection(r: FileResult, index: number, results: FileResult[], ctx: FormatContext, esc: (s: string) => string): string {
  const copies = r.diagnostics.filter((d) => d.ruleId === 'fzlint/copied-passage');
  if (!copies.length) return '';
  const items = copies.map((d) => {
    const other = d.related?.[0];
    const target = other?.path ? results.findIndex((o) => o.filePath === other.path) : -1;
    const where = d.place ?? `第 ${d.range.start.line + 1} 行`;
    const link = target >= 0 ? ` <a href="#report-${target + 1}">查看《${esc(pagePath(other!.path!, ctx.cwd))}》第 ${other!.range.start.line + 1} 行</a>` : '';
    return `<li><span class="w">${esc(where)}</span> ${esc(d.message)}${link}</li>`;
  });
  return `<h3 id="copies-${index + 1}">与其他报告基本相同的段落（${copies.length}）</h3><ul>${items.join('')}</ul>`;
}
