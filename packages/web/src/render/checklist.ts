import type { LintResult, ReportChecklist, ChecklistEntry } from '@fzlint/core';
import { h } from '../dom.js';

const SOURCE_LABEL: Record<string, string> = {
  'front-matter': '文首信息',
  title: '标题',
  signature: '落款',
  opening: '开头',
  heading: '标题行',
  body: '正文',
  unit: '单位名称',
  config: '所选地区',
};

/** The report as the engine read it: year, unit, region and template edition, each with where it came from. */
export function renderReportInfo(box: HTMLElement, result: LintResult): void {
  const r = result.report;
  const row = (label: string, value: string | undefined, source?: string) =>
    h('div', {}, h('dt', {}, label), h('dd', {}, value ?? '未识别', source ? h('small', {}, `（据${SOURCE_LABEL[source] ?? source}）`) : undefined));
  box.replaceChildren(
    h(
      'dl',
      {},
      row('年度', r.year ? String(r.year.value) : undefined, r.year?.source),
      row('单位', r.unit?.value, r.unit?.source),
      row('地区', r.region?.value, r.region?.source),
      row('模板版本', r.edition?.name),
    ),
    r.edition?.because ? h('p', { class: 'because' }, r.edition.because) : '',
  );
}

/** Parts present and missing, then subsections, data points and quantification, as ✓ / ✗ lists. */
export function renderChecklist(box: HTMLElement, checklist: ReportChecklist, show: (start: number, end: number) => void): void {
  const group = (title: string, id: string, entries: ChecklistEntry[]) => {
    if (!entries.length) return undefined;
    const missing = entries.filter((e) => !e.found).length;
    return h(
      'section',
      { class: 'group', id },
      h('h3', {}, title, h('small', {}, missing ? `缺少 ${missing} 项` : '齐全')),
      h('ul', {}, ...entries.map((e) => entry(e, show))),
    );
  };
  const groups = [
    group('必备部分', 'parts', checklist.parts),
    group('小节', 'subsections', checklist.subsections),
    group('数据项', 'data-points', checklist.dataPoints),
    group('量化表述', 'quantification', checklist.quantification),
  ].filter((g): g is HTMLElement => g !== undefined);
  box.replaceChildren(...(groups.length ? groups : [h('p', {}, '当前模板版本没有结构清单。')]));
}

function entry(e: ChecklistEntry, show: (start: number, end: number) => void): HTMLElement {
  const label = h('span', { class: 'name' }, e.name);
  const li = h('li', { class: e.found ? 'found' : 'missing', 'data-id': e.id ?? e.name }, h('span', { class: 'mark', 'aria-label': e.found ? '已有' : '缺少' }, e.found ? '✓' : '✗'), label);
  if (e.detail) li.append(h('small', {}, e.detail));
  if (e.found && e.start !== undefined) {
    const go = h('button', { type: 'button', class: 'where', title: '在文中选中' }, '定位');
    go.addEventListener('click', () => show(e.start!, e.end ?? e.start!));
    li.append(go);
  }
  return li;
}
