import type { Diagnostic, Fact } from '@fzlint/core';
import { basename, extname } from 'node:path';
import { countBySeverity, totals, type FileDiagnostic, type FileResult } from '../results.js';
import { SEVERITY_LABEL, type FormatContext } from './context.js';
import { HTML_SCRIPT, HTML_STYLE } from './html-assets.js';
import { copySection, pagePath, scrubPaths, summarySection } from './html-summary.js';
import { partColumns, type PartColumn } from './summary-table.js';

/** Short column headers for the built-in packs' parts; other parts use their own name. */
const SHORT_NAMES: Record<string, string> = {
  speeches: '重要讲话精神',
  'xi-thought': '法治思想',
  'first-responsible': '第一责任人',
  measures: '举措成效',
  problems: '不足原因',
  rectification: '上年整改',
  plans: '下年安排',
};

type Column = PartColumn;

/**
 * One self-contained page for a reviewer: an overview row per report (unit, year, region, template
 * edition, each required part ✓/✗, data points found, error/warning counts) that sorts and filters, then the details of
 * each report. No external assets (a CSP forbids loading any), Chinese UI.
 */
export function formatHtml(results: FileResult[], ctx: FormatContext): string {
  const columns = partColumns(results);
  const t = totals(results);
  const withErrors = results.filter((r) => r.error || countBySeverity(r).errors > 0).length;
  const missing = columns
    .map((c) => ({ c, n: results.filter((r) => partFact(r, c.id) && !partFact(r, c.id)!.found).length }))
    .filter((x) => x.n > 0);

  const head = [
    th('序号', 'number'),
    th('单位'),
    th('年度', 'number'),
    th('地区', undefined, '报告所属省级地区（从单位名称、标题、落款等识别，或由配置 region 指定）'),
    th('模板', undefined, '检查所用的模板版本'),
    ...columns.map((c) => th(SHORT_NAMES[c.id] ?? shorten(c.name), 'number', c.name)),
    th('数据项', 'number', '找到的审查常看数据项（如学法考试合格率、复议诉讼案件数）'),
    th('错误', 'number'),
    th('警告', 'number'),
    th('提示', 'number'),
    th('文件'),
  ].join('');

  const rows = results.map((r, i) => overviewRow(r, i, columns, ctx)).join('\n');
  const details = results.map((r, i) => reportDetails(r, i, ctx, results)).join('\n');
  const generated = new Date().toLocaleString('zh-CN', { hour12: false });

  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="fzlint ${esc(ctx.version)}">
<title>法治政府建设年度报告检查结果（${results.length} 份）</title>
<style>${HTML_STYLE}</style>
</head>
<body>
<header>
<h1>法治政府建设年度报告检查结果</h1>
<p class="meta">由 fzlint ${esc(ctx.version)} 生成于 ${esc(generated)} · 检查目录：<span class="path">${esc(basename(ctx.cwd) || ctx.cwd)}</span></p>
<ul class="stats">
<li><b>${results.length}</b>份报告</li>
<li><b class="${withErrors ? 'e' : 'yes'}">${withErrors}</b>份有错误</li>
<li><b class="e">${t.errors}</b>个错误</li>
<li><b class="w">${t.warnings}</b>个警告</li>
<li><b class="i">${t.infos}</b>个提示</li>
${t.failedFiles ? `<li><b class="e">${t.failedFiles}</b>份无法检查</li>` : ''}
</ul>
${missing.length ? `<ul class="missing">${missing.map((m) => `<li>缺少「${esc(m.c.name)}」：${m.n} 份</li>`).join('')}</ul>` : ''}
</header>
<main>
<h2>总览</h2>
<div class="toolbar">
<label>筛选：<input type="search" id="filter" placeholder="输入单位名称或文件名"></label>
<label><input type="checkbox" id="only-errors"> 只看有错误的报告</label>
<span>显示 <b id="shown">${results.length}</b> / ${results.length} 份</span>
</div>
<p class="meta">✓ 已单列成部分　△ 正文有提及但未单列　✗ 缺少　— 不适用于该报告的模板。点击表头排序，点击单位查看详情。</p>
<table id="overview" data-sortable>
<thead><tr>${head}</tr></thead>
<tbody>
${rows}
</tbody>
</table>
${summarySection(results, ctx, esc)}
<h2>各报告详情</h2>
${details}
</main>
<script>${HTML_SCRIPT}</script>
</body>
</html>
`;
}

function th(label: string, type?: 'number', title?: string): string {
  return `<th scope="col"${type ? ` data-type="${type}"` : ''}${title ? ` title="${esc(title)}"` : ''}><button type="button">${esc(label)}</button></th>`;
}

function partFact(r: FileResult, id: string): Fact | undefined {
  return r.facts.find((f) => (f.type === 'section' || f.type === 'subsection') && f.id === id);
}

function unitOf(r: FileResult): string {
  return r.meta.unit ?? basename(r.filePath, extname(r.filePath));
}

function overviewRow(r: FileResult, i: number, columns: Column[], ctx: FormatContext): string {
  const counts = countBySeverity(r);
  const dataPoints = r.facts.filter((f) => f.type === 'data-point');
  const found = dataPoints.filter((f) => f.found).length;
  const cells = [
    `<td class="num">${i + 1}</td>`,
    `<td data-v="${esc(unitOf(r))}"><a href="#report-${i + 1}">${esc(unitOf(r))}</a></td>`,
    `<td class="num" data-v="${r.meta.year ?? 0}"${sourceTitle(r.meta.sources?.year)}>${r.meta.year ?? '—'}</td>`,
    `<td data-v="${esc(r.meta.region ?? '')}"${r.meta.regionVia ? ` title="据「${esc(r.meta.regionVia)}」"` : ''}>${esc(r.meta.region ?? '—')}</td>`,
    `<td data-v="${esc(r.meta.edition ?? '')}" title="${esc([r.meta.editionName, r.meta.editionBecause].filter(Boolean).join('：'))}">${esc(shortEdition(r.meta.editionName))}</td>`,
    ...columns.map((c) => partCell(partFact(r, c.id), r.error !== undefined)),
    `<td class="num" data-v="${dataPoints.length ? found / dataPoints.length : -1}">${dataPoints.length ? `${found}/${dataPoints.length}` : '—'}</td>`,
    `<td class="num${counts.errors ? ' e' : ''}" data-v="${counts.errors + (r.error ? 1000 : 0)}">${r.error ? '无法检查' : counts.errors}</td>`,
    `<td class="num${counts.warnings ? ' w' : ''}">${counts.warnings}</td>`,
    `<td class="num${counts.infos ? ' i' : ''}">${counts.infos}</td>`,
    `<td class="path">${esc(pagePath(r.filePath, ctx.cwd))}</td>`,
  ];
  const failed = r.error || counts.errors ? ' class="failed"' : '';
  return `<tr data-index="${i}" data-errors="${counts.errors + (r.error ? 1 : 0)}"${failed}>${cells.join('')}</tr>`;
}

/** The edition's name without its parenthesised basis: 广东省六部分格式, 全国五项内容格式. */
function shortEdition(name: string | undefined): string {
  return name ? name.replace(/[（(][^）)]*[）)]$/, '') : '—';
}

function sourceTitle(source: string | undefined): string {
  const label: Record<string, string> = { title: '标题', opening: '开头', heading: '小标题', signature: '落款', 'front-matter': 'front matter' };
  return source ? ` title="年度读自${esc(label[source] ?? source)}"` : '';
}

function partCell(f: Fact | undefined, unreadable: boolean): string {
  if (!f) return `<td class="part na" data-v="-1" title="${unreadable ? '无法检查' : '不适用于该报告的模板'}">—</td>`;
  if (!f.found) return `<td class="part no" data-v="0" title="缺少：${esc(f.name)}">✗</td>`;
  if (f.detail === '正文提及') return `<td class="part partly" data-v="1" title="正文有提及，但未单列成部分：${esc(f.name)}">△</td>`;
  return `<td class="part yes" data-v="2" title="${esc(f.name)}">✓</td>`;
}

function reportDetails(r: FileResult, i: number, ctx: FormatContext, results: FileResult[]): string {
  const counts = countBySeverity(r);
  const parts = r.facts.filter((f) => f.id && (f.type === 'section' || f.type === 'subsection'));
  const dataPoints = r.facts.filter((f) => f.type === 'data-point');
  const meta = r.facts.filter((f) => f.type === 'meta');
  const info = [
    `<p class="path">${esc(pagePath(r.filePath, ctx.cwd))}</p>`,
    ...r.notes.map((n) => `<p class="meta">${esc(scrubPaths(n, ctx.cwd))}</p>`),
  ];
  const sections: string[] = [];
  if (r.error) {
    sections.push(`<p class="e">无法检查：${esc(scrubPaths(r.error.message, ctx.cwd))}</p>`);
    for (const p of r.error.problems ?? []) sections.push(`<p class="path">${esc(`${pagePath(p.file, ctx.cwd)}:${p.line}:${p.column}`)} ${esc(scrubPaths(p.message, ctx.cwd))}</p>`);
  }
  if (parts.length || meta.length) {
    sections.push(`<h3>部分与要素</h3><ul class="checklist">${[...parts, ...meta].map((f) => checkItem(f)).join('')}</ul>`);
  }
  if (dataPoints.length) {
    sections.push(`<h3>数据项（${dataPoints.filter((f) => f.found).length}/${dataPoints.length}）</h3><ul class="checklist">${dataPoints.map((f) => checkItem(f, true)).join('')}</ul>`);
  }
  if (r.diagnostics.length) {
    sections.push(
      `<h3>问题（${r.diagnostics.length}）</h3><table><thead><tr><th>位置</th><th>级别</th><th>说明</th><th>原文</th><th>规则</th></tr></thead><tbody>${r.diagnostics
        .map((d) => findingRow(d, r.source, ctx))
        .join('')}</tbody></table>`,
    );
    sections.push(copySection(r, i, results, ctx, esc));
  } else if (!r.error) {
    sections.push('<p class="yes">未发现问题。</p>');
  }
  const badge = r.error ? '<span class="e">无法检查</span>' : `<span class="e">${counts.errors} 错误</span> · <span class="w">${counts.warnings} 警告</span> · <span class="i">${counts.infos} 提示</span>`;
  return `<details class="report" id="report-${i + 1}"><summary>${i + 1}. ${esc(unitOf(r))}${r.meta.year ? `（${r.meta.year}年度）` : ''} — ${badge}</summary><div class="body">${info.join('')}${sections.join('')}</div></details>`;
}

function checkItem(f: Fact, showDetail = false): string {
  const mark = !f.found ? '<span class="no">✗</span>' : f.detail === '正文提及' ? '<span class="partly">△</span>' : '<span class="yes">✓</span>';
  const detail = showDetail && f.found && f.detail ? `<div class="excerpt">${esc(shorten(f.detail, 80))}</div>` : '';
  return `<li>${mark} ${esc(f.name)}${detail}</li>`;
}

function findingRow(d: FileDiagnostic, source: string, ctx: FormatContext): string {
  // Only published docs: the page is passed on, and a file: link would name this machine's folders.
  const url = ctx.rules.get(d.ruleId)?.url;
  const rule = url && /^https?:/.test(url) ? `<a href="${esc(url)}" title="规则说明">${esc(d.ruleId)}</a>` : esc(d.ruleId);
  const cls = d.severity === 'error' ? 'e' : d.severity === 'warning' ? 'w' : 'i';
  return `<tr><td class="num">${d.place ? esc(d.place) : `${d.range.start.line + 1}:${d.range.start.character + 1}`}</td><td class="${cls}">${SEVERITY_LABEL[d.severity]}</td><td>${esc(scrubPaths(d.message, ctx.cwd))}</td><td class="excerpt">${excerpt(d, source)}</td><td class="path">${rule}</td></tr>`;
}

/** The finding's text with a little context, the finding itself marked. */
function excerpt(d: Diagnostic, source: string): string {
  if (d.end <= d.start) return '';
  const lineStart = source.lastIndexOf('\n', d.start - 1) + 1;
  const before = source.slice(Math.max(lineStart, d.start - 12), d.start);
  const hit = source.slice(d.start, Math.min(d.end, d.start + 40));
  const lineEnd = source.indexOf('\n', d.end);
  const after = source.slice(d.end, Math.min(lineEnd < 0 ? source.length : lineEnd, d.end + 12));
  return `${esc(before)}<mark>${esc(hit)}</mark>${esc(after)}`;
}

function shorten(s: string, max = 6): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
