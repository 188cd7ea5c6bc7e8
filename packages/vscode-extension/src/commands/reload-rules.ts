import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ChecklistController } from '../checklist/controller.js';

/**
 * 重新加载规则: restarts the language server, so every config and rule file (and last year's
 * reports) is read afresh and all open reports are checked again. The server already reloads on
 * changes it sees; this is for changes it cannot (files edited outside the watched folders).
 */
export async function reloadRules(client: LanguageClient, controller: ChecklistController): Promise<void> {
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'fzlint：正在重新加载规则' }, async () => {
    if (client.isRunning()) await client.restart();
    else await client.start();
  });
  await controller.refresh();
  void vscode.window.setStatusBarMessage('fzlint：已重新加载规则并重新检查', 4000);
}
