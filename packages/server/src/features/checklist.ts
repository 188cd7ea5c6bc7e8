import type { Fact, LintResult } from '@fzlint/core';
import { READ_LIMITS, readRegularText } from '@fzlint/workspace';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import type { Analysis } from '../analysis.js';
import { uriOfPath, type ServerContext } from '../context.js';
import { ChecklistRequest, type ChecklistItem, type ChecklistResult } from '../protocol.js';
import { uriToPath } from '../workspace/paths.js';

/**
 * `fzlint/checklist`: for one report, each required part (found with its range, or missing),
 * required subsections, data points, last year's problems when a previous report is known,
 * and diagnostic counts. Built from the engine's facts; works for open documents and, for
 * file: URIs, for files on disk.
 */
export class ChecklistProvider {
  constructor(private readonly ctx: ServerContext) {}

  /** The checklist of an open document, or of a file read through the workspace's file system. */
  async provideChecklist(uri: string, token: CancellationToken): Promise<ChecklistResult> {
    const open = this.ctx.documents.get(uri);
    if (open) return checklist(this.ctx, await this.ctx.analyzer.analyze(open), open.version);
    const path = uriToPath(uri);
    if (!path) throw new ResponseError(ErrorCodes.InvalidParams, `${ChecklistRequest.method}：文档 ${uri} 未打开，且不是本地文件`);
    let doc: TextDocument;
    try {
      doc = TextDocument.create(uri, path.endsWith('.md') ? 'markdown' : 'plaintext', 0, await readRegularText(this.ctx.fs, path, READ_LIMITS.report));
    } catch (e) {
      throw new ResponseError(ErrorCodes.InvalidParams, `${ChecklistRequest.method}：无法读取 ${path}：${(e as Error)?.message ?? String(e)}`);
    }
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, `${ChecklistRequest.method}：已取消`);
    const analysis = await this.ctx.analyzer.analyze(doc);
    this.ctx.analyzer.forget(uri);
    return checklist(this.ctx, analysis, null);
  }
}

export function checklist(ctx: ServerContext, analysis: Analysis, version: number | null): ChecklistResult {
  const out: ChecklistResult = {
    uri: analysis.uri,
    version,
    status: analysis.state,
    parts: [],
    subsections: [],
    dataPoints: [],
    quantification: [],
    previous: { status: 'none', items: [] },
    other: [],
    counts: { error: 0, warning: 0, info: 0, total: 0, fixable: 0 },
  };
  if (analysis.discovery) out.previous.reason = analysis.discovery;
  if (analysis.previous) {
    const p = analysis.previous;
    // The protocol names the user's own choice after where it comes from in an editor: the setting.
    out.previous = { ...out.previous, status: p.status, source: p.source === 'host' ? 'setting' : p.source, path: p.path, uri: uriOfPath(ctx, p.path), items: [] };
    if (p.error) out.previous.error = p.error;
  }
  for (const d of analysis.diagnostics) {
    out.counts[d.severity]++;
    out.counts.total++;
    if (d.fix) out.counts.fixable++;
  }
  const result = analysis.result;
  if (!result) return out;
  if (result.edition) out.edition = { ...result.edition };
  if (result.year !== undefined) out.year = result.year;
  if (result.document.meta.unit) out.unit = result.document.meta.unit.value;

  for (const fact of result.facts) {
    const item = toItem(ctx, result, fact);
    if (fact.path) out.previous.items.push({ ...item, type: fact.type });
    else if (fact.type === 'section') out.parts.push(item);
    else if (fact.type === 'subsection') out.subsections.push(item);
    else if (fact.type === 'data-point') out.dataPoints.push(item);
    else if (fact.type === 'quantification') out.quantification.push(item);
    else out.other.push({ ...item, type: fact.type });
  }
  out.parts.sort((a, b) => (a.order ?? 99) - (b.order ?? 99));
  return out;
}

function toItem(ctx: ServerContext, result: LintResult, fact: Fact): ChecklistItem {
  const item: ChecklistItem = { ruleId: fact.ruleId, name: fact.name, found: fact.found };
  if (fact.id) {
    item.id = fact.id;
    const def = result.sections.definition(fact.id);
    if (def?.heading) item.heading = def.heading;
    if (def?.order !== undefined && !def.within) item.order = def.order;
  }
  if (fact.detail) item.detail = fact.detail;
  if (fact.start !== undefined) {
    const inPrevious = fact.path && result.previous && fact.path === result.previous.path;
    const lines = inPrevious ? result.previous!.doc.lines : fact.path ? undefined : result.document.lines;
    if (lines) item.range = lines.rangeOf(fact.start, fact.end ?? fact.start);
    if (fact.path) item.uri = uriOfPath(ctx, fact.path);
  }
  return item;
}
