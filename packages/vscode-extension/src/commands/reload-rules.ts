import * as vscode from 'vscode';
import type { LanguageServer } from '../language-server.js';

/**
 * 重新加载规则: restarts the language server, so every config and rule file (and last year's
 * reports) is read afresh and all open reports are checked again. The server already reloads on
 * changes it sees; this is for changes it cannot (files edited outside the watched folders).
 * The checklist refreshes when the server has started again.
 */
export async function reloadRules(server: LanguageServer): Promise<void> {
  const client = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('fzlint：正在重新加载规则') }, () => server.restart());
  if (client) void vscode.window.setStatusBarMessage(vscode.l10n.t('fzlint：已重新加载规则并重新检查'), 4000);
}
