import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { isLocalDoc, type RuleDoc } from './link.js';
import { docPage, SIBLING_PAGE } from './page.js';

/**
 * 查看规则说明: one webview panel showing the generated rule docs at a rule. The installed docs are
 * a local HTML file, which VS Code (and code-server) would open as source text; published docs
 * (a config's http docsUrl, a rule's own url) open in the browser instead.
 */
export class RuleDocPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  /** The docs page shown, for links to its sibling page (rules.html ↔ rule-kinds.html). */
  private page: vscode.Uri | undefined;

  async show(doc: RuleDoc): Promise<void> {
    if (!isLocalDoc(doc.href)) {
      await vscode.env.openExternal(vscode.Uri.parse(doc.href));
      return;
    }
    const uri = vscode.Uri.parse(doc.href);
    // Only a docs page: a command link could name any local file.
    if (!uri.path.endsWith('.html')) return;
    await this.render(uri.with({ fragment: '' }), uri.fragment || doc.ruleId, doc.ruleId);
  }

  private async render(page: vscode.Uri, anchor: string, title: string): Promise<void> {
    let html: string;
    try {
      html = new TextDecoder().decode(await vscode.workspace.fs.readFile(page));
    } catch (e) {
      void vscode.window.showErrorMessage(vscode.l10n.t('无法读取规则说明 {0}：{1}', page.fsPath, (e as Error)?.message ?? String(e)));
      return;
    }
    const panel = this.reveal();
    this.page = page;
    panel.title = vscode.l10n.t('规则说明：{0}', title);
    panel.webview.html = docPage({
      html,
      anchor,
      nonce: randomBytes(16).toString('base64'),
      notFoundMessage: vscode.l10n.t('这份说明中没有「{0}」，下面是全部说明。', anchor),
    });
  }

  private reveal(): vscode.WebviewPanel {
    if (this.panel) {
      this.panel.reveal(vscode.ViewColumn.Beside, true);
      return this.panel;
    }
    const panel = vscode.window.createWebviewPanel(
      'fzlint.ruleDoc',
      vscode.l10n.t('规则说明'),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, enableFindWidget: true, localResourceRoots: [] },
    );
    panel.webview.onDidReceiveMessage((message: unknown) => this.openSibling(message));
    panel.onDidDispose(() => {
      this.panel = undefined;
      this.page = undefined;
    });
    this.panel = panel;
    return panel;
  }

  /** A click on a link to the sibling docs page, posted by the page's script. */
  private async openSibling(message: unknown): Promise<void> {
    const { page, anchor } = (message ?? {}) as { page?: unknown; anchor?: unknown };
    if (!this.page || typeof page !== 'string' || typeof anchor !== 'string' || !SIBLING_PAGE.test(page)) return;
    await this.render(vscode.Uri.joinPath(this.page, '..', page), anchor, anchor || page);
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
