import type { ExtensionContext, LogOutputChannel } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

/** Documents the server handles: reports (Markdown, plain text) and the YAML config and rule files. */
export const DOCUMENT_SELECTOR = [
  { scheme: 'file', language: 'markdown' },
  { scheme: 'file', language: 'plaintext' },
  { scheme: 'untitled', language: 'markdown' },
  { scheme: 'untitled', language: 'plaintext' },
  { scheme: 'file', language: 'yaml' },
];

/**
 * The language client for the bundled server (dist/server.js), run in its own Node process over
 * node-ipc. Settings travel by workspace/configuration (the server asks per document), so the
 * client only declares the selector. The server watches config and rule files itself.
 */
export function createLanguageClient(context: ExtensionContext, output: LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    outputChannel: output,
    diagnosticCollectionName: 'fzlint',
    initializationOptions: {},
  };
  return new LanguageClient('fzlint', 'fzlint 法治政府建设年度报告检查', serverOptions, clientOptions);
}
