import * as vscode from 'vscode';
import type { ChecklistResult } from '@fzlint/server';
import type { ChecklistController } from './controller.js';
import { checklistTree, describeEdition, summarize, type ChecklistNode } from './model.js';

export const CHECKLIST_VIEW_ID = 'fzlint.checklist';
/** Tree items carry this scheme so the decoration provider can colour missing items. */
const DECORATION_SCHEME = 'fzlint-checklist';

/** The 合规清单 view in the Explorer: the tree from model.ts, refreshed by the controller. */
export class ChecklistTree implements vscode.TreeDataProvider<ChecklistNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ChecklistNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: ChecklistNode[] = [];
  private readonly view: vscode.TreeView<ChecklistNode>;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(controller: ChecklistController) {
    this.view = vscode.window.createTreeView(CHECKLIST_VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.view,
      controller.onDidChange((r) => this.update(r)),
      vscode.window.registerFileDecorationProvider(new MissingItemDecorations()),
    );
    this.update(controller.result);
  }

  private update(result: ChecklistResult | undefined): void {
    this.roots = result ? checklistTree(result) : [];
    if (!result || result.status === 'not-report') {
      this.view.description = undefined;
      this.view.message = undefined; // the welcome content explains what to do
    } else if (result.status === 'disabled') {
      this.view.description = undefined;
      this.view.message = vscode.l10n.t('此文件已停用检查（设置 fzlint.enable 为 false）。');
    } else {
      const s = summarize(result);
      this.view.description = describeEdition(result);
      this.view.message = s.partsFound < s.partsTotal ? vscode.l10n.t('缺少 {0} 个必备部分', s.partsTotal - s.partsFound) : undefined;
    }
    this.changed.fire(undefined);
  }

  getChildren(node?: ChecklistNode): ChecklistNode[] {
    return node ? (node.children ?? []) : this.roots;
  }

  getTreeItem(node: ChecklistNode): vscode.TreeItem {
    const state = node.children?.length
      ? node.expanded
        ? vscode.TreeItemCollapsibleState.Expanded
        : vscode.TreeItemCollapsibleState.Collapsed
      : vscode.TreeItemCollapsibleState.None;
    const item = new vscode.TreeItem(node.label, state);
    item.id = node.id;
    item.description = node.description;
    item.tooltip = node.tooltip;
    if (node.kind === 'group') item.iconPath = groupIcon(node.ok);
    else if (node.kind === 'note') item.iconPath = new vscode.ThemeIcon(node.ok === false ? 'warning' : 'history');
    else item.iconPath = BLANK; // ✓/✗ lead the label; a blank icon keeps rows aligned (no file icon for the decoration URI)
    if (node.ok === false && node.kind === 'item') item.resourceUri = vscode.Uri.from({ scheme: DECORATION_SCHEME, path: `/${node.id}` });
    if (node.location) {
      item.command = { command: 'fzlint.revealChecklistItem', title: vscode.l10n.t('转到位置'), arguments: [node.location] };
    }
    item.accessibilityInformation = { label: [node.label, node.description].filter(Boolean).join('，') };
    item.contextValue = node.kind;
    return item;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

const BLANK = new vscode.ThemeIcon('blank');

function groupIcon(ok: boolean | undefined): vscode.ThemeIcon {
  if (ok === true) return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
  if (ok === false) return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
  return new vscode.ThemeIcon('circle-large-outline');
}

class MissingItemDecorations implements vscode.FileDecorationProvider {
  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== DECORATION_SCHEME) return undefined;
    return new vscode.FileDecoration(undefined, vscode.l10n.t('缺少'), new vscode.ThemeColor('list.errorForeground'));
  }
}
