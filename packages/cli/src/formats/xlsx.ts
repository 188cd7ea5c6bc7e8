import type { FileResult } from '../results.js';
import type { FormatContext } from './context.js';
import { summaryTable, type SummaryCell } from './summary-table.js';

/**
 * The 汇总表 as an Excel workbook (exceljs): sheet 汇总表 with a row per report (frozen header and
 * unit column, filters, figures as numbers that keep their unit: 19次, 100%), and sheet 抄袭段落
 * with a row per copied passage and the passage it matches in the other report.
 */
export async function formatXlsx(results: FileResult[], ctx: FormatContext): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const table = summaryTable(results, ctx);
  const book = new ExcelJS.Workbook();
  book.creator = `fzlint ${ctx.version}`;
  const sheet = book.addWorksheet('汇总表', { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  sheet.columns = table.columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 14 }));
  for (const row of table.rows) {
    const added = sheet.addRow({});
    table.columns.forEach((c, i) => {
      const cell = added.getCell(i + 1);
      const value = row.cells[c.key];
      if (!value) return;
      cell.value = cellValue(value, c.type);
      const format = numberFormat(value, c.type);
      if (format) cell.numFmt = format;
      if (c.type === 'mark') cell.alignment = { horizontal: 'center' };
      if (c.key.startsWith('sentence:')) cell.alignment = { wrapText: true, vertical: 'top' };
    });
  }
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };

  const copies = book.addWorksheet('抄袭段落', { views: [{ state: 'frozen', ySplit: 1 }] });
  copies.columns = [
    { header: '单位', key: 'unit', width: 30 },
    { header: '文件', key: 'file', width: 40 },
    { header: '位置', key: 'place', width: 14 },
    { header: '说明', key: 'message', width: 60 },
    { header: '另一份报告', key: 'other', width: 40 },
    { header: '对应位置（行）', key: 'otherLine', width: 14 },
    { header: '相似度', key: 'similarity', width: 10 },
  ];
  for (const row of table.rows) {
    for (const d of row.result.diagnostics) {
      if (d.ruleId !== 'fzlint/copied-passage') continue;
      const related = d.related?.[0];
      const added = copies.addRow({
        unit: row.cells.unit?.text,
        file: row.cells.file?.text,
        place: d.place ?? `第 ${d.range.start.line + 1} 行`,
        message: d.message,
        other: related?.path ? displayOther(related.path, ctx) : '',
        otherLine: related ? related.range.start.line + 1 : '',
        similarity: typeof d.data?.similarity === 'number' ? d.data.similarity : '',
      });
      added.getCell('similarity').numFmt = '0%';
    }
  }
  copies.getRow(1).font = { bold: true };
  return new Uint8Array(await book.xlsx.writeBuffer());
}

function displayOther(path: string, ctx: FormatContext): string {
  return path.startsWith(`${ctx.cwd}/`) ? path.slice(ctx.cwd.length + 1) : path;
}

/** A single figure is a number (100% as 1 with a percent format); anything else is text. */
function cellValue(cell: SummaryCell, type: string): string | number {
  if (type === 'mark' || cell.value === undefined) return cell.text;
  if (cell.unit === '%') return cell.value / 100;
  return cell.value;
}

function numberFormat(cell: SummaryCell, type: string): string | undefined {
  if (type === 'mark' || cell.value === undefined || !cell.unit) return undefined;
  if (cell.unit === '%') return Number.isInteger(cell.value) ? '0%' : '0.0#%';
  return `General"${cell.unit.replace(/"/g, '')}"`;
}
