import type { Diagnostic, Range } from '@fzlint/core';
import { pathToFileURL } from 'node:url';
import type { FileResult, RuleInfo } from '../results.js';
import { displayPath, type FormatContext } from './context.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/**
 * SARIF 2.1.0 for GitHub code scanning and SARIF viewers: one run, the rules that ran with their
 * metadata (name, descriptions, help with the guideline source, helpUri when the rule has a URL,
 * default level), results with regions in UTF-16 columns, certain fixes as SARIF fixes, and files
 * that could not be checked as tool execution notifications.
 */
export function formatSarif(results: FileResult[], ctx: FormatContext): string {
  const srcroot = pathToFileURL(ctx.cwd.endsWith('/') ? ctx.cwd : `${ctx.cwd}/`).href;
  const ruleIds = [...new Set([...ctx.rules.keys(), ...results.flatMap((r) => r.diagnostics.map((d) => d.ruleId))])].sort();
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
  const artifacts = results.map((r) => ({
    location: artifactLocation(r.filePath, ctx.cwd),
    ...(r.encoding ? { encoding: r.encoding.startsWith('GB') ? 'GB18030' : r.encoding.replace(' ', '') } : {}),
  }));
  const sarifResults = results.flatMap((r, fileIndex) =>
    r.diagnostics.map((d) => ({
      ruleId: d.ruleId,
      ruleIndex: ruleIndex.get(d.ruleId)!,
      level: LEVEL[d.severity],
      message: { text: d.message },
      locations: [
        {
          physicalLocation: { artifactLocation: { ...artifactLocation(r.filePath, ctx.cwd), index: fileIndex }, region: region(d.range, r.source, d) },
          // Lines of text extracted from Word or PDF: the place in the original file.
          ...(d.place ? { message: { text: d.place } } : {}),
        },
      ],
      ...(d.related?.length
        ? {
            relatedLocations: d.related.map((rel, i) => ({
              id: i + 1,
              physicalLocation: { artifactLocation: artifactLocation(rel.path ?? r.filePath, ctx.cwd), region: region(rel.range) },
              message: { text: rel.message },
            })),
          }
        : {}),
      ...(d.fix
        ? {
            fixes: [
              {
                description: { text: d.fix.title },
                artifactChanges: [
                  {
                    artifactLocation: artifactLocation(r.filePath, ctx.cwd),
                    replacements: d.fix.edits.map((e) => ({ deletedRegion: { charOffset: e.start, charLength: e.end - e.start }, insertedContent: { text: e.text } })),
                  },
                ],
              },
            ],
          }
        : {}),
      partialFingerprints: { 'fzlint/v1': fingerprint(d, r.source) },
    })),
  );
  const notifications = results
    .filter((r) => r.error)
    .map((r) => ({
      level: 'error' as const,
      message: { text: [r.error!.message, ...(r.error!.problems ?? []).map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`)].join('\n') },
      locations: [{ physicalLocation: { artifactLocation: artifactLocation(r.filePath, ctx.cwd) } }],
    }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'fzlint',
            fullName: 'fzlint 法治政府建设年度报告检查工具',
            version: ctx.version,
            semanticVersion: ctx.version,
            // The rule docs (the config's docsUrl or those installed with fzlint): a page that exists.
            ...(ctx.docsUrl ? { informationUri: ctx.docsUrl } : {}),
            language: 'zh-CN',
            rules: ruleIds.map((id) => descriptor(ctx.rules.get(id) ?? { id, severity: 'warning' })),
          },
        },
        invocations: [{ executionSuccessful: notifications.length === 0, ...(notifications.length ? { toolExecutionNotifications: notifications } : {}) }],
        originalUriBaseIds: { SRCROOT: { uri: srcroot } },
        artifacts,
        results: sarifResults,
        columnKind: 'utf16CodeUnits',
        language: 'zh-CN',
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function descriptor(rule: RuleInfo) {
  const short = rule.description ?? rule.id;
  const full = [rule.description, rule.doc].filter(Boolean).join('。').replace(/。。/g, '。') || rule.id;
  const helpLines = [rule.description ? `**${rule.description}**` : `**${rule.id}**`, rule.doc, rule.source ? `依据：${rule.source}` : undefined, rule.pack ? `规则包：${rule.pack}` : undefined].filter(Boolean);
  return {
    id: rule.id,
    name: rule.id,
    shortDescription: { text: short },
    fullDescription: { text: full },
    help: { text: helpLines.join('\n\n').replace(/\*\*/g, ''), markdown: helpLines.join('\n\n') },
    ...(rule.url ? { helpUri: rule.url } : {}),
    defaultConfiguration: rule.severity === 'off' ? { enabled: false } : { level: LEVEL[rule.severity as keyof typeof LEVEL] ?? 'warning' },
    properties: { tags: [rule.pack, rule.kind].filter((t): t is string => Boolean(t)), ...(rule.source ? { source: rule.source } : {}) },
  };
}

function artifactLocation(file: string, cwd: string) {
  const shown = displayPath(file, cwd);
  if (shown === file && file.startsWith('/')) return { uri: pathToFileURL(file).href };
  if (file === '<stdin>') return { uri: 'stdin' };
  return { uri: shown.split('/').map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' };
}

/** SARIF regions are 1-based; endColumn is the column after the last character. */
function region(range: Range, source?: string, d?: Diagnostic) {
  const r = {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
  if (source !== undefined && d && d.end > d.start) return { ...r, snippet: { text: source.slice(d.start, Math.min(d.end, d.start + 200)) } };
  return r;
}

/** Stable across unrelated edits: rule, message and the text of the finding's line. */
function fingerprint(d: Diagnostic, source: string): string {
  const lineStart = source.lastIndexOf('\n', d.start - 1) + 1;
  const lineEnd = source.indexOf('\n', d.start);
  const line = source.slice(lineStart, lineEnd < 0 ? source.length : lineEnd).trim();
  let h = 0x811c9dc5;
  for (const ch of `${d.ruleId}\u0000${d.message}\u0000${line}`) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
