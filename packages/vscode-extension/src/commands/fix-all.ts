import * as vscode from 'vscode';
import type { LanguageServer } from '../language-server.js';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('fzlint');

/**
 * 修复全部问题: asks the server for `source.fixAll.fzlint` on the active document (the same action
 * `editor.codeActionsOnSave` runs) and applies it.
 */
export async function fixAll(server: LanguageServer): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('请先打开要修复的报告。'));
    return;
  }
  if (!(await server.start())) return;
  const doc = editor.document;
  const whole = new vscode.Range(0, 0, doc.lineCount, 0);
  const actions =
    (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, whole, FIX_ALL_KIND.value)) ?? [];
  const action = actions.find((a) => a.kind && FIX_ALL_KIND.contains(a.kind));
  if (!action || (!action.edit && !action.command)) {
    void vscode.window.setStatusBarMessage(vscode.l10n.t('fzlint：没有可以自动修复的问题'), 4000);
    return;
  }
  if (action.edit && !(await vscode.workspace.applyEdit(action.edit))) {
    void vscode.window.showErrorMessage(vscode.l10n.t('修复没有应用：文档在修复期间被修改了，请再试一次。'));
    return;
  }
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  void vscode.window.setStatusBarMessage(vscode.l10n.t('fzlint：{0}', action.title), 4000);
}
