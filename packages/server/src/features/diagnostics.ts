import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CancellationToken, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { conversion, type ServerContext } from '../context.js';
import { toLspDiagnostic } from '../to-lsp.js';
import { isYamlPath, uriToPath } from '../workspace/paths.js';

/**
 * The diagnostics of one version of a document, as LSP diagnostics: the engine's findings and
 * the server's own (broken config, unreadable previous report, internal error). Undefined when
 * the document is not checked (not a report, or fzlint.enable is false). What is published and
 * when is DiagnosticsPublisher's business.
 */
export class DiagnosticsProvider {
  constructor(private readonly ctx: ServerContext) {}

  async provideDiagnostics(doc: TextDocument, token: CancellationToken = CancellationToken.None): Promise<LspDiagnostic[] | undefined> {
    const analysis = await this.ctx.analyzer.analyze(doc);
    if (analysis.state !== 'checked' || token.isCancellationRequested) return undefined;
    const conv = conversion(this.ctx, analysis);
    return analysis.diagnostics.map((d) => toLspDiagnostic(d, conv));
  }
}

/** Reports are Markdown or plain text; YAML documents are config and rule files (see rule-files.ts). */
export function isReportCandidate(doc: TextDocument): boolean {
  return doc.languageId !== 'yaml' && !isYamlPath(uriToPath(doc.uri) ?? doc.uri);
}
