import { ENGINE_RULES, LineIndex, registry, type ConfigProblem, type Diagnostic, type RelatedLocation, type Severity } from '@fzlint/core';

/**
 * Findings the server itself makes about a report, shaped like engine diagnostics so the one
 * conversion to LSP handles them too. Hovers explain them from this table.
 */
export const SERVER_RULES: Readonly<Record<string, { severity: Severity; description: string; doc: string }>> = registry({
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
    doc: '这是 fzlint 的缺陷而不是报告的问题。服务器继续为其他文件工作；输出面板的 fzlint 日志中有详细信息，请附上报告内容反馈。',
  },
});

export type ServerRuleId = keyof typeof SERVER_RULES;

/** A server finding on a report; `at` defaults to the first non-blank line. */
export function hostFinding(text: string, ruleId: ServerRuleId, message: string, at?: { start: number; end: number }, related?: RelatedLocation[]): Diagnostic {
  const lines = new LineIndex(text);
  const span = at ?? firstLine(text, lines);
  const d: Diagnostic = {
    ruleId,
    severity: (SERVER_RULES[ruleId] ?? ENGINE_RULES[ruleId])!.severity,
    message,
    start: span.start,
    end: span.end,
    range: lines.rangeOf(span.start, span.end),
  };
  if (related?.length) d.related = related;
  return d;
}

function firstLine(text: string, lines: LineIndex): { start: number; end: number } {
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
