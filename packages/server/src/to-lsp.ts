import { ruleDocsUrl, type ActiveRule, type Diagnostic } from '@fzlint/core';
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';

export const DIAGNOSTIC_SOURCE = 'fzlint';

const SEVERITY: Record<Diagnostic['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export interface LspConversion {
  /** URI of the linted document (related locations without a path point into it). */
  documentUri: string;
  /** URI for another file a related location points into (e.g. last year's report). */
  uriOfPath(path: string): string;
  /** The rules that ran, for links to their documentation. */
  rules?: ReadonlyMap<string, ActiveRule>;
  /** Where the generated rule docs are (the config's docsUrl or the installed ones). */
  docsUrl?: string;
}

/** What a published diagnostic carries back to code actions, to find the engine diagnostic again. */
export interface DiagnosticData {
  ruleId: string;
  start: number;
  end: number;
}

/**
 * The one conversion from engine diagnostics to LSP diagnostics. The engine already gives
 * 0-based line/UTF-16 character ranges, so positions pass through unchanged.
 */
export function toLspDiagnostic(d: Diagnostic, ctx: LspConversion): LspDiagnostic {
  const out: LspDiagnostic = {
    range: d.range,
    severity: SEVERITY[d.severity],
    source: DIAGNOSTIC_SOURCE,
    code: d.ruleId,
    message: d.message,
  };
  const url = ruleDocsUrl(d.ruleId, ctx.rules?.get(d.ruleId)?.def, ctx.docsUrl);
  if (url) out.codeDescription = { href: url };
  if (d.related?.length) {
    out.relatedInformation = d.related.map((r) => ({
      location: { uri: r.path ? ctx.uriOfPath(r.path) : ctx.documentUri, range: r.range },
      message: r.message,
    }));
  }
  const data: DiagnosticData = { ruleId: d.ruleId, start: d.start, end: d.end };
  out.data = data;
  return out;
}
