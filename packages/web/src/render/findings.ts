import type { Diagnostic, Fix } from '@fzlint/core';
import { h, SEVERITY_LABEL } from '../dom.js';

/** What a finding's buttons do; the page decides (apply the edits, select the range …). */
export interface FindingActions {
  show(index: number): void;
  apply(index: number, fix: Fix): void;
}

/** One finding: severity, where, message, rule id, and buttons for its fix and suggestions. */
export function findingItem(d: Diagnostic, index: number, actions: FindingActions, tag: 'li' | 'div' = 'li'): HTMLElement {
  const where = h('button', { type: 'button', class: 'where', title: '在文中选中' }, `第 ${d.range.start.line + 1} 行`);
  where.addEventListener('click', () => actions.show(index));
  const buttons: HTMLElement[] = [];
  if (d.fix) buttons.push(fixButton(`修复：${d.fix.title}`, 'fix', () => actions.apply(index, d.fix!)));
  for (const s of d.suggestions ?? []) buttons.push(fixButton(`建议：${s.title}`, 'suggestion', () => actions.apply(index, s)));
  return h(
    tag,
    { class: `finding ${d.severity}`, 'data-index': String(index), 'data-rule': d.ruleId },
    h('span', { class: 'severity' }, SEVERITY_LABEL[d.severity] ?? d.severity),
    where,
    h('span', { class: 'message' }, d.message),
    h('code', { class: 'rule' }, d.ruleId),
    buttons.length ? h('span', { class: 'actions' }, ...buttons) : undefined,
  );
}

function fixButton(label: string, kind: string, onClick: () => void): HTMLButtonElement {
  const b = h('button', { type: 'button', class: kind }, label);
  b.addEventListener('click', onClick);
  return b;
}

/** The list of all findings in document order, and the counts above it. */
export function renderFindings(list: HTMLElement, counts: HTMLElement, diagnostics: readonly Diagnostic[], actions: FindingActions): void {
  list.replaceChildren(...diagnostics.map((d, i) => findingItem(d, i, actions)));
  const by = (s: string) => diagnostics.filter((d) => d.severity === s).length;
  const fixable = diagnostics.filter((d) => d.fix).length;
  counts.textContent = diagnostics.length
    ? `错误 ${by('error')} · 警告 ${by('warning')} · 提示 ${by('info')}${fixable ? ` · 可自动修复 ${fixable}` : ''}`
    : '未发现问题';
}
