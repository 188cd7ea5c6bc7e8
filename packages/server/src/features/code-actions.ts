import { applyFixes, own, type Diagnostic, type Fix, type TextEdit as EngineEdit } from '@fzlint/core';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionKind,
  type CancellationToken,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic as LspDiagnostic,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { checkedAnalysis, conversion, type ServerContext } from '../context.js';
import type { Analysis } from '../analysis.js';
import { DIAGNOSTIC_SOURCE, toLspDiagnostic, type DiagnosticData } from '../to-lsp.js';
import { HOST_RULES } from '@fzlint/workspace';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.fzlint`;
export const CODE_ACTION_KINDS: readonly string[] = Object.freeze([CodeActionKind.QuickFix, FIX_ALL_KIND]);

/**
 * Quick fixes: the certain fix of a diagnostic (preferred when it is the only one), each
 * suggestion (never preferred: a person must choose), and for Markdown "disable this rule
 * here". `source.fixAll.fzlint` applies every certain fix, as `fzlint --fix` does.
 */
export class CodeActionProvider {
  constructor(private readonly ctx: ServerContext) {}

  async provideCodeActions(doc: TextDocument, params: Pick<CodeActionParams, 'range' | 'context'>, token: CancellationToken): Promise<CodeAction[]> {
    const analysis = await checkedAnalysis(this.ctx, doc);
    if (!analysis || analysis.version !== doc.version || token.isCancellationRequested) return [];
    const only = Array.isArray(params.context?.only) ? params.context.only : undefined;
    const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
    const actions: CodeAction[] = [];
    if (wants(CodeActionKind.QuickFix)) {
      for (const d of relevant(analysis.diagnostics, params)) actions.push(...quickFixes(this.ctx, doc, analysis, d));
    }
    if (wants(FIX_ALL_KIND)) {
      const all = fixAll(this.ctx, doc, analysis);
      if (all) actions.push(all);
    }
    return actions;
  }
}

/** The diagnostics the request is about: those the client lists (by what we attached to them), or those touching the range. */
function relevant(diagnostics: Diagnostic[], params: Pick<CodeActionParams, 'range' | 'context'>): Diagnostic[] {
  const listed = (params.context?.diagnostics ?? []).filter((d) => d?.source === DIAGNOSTIC_SOURCE);
  const keys = new Set(listed.map((d) => d.data as DiagnosticData | undefined).filter((x): x is DiagnosticData => !!x?.ruleId).map((x) => `${x.ruleId}|${x.start}|${x.end}`));
  return diagnostics.filter((d) => keys.has(`${d.ruleId}|${d.start}|${d.end}`) || (listed.length === 0 && touches(d.range, params.range)) || listed.some((l) => l.code === d.ruleId && sameRange(l.range, d.range)));
}

function quickFixes(ctx: ServerContext, doc: TextDocument, analysis: Analysis, d: Diagnostic): CodeAction[] {
  const lsp = toLspDiagnostic(d, conversion(ctx, analysis));
  const out: CodeAction[] = [];
  const suggestions = d.suggestions ?? [];
  if (d.fix) out.push(action(ctx, doc, d.fix, lsp, suggestions.length === 0));
  for (const s of suggestions) out.push(action(ctx, doc, s, lsp, false));
  const disable = disableComment(doc, analysis, d);
  if (disable) {
    out.push({
      title: `在此处停用规则「${d.ruleId}」（插入 fzlint-disable-next-line 注释）`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [lsp],
      edit: workspaceEdit(ctx, doc, [disable]),
    });
  }
  return out;
}

function action(ctx: ServerContext, doc: TextDocument, fix: Fix, lsp: LspDiagnostic, isPreferred: boolean): CodeAction {
  return { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [lsp], isPreferred, edit: workspaceEdit(ctx, doc, fix.edits.map((e) => toTextEdit(doc, e))) };
}

/** `<!-- fzlint-disable-next-line RULE -->` on its own line above the diagnostic (Markdown only; not inside front matter). */
function disableComment(doc: TextDocument, analysis: Analysis, d: Diagnostic): TextEdit | undefined {
  const parsed = analysis.result?.document;
  if (!parsed || parsed.format !== 'markdown' || own(HOST_RULES, d.ruleId)) return undefined;
  const line = d.range.start.line;
  if (parsed.lineKinds[line] === 'frontmatter' || parsed.lineKinds[line] === 'code') return undefined;
  const lineText = parsed.lines.lineText(line);
  const indent = /^[ \t]*/.exec(lineText)![0];
  const eol = /\r\n/.test(parsed.text) ? '\r\n' : '\n';
  const at = { line, character: 0 };
  return { range: { start: at, end: at }, newText: `${indent}<!-- fzlint-disable-next-line ${d.ruleId} -->${eol}` };
}

/**
 * Every certain fix, applied as `fzlint --fix` does (repeated passes until nothing changes).
 * One pass is sent as its separate edits; when later passes were needed, as one edit over the
 * changed span. Offered only when something is fixable.
 */
function fixAll(ctx: ServerContext, doc: TextDocument, analysis: Analysis): CodeAction | undefined {
  const result = analysis.result!;
  if (!analysis.options || !result.diagnostics.some((d) => d.fix)) return undefined;
  const text = doc.getText();
  const { output, passes, fixed } = ctx.engine.fix(text, analysis.options);
  if (output === text || fixed === 0) return undefined;
  let edits: TextEdit[];
  if (passes <= 1) {
    const { applied } = applyFixes(text, result.diagnostics);
    edits = applied.flatMap((d) => d.fix!.edits.map((e) => toTextEdit(doc, e)));
  } else {
    edits = [spanEdit(doc, text, output)];
  }
  return { title: `修复全部 fzlint 问题（${fixed} 处）`, kind: FIX_ALL_KIND, edit: workspaceEdit(ctx, doc, edits) };
}

function spanEdit(doc: TextDocument, before: string, after: string): TextEdit {
  let start = 0;
  while (start < before.length && start < after.length && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before.charCodeAt(endB - 1) === after.charCodeAt(endA - 1)) {
    endB--;
    endA--;
  }
  return { range: { start: doc.positionAt(start), end: doc.positionAt(endB) }, newText: after.slice(start, endA) };
}

function toTextEdit(doc: TextDocument, e: EngineEdit): TextEdit {
  return { range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, newText: e.text };
}

function workspaceEdit(ctx: ServerContext, doc: TextDocument, edits: TextEdit[]): WorkspaceEdit {
  if (ctx.client.documentChanges) return { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits }] };
  return { changes: { [doc.uri]: edits } };
}

function touches(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character <= q.character);
  return before(a.start, b.end) && before(b.start, a.end);
}

function sameRange(a: Range | undefined, b: Range): boolean {
  return !!a && a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
