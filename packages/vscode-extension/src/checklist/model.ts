import type { ChecklistItem, ChecklistResult } from '@fzlint/server';

/**
 * The checklist as a tree, independent of the VS Code API (tested on its own): groups of
 * items marked ✓ or ✗, each with the place it reveals when clicked.
 */

export interface Location {
  uri: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

export interface ChecklistNode {
  /** Stable id (keeps expansion state across refreshes). */
  id: string;
  label: string;
  description?: string;
  /** Plain-text tooltip lines. */
  tooltip?: string;
  /** true ✓, false ✗, undefined: a group or a note. */
  ok?: boolean;
  location?: Location;
  children?: ChecklistNode[];
  /** Groups with a missing item start expanded. */
  expanded?: boolean;
  kind: 'group' | 'item' | 'note';
}

export const MARK_OK = '✓';
export const MARK_MISSING = '✗';

/** One line for the status bar and the view's description. */
export interface ChecklistSummary {
  partsFound: number;
  partsTotal: number;
  errors: number;
  warnings: number;
  infos: number;
  fixable: number;
}

export function summarize(result: ChecklistResult): ChecklistSummary {
  return {
    partsFound: result.parts.filter((p) => p.found).length,
    partsTotal: result.parts.length,
    errors: result.counts.error,
    warnings: result.counts.warning,
    infos: result.counts.info,
    fixable: result.counts.fixable,
  };
}

/** E.g. "2024年度 · 广东省六部分格式（2023年度起）". */
export function describeEdition(result: ChecklistResult): string {
  const parts: string[] = [];
  if (result.year !== undefined) parts.push(`${result.year}年度`);
  if (result.edition) parts.push(result.edition.name);
  return parts.join(' · ');
}

export function checklistTree(result: ChecklistResult): ChecklistNode[] {
  if (result.status !== 'checked') return [];
  const groups: ChecklistNode[] = [];
  const add = (id: string, title: string, items: ChecklistItem[], toNode: (item: ChecklistItem, i: number) => ChecklistNode) => {
    if (items.length === 0) return;
    const found = items.filter((i) => i.found).length;
    groups.push({
      id,
      kind: 'group',
      label: title,
      description: `${found}/${items.length}`,
      ok: found === items.length,
      expanded: found < items.length || id === 'parts',
      children: items.map(toNode),
    });
  };

  add('parts', '必备部分', result.parts, (p, i) =>
    itemNode(result, `parts/${p.id ?? i}`, p, {
      label: `${p.order !== undefined ? `${chineseOrdinal(p.order)}、` : ''}${p.name}`,
      missing: '缺少',
      tooltip: p.heading ? `标准标题：${p.heading}` : undefined,
    }),
  );
  add('subsections', '必备小节', result.subsections, (s, i) =>
    itemNode(result, `subsections/${s.id ?? i}`, s, { label: s.name, missing: '缺少', tooltip: s.heading ? `标准标题：${s.heading}` : undefined }),
  );
  add('data', '数据要点', result.dataPoints, (d, i) => itemNode(result, `data/${d.ruleId}/${i}`, d, { label: d.name, missing: '未找到' }));
  add('quantification', '量化数据（主要举措各小节）', result.quantification, (q, i) =>
    itemNode(result, `quantification/${i}`, q, { label: q.name, missing: '没有数据', present: '有数据' }),
  );
  groups.push(previousGroup(result));
  add('other', '标题和落款', result.other, (o, i) => itemNode(result, `other/${o.ruleId}/${i}`, o, { label: o.name, missing: '缺少' }));
  return groups;
}

/** Last year's report: which file (or why none) and, item by item, whether its problems and plans are followed up. */
function previousGroup(result: ChecklistResult): ChecklistNode {
  const p = result.previous;
  // Last year's problems (rectified?) and plans (carried out?) are told apart by the fact type.
  const items = p.items.map((item, i) => {
    const plan = item.type === 'previous-plan';
    return itemNode(result, `previous/${item.ruleId}/${i}`, item, { label: `${plan ? '计划' : '问题'}：${item.name}`, missing: plan ? '未见落实' : '未见整改' });
  });
  const notes: ChecklistNode[] = [];
  if (p.status === 'found' && p.path) {
    notes.push({
      id: 'previous/file',
      kind: 'note',
      label: `上一年度报告：${basename(p.path)}`,
      description: sourceLabel(p.source),
      tooltip: [p.path, p.reason].filter(Boolean).join('\n'),
      location: p.uri ? { uri: p.uri, range: ZERO_RANGE } : undefined,
    });
  } else if (p.status === 'unreadable') {
    notes.push({ id: 'previous/error', kind: 'note', ok: false, label: `${MARK_MISSING} 无法读取上一年度报告`, description: p.path, tooltip: p.error ?? p.path });
  } else {
    notes.push({ id: 'previous/none', kind: 'note', label: '未与上一年度报告比较', tooltip: p.reason ?? '没有找到上一年度报告', description: p.reason });
  }
  const found = p.items.filter((i) => i.found).length;
  return {
    id: 'previous',
    kind: 'group',
    label: '上一年度问题整改和安排落实',
    description: p.items.length ? `${found}/${p.items.length}` : undefined,
    ok: p.items.length ? found === p.items.length : undefined,
    expanded: found < p.items.length || p.status !== 'found',
    children: [...notes, ...items],
  };
}

function itemNode(
  result: ChecklistResult,
  id: string,
  item: ChecklistItem,
  text: { label: string; missing: string; present?: string; tooltip?: string },
): ChecklistNode {
  const mark = item.found ? MARK_OK : MARK_MISSING;
  const state = item.found ? (item.detail && item.detail.length <= 12 ? item.detail : text.present) : text.missing;
  return {
    id,
    kind: 'item',
    ok: item.found,
    label: `${mark} ${text.label}`,
    description: state,
    tooltip: [`${mark} ${item.name}`, text.tooltip, item.detail, `规则：${item.ruleId}`].filter(Boolean).join('\n'),
    location: item.range ? { uri: item.uri ?? result.uri, range: item.range } : undefined,
  };
}

const ZERO_RANGE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function sourceLabel(source: ChecklistResult['previous']['source']): string | undefined {
  switch (source) {
    case 'front-matter':
      return '由 front matter 指定';
    case 'setting':
      return '由设置 fzlint.previous 指定';
    case 'config':
      return '由配置文件指定';
    case 'auto':
      return '自动查找';
    default:
      return undefined;
  }
}

function basename(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

const DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Part numbers as the report writes them (一 … 十九); the templates have six or fewer parts. */
function chineseOrdinal(n: number): string {
  if (n >= 0 && n <= 10) return DIGITS[n]!;
  if (n < 20) return `十${DIGITS[n - 10]}`;
  return String(n);
}

/** Status bar text, e.g. "$(law) 法治报告 6/6 · $(error) 1 · $(warning) 2" (codicons render as icons). */
export function statusText(s: ChecklistSummary): string {
  let text = `$(law) 法治报告 ${s.partsFound}/${s.partsTotal}`;
  if (s.errors) text += ` · $(error) ${s.errors}`;
  if (s.warnings) text += ` · $(warning) ${s.warnings}`;
  if (!s.errors && !s.warnings) text += ' · $(check)';
  return text;
}

export function statusTooltip(result: ChecklistResult, s: ChecklistSummary): string {
  const lines = [`法治政府建设年度报告（${describeEdition(result) || '模板未确定'}）`];
  lines.push(`必备部分 ${s.partsFound}/${s.partsTotal}${s.partsFound < s.partsTotal ? `，缺少：${result.parts.filter((p) => !p.found).map((p) => p.name).join('、')}` : ''}`);
  lines.push(`问题：错误 ${s.errors}，警告 ${s.warnings}，提示 ${s.infos}${s.fixable ? `（${s.fixable} 个可自动修复）` : ''}`);
  lines.push('点击显示合规清单');
  return lines.join('\n');
}
