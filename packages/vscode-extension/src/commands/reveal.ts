import * as vscode from 'vscode';
import type { Location } from '../checklist/model.js';

/** Clicking a checklist item: open its document (this report or last year's) with the range selected. */
export async function revealChecklistItem(location: Location): Promise<void> {
  const { start, end } = location.range;
  const range = new vscode.Range(start.line, start.character, end.line, end.character);
  const editor = await vscode.window.showTextDocument(vscode.Uri.parse(location.uri), { selection: range, preserveFocus: false });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
