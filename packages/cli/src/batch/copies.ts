import { COPY_RULE_ID, copyFindings, placeOf, type BatchReport } from '@fzlint/workspace';
import { basename, extname } from 'node:path';
import { engineRuleInfo } from '../rule-info.js';
import type { FileDiagnostic, FileResult, RuleInfo } from '../results.js';

/**
 * Adds the batch's copy findings (fzlint/copied-passage) to the results of a run over several
 * files; a single file has nothing to be copied from. Returns the rule's metadata when any was found.
 */
export function addCopyFindings(results: FileResult[], docsUrl?: string): RuleInfo | undefined {
  const checked = results.filter((r) => !r.error && r.batch);
  if (checked.length < 2) return undefined;
  const reports: BatchReport[] = checked.map((r) => ({
    path: r.filePath,
    text: r.source,
    bodyEnd: r.batch!.bodyEnd,
    year: r.meta.year,
    unit: r.meta.unit,
    places: r.batch!.places,
    copies: r.batch!.copies,
  }));
  const findings = copyFindings(reports, reportName(checked.map((r) => r.filePath)));
  let any = false;
  checked.forEach((r, i) => {
    const list = findings[i]!;
    if (!list.length) return;
    any = true;
    const input = { places: r.batch!.places };
    for (const d of list as FileDiagnostic[]) if (input.places) d.place = placeOf(input, d.start);
    r.diagnostics = [...r.diagnostics, ...list].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  });
  return any ? engineRuleInfo(COPY_RULE_ID, docsUrl) : undefined;
}

/**
 * A report by its file name without the extension; when two reports share a name, by as many of
 * its last folders as tell them apart (2024/蓬江区司法局): messages never hold a local absolute path.
 */
function reportName(paths: string[]): (path: string) => string {
  const parts = (p: string) => {
    const segments = p.split(/[\\/]/).filter(Boolean);
    segments[segments.length - 1] = basename(p, extname(p));
    return segments;
  };
  const names = new Map<string, string>();
  const byStem = new Map<string, string[]>();
  for (const p of paths) byStem.set(basename(p, extname(p)), [...(byStem.get(basename(p, extname(p))) ?? []), p]);
  for (const group of byStem.values()) {
    for (const p of group) {
      const own = parts(p);
      let n = 1;
      const suffix = (q: string, k: number) => parts(q).slice(-k).join('/');
      while (n < own.length && group.some((q) => q !== p && suffix(q, n) === suffix(p, n))) n++;
      names.set(p, suffix(p, n));
    }
  }
  return (p) => names.get(p) ?? basename(p, extname(p));
}
