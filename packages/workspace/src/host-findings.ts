import { INPUT_RULES } from './inputs/input-rules.js';
import { ENGINE_RULES, LineIndex, own, registry, type ConfigProblem, type Diagnostic, type RelatedLocation, type Severity } from '@fzlint/core';

export interface HostRule {
  severity: Severity;
  description: string;
  doc: string;
}

/**
 * Findings a host makes about a report, outside the engine: an empty file, a broken config, an
 * unreadable last-year report, an internal error. Shaped like engine diagnostics so every output
 * (CLI formats, LSP) handles them; documented like rules (explain, hover, SARIF).
 */
export const HOST_RULES: Readonly<Record<string, HostRule>> = registry({
  'fzlint/empty-file': {
    severity: 'error',
    description: '文件为空或只有空白字符',
    doc: '空文件不是一份报告，fzlint 不做其他检查，只报告这一个错误。可能是导出或复制时出了问题，请检查原稿。',
  },
  'fzlint/config-error': {
    severity: 'warning',
    description: '配置或规则文件有误，本报告暂按内置规则检查',
    doc: '配置文件（.fzlint.yaml）或它继承的规则文件无法加载，具体错误标在该文件的对应行上。修正之前，报告按内置的 fzlint:recommended 检查，单位自定义的规则和设置暂不生效。',
  },
  'fzlint/previous-unreadable': {
    severity: 'warning',
    description: '无法读取上一年度报告',
    doc: '上一年度报告由 front matter 的 previous、编辑器设置 fzlint.previous 或配置文件的 previous 指定。文件读取失败时，跨年度检查（上一年度问题整改等）不会进行，其余检查照常。',
  },
  'fzlint/internal-error': {
    severity: 'error',
    description: 'fzlint 内部错误，本报告暂时无法检查',
    doc: '这是 fzlint 的缺陷而不是报告的问题。其他文件照常检查；日志中有详细信息，请附上报告内容反馈。',
  },
  // What the input readers find (unaccepted tracked changes in a Word file …).
  ...INPUT_RULES,
});

/** A host or engine finding's documentation, by id. */
export function builtinFinding(id: string): HostRule | undefined {
  return own(HOST_RULES, id) ?? own(ENGINE_RULES, id);
}

/** A host finding on a report; `at` defaults to the first non-blank line. */
export function hostFinding(text: string, ruleId: string, message: string, at?: { start: number; end: number }, related?: RelatedLocation[]): Diagnostic {
  const rule = builtinFinding(ruleId);
  if (!rule) throw new Error(`unknown host finding ${ruleId}`);
  const lines = new LineIndex(text);
  const span = at ?? firstLine(lines);
  const d: Diagnostic = { ruleId, severity: rule.severity, message, start: span.start, end: span.end, range: lines.rangeOf(span.start, span.end) };
  if (related?.length) d.related = related;
  return d;
}

function firstLine(lines: LineIndex): { start: number; end: number } {
  for (let l = 0; l < lines.lineCount; l++) {
    const s = lines.lineText(l);
    if (s.trim()) {
      const start = lines.lineStarts[l]! + (s.length - s.trimStart().length);
      return { start, end: lines.lineEnd(l) };
    }
  }
  return { start: 0, end: 0 };
}

/** A config problem (1-based line/column in a YAML file) as a related location. */
export function problemLocation(p: ConfigProblem): RelatedLocation {
  const line = Math.max(0, p.line - 1);
  const character = Math.max(0, p.column - 1);
  const endLine = p.endLine !== undefined ? Math.max(line, p.endLine - 1) : line;
  const endCharacter = p.endColumn !== undefined ? Math.max(0, p.endColumn - 1) : character;
  return { path: p.file, start: 0, end: 0, range: { start: { line, character }, end: { line: endLine, character: endCharacter } }, message: p.message };
}
