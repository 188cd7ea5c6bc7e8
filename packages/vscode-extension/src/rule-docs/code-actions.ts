import * as vscode from 'vscode';
import { ruleDocOfCode, SHOW_RULE_DOC_COMMAND, type RuleDoc } from './link.js';

const SOURCE = 'fzlint';

/** The documented rules of the fzlint diagnostics among `diagnostics`, each once. */
export function documentedRules(diagnostics: readonly vscode.Diagnostic[]): RuleDoc[] {
  const docs = new Map<string, RuleDoc>();
  for (const d of diagnostics) {
    if (d.source !== SOURCE) continue;
    const doc = ruleDocOfCode(d.code);
    if (doc && !docs.has(doc.ruleId)) docs.set(doc.ruleId, doc);
  }
  return [...docs.values()];
}

/** 查看规则说明（规则 id） in the quick fix menu (Ctrl+.) of every fzlint problem whose rule is documented. */
export class RuleDocActions implements vscode.CodeActionProvider {
  static readonly kind = vscode.CodeActionKind.QuickFix.append('fzlint.ruleDoc');
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [RuleDocActions.kind] };

  provideCodeActions(_doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (context.only && !context.only.contains(RuleDocActions.kind) && !RuleDocActions.kind.contains(context.only)) return [];
    return documentedRules(context.diagnostics).map((doc) => {
      const action = new vscode.CodeAction(vscode.l10n.t('查看规则说明（{0}）', doc.ruleId), RuleDocActions.kind);
      action.command = { command: SHOW_RULE_DOC_COMMAND, title: vscode.l10n.t('查看规则说明'), arguments: [doc] };
      action.diagnostics = context.diagnostics.filter((d) => d.source === SOURCE && ruleDocOfCode(d.code)?.ruleId === doc.ruleId);
      return action;
    });
  }
}
