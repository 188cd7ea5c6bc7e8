import * as vscode from 'vscode';
import { documentedRules } from '../rule-docs/code-actions.js';
import { isRuleDoc } from '../rule-docs/link.js';
import type { RuleDocPanel } from '../rule-docs/panel.js';

/**
 * 查看规则说明: from a quick fix or a clicked rule id the rule comes as the argument; from the
 * command palette it is the fzlint problem at the cursor (a pick when several rules are there).
 */
export async function showRuleDoc(panel: RuleDocPanel, arg?: unknown): Promise<void> {
  if (isRuleDoc(arg)) return panel.show(arg);
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('请先把光标放在报告中标出问题的位置。'));
    return;
  }
  const cursor = editor.selection.active;
  const here = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.range.contains(cursor));
  const docs = documentedRules(here);
  if (docs.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('光标处没有带说明的 fzlint 问题。'));
    return;
  }
  if (docs.length === 1) return panel.show(docs[0]!);
  const picked = await vscode.window.showQuickPick(
    docs.map((doc) => ({ label: doc.ruleId, doc })),
    { placeHolder: vscode.l10n.t('查看哪条规则的说明') },
  );
  if (picked) await panel.show(picked.doc);
}
