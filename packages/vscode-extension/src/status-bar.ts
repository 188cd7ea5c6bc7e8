import * as vscode from 'vscode';
import type { ChecklistController } from './checklist/controller.js';
import { statusText, statusTooltip, summarize } from './checklist/model.js';

/** "法治报告 6/6 · ⚠2" for the active report; hidden for other documents. Clicking opens the checklist. */
export function createStatusBar(controller: ChecklistController): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('fzlint.status', vscode.StatusBarAlignment.Left, 10);
  item.name = vscode.l10n.t('fzlint 法治报告');
  item.command = 'fzlint.showChecklist';
  const update = () => {
    const result = controller.result;
    if (!result || result.status !== 'checked') {
      item.hide();
      return;
    }
    const s = summarize(result);
    item.text = statusText(s);
    item.tooltip = statusTooltip(result, s);
    item.accessibilityInformation = { label: vscode.l10n.t('法治报告，必备部分 {0}/{1}，错误 {2}，警告 {3}', s.partsFound, s.partsTotal, s.errors, s.warnings) };
    item.backgroundColor = s.partsFound < s.partsTotal || s.errors ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.show();
  };
  const sub = controller.onDidChange(update);
  update();
  return vscode.Disposable.from(item, sub);
}
