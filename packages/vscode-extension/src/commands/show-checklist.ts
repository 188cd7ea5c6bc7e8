import * as vscode from 'vscode';
import type { ChecklistController } from '../checklist/controller.js';
import { CHECKLIST_VIEW_ID } from '../checklist/tree.js';

/** 显示合规清单: reveal the view in the Explorer and ask the server for a fresh list. */
export async function showChecklist(controller: ChecklistController): Promise<void> {
  await vscode.commands.executeCommand(`${CHECKLIST_VIEW_ID}.focus`);
  await controller.refresh();
}
