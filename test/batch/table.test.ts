import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { scrubPaths } from '../../packages/cli/src/formats/html-summary.js';
import { runMain, tempDir } from '../cli/cli-helpers.js';
import { ROOT, SEEDS } from '../helpers.js';

const BATCH = join(ROOT, 'test/fixtures/batch/reports');

/** The batch fixture and the seeds in a folder of their own (the seeds' last-year discovery stays inside it). */
function folder(): string {
  const dir = tempDir();
  cpSync(BATCH, join(dir, 'reports'), { recursive: true });
  cpSync(SEEDS, join(dir, 'reports/seeds'), { recursive: true });
  return dir;
}

/** RFC 4180 fields of a CSV text. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field), rows.push(row), (row = []), (field = ''), i++;
    } else field += c;
  }
  return rows;
}

describe('the 汇总表: -f csv and -f xlsx', () => {
  it('csv: UTF-8 with BOM, a row per report with parts, data values and their sentences, counts and copies', async () => {
    const dir = folder();
    const run = await runMain(['-f', 'csv:汇总表.csv', 'reports'], { cwd: dir });
    expect(run.code).toBeLessThan(2);
    const bytes = readFileSync(join(dir, '汇总表.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [head, ...rows] = parseCsv(bytes.toString('utf8').slice(1));
    expect(rows).toHaveLength(12);
    expect(head!.slice(0, 5)).toEqual(['序号', '单位', '年度', '地区', '模板版本']);
    expect(head).toContain('推进法治政府建设的主要举措和成效');
    expect(head).toContain('党组（党委）会议、理论学习中心组学法次数（原句）');
    expect(head!.slice(-5)).toEqual(['错误', '警告', '提示', '抄袭段落', '文件']);
    const get = (unit: string, column: string) => rows.find((r) => r[1] === unit)![head!.indexOf(column)];
    expect(get('台山市交通运输局', '党组（党委）会议、理论学习中心组学法次数')).toBe('学法 6次');
    expect(get('台山市交通运输局', '党组（党委）会议、理论学习中心组学法次数（原句）')).toBe('局党组学习交通强国建设纲要和总书记有关重要指示，全年开展理论学习中心组学法6次，组织执法人员参加专业法律知识轮训两期。');
    expect(get('江门市新会区人力资源和社会保障局', '学法考试参考率/合格率')).toBe('参考率 100%；合格率 99.2%');
    expect(get('台山市交通运输局', '学法考试参考率/合格率')).toBe('未找到');
    expect(get('江门市江海区司法局', '抄袭段落')).toBe('1');
    expect(get('台山市交通运输局', '抄袭段落')).toBe('0');
    expect(get('江门市江海区司法局', '推进法治政府建设的主要举措和成效')).toBe('✓');
    expect(get('江门市江海区司法局', '文件')).toBe('reports/2024/江海区司法局.txt');
  });

  it('xlsx: read back by the spreadsheet library — figures as numbers with their unit, copies on their own sheet', async () => {
    const dir = folder();
    const run = await runMain(['-f', 'xlsx:out/汇总表.xlsx', 'reports'], { cwd: dir });
    expect(run.code).toBeLessThan(2);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, 'out/汇总表.xlsx'));
    expect(book.worksheets.map((w) => w.name)).toEqual(['汇总表', '抄袭段落']);
    const sheet = book.getWorksheet('汇总表')!;
    const head = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const rowOf = (unit: string) => sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(2).value === unit)!;
    const cell = (unit: string, column: string) => rowOf(unit).getCell(head.indexOf(column) + 1);
    expect(sheet.rowCount).toBe(13);
    expect(cell('台山市交通运输局', '年度').value).toBe(2024);
    const sessions = cell('台山市交通运输局', '党组（党委）会议、理论学习中心组学法次数');
    expect([sessions.value, sessions.numFmt]).toEqual([6, 'General"次"']);
    expect(cell('江门市新会区人力资源和社会保障局', '学法考试参考率/合格率').value).toBe('参考率 100%；合格率 99.2%');
    expect(cell('江门市蓬江区司法局', '抄袭段落').value).toBeTypeOf('number');
    const copies = book.getWorksheet('抄袭段落')!;
    const rows = copies.getRows(2, copies.rowCount - 1)!.map((r) => [r.getCell(1).value, r.getCell(4).value, r.getCell(7).value]);
    expect(rows).toEqual([
      ['江门市新会区人力资源和社会保障局', '与《新会区市场监督管理局》第10段基本相同（约 85% 的文字一致）', 0.85],
      ['江门市新会区市场监督管理局', '与《新会区人力资源和社会保障局》第10段基本相同（约 84% 的文字一致）', 0.84],
      ['江门市江海区司法局', '与《2024/蓬江区司法局》第10–11段相同', 1],
      ['江门市蓬江区司法局', '与《江海区司法局》第10–11段相同', 1],
    ]);
  });

  it('xlsx is written to a file, never to a terminal', async () => {
    const run = await runMain(['-f', 'xlsx', BATCH]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('xlsx 格式须写入文件');
  });

  // LibreOffice with its spreadsheet (Debian's libreoffice-calc); skipped where it is not installed.
  const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice'].find((f) => existsSync(f));
  const calc = existsSync('/usr/lib/libreoffice/share/registry/calc.xcd');
  // Excel and WPS take the byte order mark for UTF-8; LibreOffice without its import dialog is told
  // (76 = UTF-8). What is checked is that Calc parses the fields — quotes, commas, Chinese — into the right cells.
  it.skipIf(!soffice || !calc)('csv opens in LibreOffice Calc with the Chinese intact', async () => {
    const dir = folder();
    await runMain(['-f', 'csv:汇总表.csv', 'reports'], { cwd: dir });
    execFileSync(soffice!, [`-env:UserInstallation=file://${join(dir, 'lo')}`, '--headless', '--infilter=CSV:44,34,76', '--convert-to', 'xlsx', '--outdir', join(dir, 'calc'), join(dir, '汇总表.csv')], { stdio: 'ignore', timeout: 120_000 });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, 'calc/汇总表.xlsx'));
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(2).value).toBe('单位');
    const units = sheet.getColumn(2).values.slice(2);
    expect(units).toContain('江门市新会区人力资源和社会保障局');
    expect(sheet.rowCount).toBe(13);
    expect(sheet.getRow(1).cellCount).toBeGreaterThan(20);
  }, 180_000);
});

describe('the HTML dashboard', () => {
  it('shows the same values, sortable, with links between copied passages, and no absolute local path', async () => {
    const dir = folder();
    const html = (await runMain(['-f', 'html', 'reports', join(ROOT, 'seeds/003_e57765646851685d.txt')], { cwd: dir })).stdout;
    expect(html).toContain('<table id="summary" data-sortable>');
    expect(html).toContain('<table id="overview" data-sortable>');
    expect(html).toContain('学法 6次');
    expect(html).toContain('局党组学习交通强国建设纲要和总书记有关重要指示');
    // Each copy links to the details of the report it matches, and back.
    const units = [...html.matchAll(/<details class="report" id="report-(\d+)"><summary>\d+\. ([^（<]+)/g)].map((m) => [m[2], m[1]]);
    const idOf = (unit: string) => units.find(([u]) => u === unit)![1];
    const jianghai = html.slice(html.indexOf(`id="report-${idOf('江门市江海区司法局')}"`));
    expect(jianghai.slice(0, jianghai.indexOf('</details>'))).toMatch(new RegExp(`与《2024/蓬江区司法局》第10–11段相同 <a href="#report-\\d+">查看《reports/2024/蓬江区司法局.txt》第 11 行</a>`));
    expect(html).toMatch(/<a class="e" href="#copies-\d+">1<\/a>/);
    for (const path of [dir, ROOT, '/tmp/', '/home/', '/work/']) expect(html).not.toContain(path);
  });
});

describe('paths in the HTML page', () => {
  it('shows absolute paths relative to the checked folder, or by name outside it, and leaves other slashes alone', () => {
    const cwd = '/home/审阅/2024';
    expect(scrubPaths('对照上一年度报告：/home/审阅/2024/2023/司法局.docx', cwd)).toBe('对照上一年度报告：2023/司法局.docx');
    expect(scrubPaths('未找到（检查了 /srv/其他/甲.txt、/srv/其他/乙.txt）', cwd)).toBe('未找到（检查了 甲.txt、乙.txt）');
    expect(scrubPaths('「/home/审阅/2024/a.md」无法读取。', cwd)).toBe('「a.md」无法读取。');
    expect(scrubPaths('学法考试参考率/合格率；成文日期2024/12/31；1/2', cwd)).toBe('学法考试参考率/合格率；成文日期2024/12/31；1/2');
  });
});
