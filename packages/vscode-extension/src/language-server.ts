import * as vscode from 'vscode';
import type * as Client from './client.js';
import { handled } from './documents.js';

/**
 * The language server's lifecycle. VS Code activates the extension for any Markdown or plain-text
 * model, including ones nobody opened as a file (it does so in most windows), and for a workspace
 * with .fzlint.yaml before anything is open; so the client code is loaded and the server process
 * started only when a document the server handles is open (or a command needs it). Until then the
 * extension costs a few registrations. Starting sets the context key `fzlint.active`, which shows
 * the checklist view.
 */
export class LanguageServer implements vscode.Disposable {
  private handle: Client.ServerHandle | undefined;
  private starting: Promise<Client.ServerHandle | undefined> | undefined;
  private readonly started = new vscode.EventEmitter<void>();
  readonly onDidStart = this.started.event;
  private readonly disposables: vscode.Disposable[] = [this.started];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.LogOutputChannel,
  ) {
    const first = vscode.workspace.textDocuments.find(handled);
    if (first) void this.start(first);
    else {
      const waiting = vscode.workspace.onDidOpenTextDocument((doc) => {
        if (!handled(doc)) return;
        waiting.dispose();
        void this.start(doc);
      });
      this.disposables.push(waiting);
    }
  }

  /** The server, when it is running. */
  get running(): Client.ServerHandle | undefined {
    return this.handle?.running ? this.handle : undefined;
  }

  /** Starts the server once; later calls wait for the same start. Undefined when it failed (the user was told). */
  start(reason?: vscode.TextDocument): Promise<Client.ServerHandle | undefined> {
    this.starting ??= this.launch(reason);
    return this.starting;
  }

  /** Reloads everything the server read: a new server process. */
  async restart(): Promise<Client.ServerHandle | undefined> {
    if (!this.handle) return this.start();
    await this.handle.restart();
    this.started.fire();
    return this.handle;
  }

  private async launch(reason: vscode.TextDocument | undefined): Promise<Client.ServerHandle | undefined> {
    this.output.info(reason ? vscode.l10n.t('启动 fzlint 语言服务器（打开了 {0}）', vscode.workspace.asRelativePath(reason.uri)) : vscode.l10n.t('启动 fzlint 语言服务器'));
    await vscode.commands.executeCommand('setContext', 'fzlint.active', true);
    try {
      const client = require(this.context.asAbsolutePath('dist/client.js')) as typeof Client;
      this.handle = await client.startClient(this.context, this.output);
    } catch (e) {
      void vscode.window.showErrorMessage(vscode.l10n.t('fzlint 语言服务器未能启动：{0}（详情见“输出”面板中的 fzlint）', (e as Error)?.message ?? String(e)));
      return undefined;
    }
    this.started.fire();
    return this.handle;
  }

  async stop(): Promise<void> {
    await this.handle?.stop();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
