/**
 * Entry of dist/client.js: the language client, loaded when the server starts (language-server.ts),
 * not at activation — VS Code activates the extension for stray plain-text models in any window,
 * and vscode-languageclient is most of the extension's code.
 */
import { l10n, Uri, type Diagnostic, type ExtensionContext, type LogOutputChannel } from 'vscode';
import { LanguageClient, RequestType, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { ChecklistParams, ChecklistResult } from '@fzlint/server';
import { DOCUMENT_SELECTOR } from './documents.js';
import { isLocalDoc, ruleDocCommandLink, ruleDocOfCode } from './rule-docs/link.js';

/** Declared with the server's types only: importing the value from @fzlint/server would bundle the server into the client. */
const ChecklistRequest = new RequestType<ChecklistParams, ChecklistResult, void>('fzlint/checklist');

/** What the rest of the extension needs from the client. */
export interface ServerHandle {
  readonly running: boolean;
  checklist(uri: string): Promise<ChecklistResult>;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the bundled server (dist/server.js) in its own Node process over node-ipc. Settings travel
 * by workspace/configuration (the server asks per document), so the client only declares the
 * selector; the server watches config and rule files itself. Rejects when the server cannot start.
 */
export async function startClient(context: ExtensionContext, output: LogOutputChannel): Promise<ServerHandle> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    outputChannel: output,
    diagnosticCollectionName: 'fzlint',
    middleware: {
      handleDiagnostics: (uri, diagnostics, next) => next(uri, diagnostics.map(linkRuleDocToPanel)),
    },
  };
  const client = new LanguageClient('fzlint', l10n.t('fzlint 法治政府建设年度报告检查'), serverOptions, clientOptions);
  await client.start();
  return {
    get running() {
      return client.isRunning();
    },
    checklist: (uri) => client.sendRequest(ChecklistRequest, { textDocument: { uri } }),
    restart: () => (client.isRunning() ? client.restart() : client.start()),
    stop: () => client.stop(),
  };
}

/**
 * A rule id linking to the installed docs (a local HTML file, which VS Code would open as source
 * text) links to 查看规则说明 instead: the Problems panel and the hover open it as a command.
 */
function linkRuleDocToPanel(diagnostic: Diagnostic): Diagnostic {
  const doc = ruleDocOfCode(diagnostic.code);
  if (doc && isLocalDoc(doc.href)) diagnostic.code = { value: doc.ruleId, target: Uri.parse(ruleDocCommandLink(doc)) };
  return diagnostic;
}
