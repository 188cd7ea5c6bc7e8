import * as vscode from 'vscode';
import { ChecklistController } from './checklist/controller.js';
import { ChecklistTree } from './checklist/tree.js';
import { createConfig } from './commands/create-config.js';
import { fixAll } from './commands/fix-all.js';
import { insertTemplate } from './commands/insert-template.js';
import { reloadRules } from './commands/reload-rules.js';
import { revealChecklistItem } from './commands/reveal.js';
import { showChecklist } from './commands/show-checklist.js';
import { showRuleDoc } from './commands/show-rule-doc.js';
import { DOCUMENT_SELECTOR } from './documents.js';
import { LanguageServer } from './language-server.js';
import { RuleDocActions } from './rule-docs/code-actions.js';
import { RuleDocPanel } from './rule-docs/panel.js';
import { createStatusBar } from './status-bar.js';

let server: LanguageServer | undefined;

/**
 * Activated by a Markdown or plain-text document, or a workspace with .fzlint.yaml (package.json).
 * The server process starts with the first document it handles (language-server.ts).
 */
export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('fzlint', { log: true });
  const ls = new LanguageServer(context, output);
  server = ls;
  const controller = new ChecklistController(ls, output);
  const ruleDocs = new RuleDocPanel();
  context.subscriptions.push(
    output,
    ls,
    controller,
    new ChecklistTree(controller),
    createStatusBar(controller),
    vscode.commands.registerCommand('fzlint.insertTemplate', () => insertTemplate(context)),
    vscode.commands.registerCommand('fzlint.fixAll', () => fixAll(ls)),
    vscode.commands.registerCommand('fzlint.showChecklist', () => showChecklist(ls, controller)),
    vscode.commands.registerCommand('fzlint.reloadRules', () => reloadRules(ls)),
    vscode.commands.registerCommand('fzlint.createConfig', (uri?: vscode.Uri) => createConfig(uri instanceof vscode.Uri ? uri : undefined)),
    vscode.commands.registerCommand('fzlint.revealChecklistItem', revealChecklistItem),
    ruleDocs,
    vscode.commands.registerCommand('fzlint.showRuleDoc', (arg?: unknown) => showRuleDoc(ruleDocs, arg)),
    vscode.languages.registerCodeActionsProvider(DOCUMENT_SELECTOR, new RuleDocActions(), RuleDocActions.metadata),
  );
}

export async function deactivate(): Promise<void> {
  await server?.stop();
  server = undefined;
}
