import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ChecklistController } from './checklist/controller.js';
import { ChecklistTree } from './checklist/tree.js';
import { createLanguageClient } from './client.js';
import { createConfig } from './commands/create-config.js';
import { fixAll } from './commands/fix-all.js';
import { insertTemplate } from './commands/insert-template.js';
import { reloadRules } from './commands/reload-rules.js';
import { revealChecklistItem } from './commands/reveal.js';
import { showChecklist } from './commands/show-checklist.js';
import { createStatusBar } from './status-bar.js';

let client: LanguageClient | undefined;

/** Activated by a Markdown or plain-text document, or a workspace with .fzlint.yaml (package.json). */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('fzlint', { log: true });
  client = createLanguageClient(context, output);
  const controller = new ChecklistController(client);
  const c = client;
  context.subscriptions.push(
    output,
    controller,
    new ChecklistTree(controller),
    createStatusBar(controller),
    vscode.commands.registerCommand('fzlint.insertTemplate', () => insertTemplate(context)),
    vscode.commands.registerCommand('fzlint.fixAll', () => fixAll()),
    vscode.commands.registerCommand('fzlint.showChecklist', () => showChecklist(controller)),
    vscode.commands.registerCommand('fzlint.reloadRules', () => reloadRules(c, controller)),
    vscode.commands.registerCommand('fzlint.createConfig', (uri?: vscode.Uri) => createConfig(uri instanceof vscode.Uri ? uri : undefined)),
    vscode.commands.registerCommand('fzlint.revealChecklistItem', revealChecklistItem),
  );
  await vscode.commands.executeCommand('setContext', 'fzlint.active', true);
  try {
    await client.start();
  } catch (e) {
    void vscode.window.showErrorMessage(`fzlint 语言服务器未能启动：${(e as Error)?.message ?? String(e)}（详情见“输出”面板中的 fzlint）`);
    return;
  }
  await controller.refresh();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
