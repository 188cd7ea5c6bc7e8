import * as vscode from 'vscode';
import type { ChecklistController } from '../checklist/controller.js';
import { CHECKLIST_VIEW_ID } from '../checklist/tree.js';
import type { LanguageServer } from '../language-server.js';

/** 显示合规清单: start the server if needed, reveal the view in the Explorer and ask for a fresh list. */
export async function showChecklist(server: LanguageServer, controller: ChecklistController): Promise<void> {
  await server.start();
  await vscode.commands.executeCommand(`${CHECKLIST_VIEW_ID}.focus`);
  await controller.refresh();
}
