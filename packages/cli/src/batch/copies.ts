import { COPY_RULE_ID, copyFindings, placeOf, type BatchReport } from '@fzlint/workspace';
import { basename, extname } from 'node:path';
import { displayPath } from '../formats/context.js';
import { engineRuleInfo } from '../rule-info.js';
import type { FileDiagnostic, FileResult, RuleInfo } from '../results.js';

/**
 * Adds the batch's copy findings (fzlint/copied-passage) to the results of a run over several
 * files; a single file has nothing to be copied from. Returns the rule's metadata when any was found.
 */
export function addCopyFindings(results: FileResult[], cwd: string): RuleInfo | undefined {
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
  const findings = copyFindings(reports, reportName(checked.map((r) => r.filePath), cwd));
  let any = false;
  checked.forEach((r, i) => {
    const list = findings[i]!;
    if (!list.length) return;
    any = true;
    const input = { places: r.batch!.places };
    for (const d of list as FileDiagnostic[]) if (input.places) d.place = placeOf(input, d.start);
    r.diagnostics = [...r.diagnostics, ...list].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  });
  return any ? engineRuleInfo(COPY_RULE_ID) : undefined;
}

/** A report by its file name without the extension; by its path when two reports share a name. */
function reportName(paths: string[], cwd: string): (path: string) => string {
  const stem = (p: string) => basename(p, extname(p));
  const count = new Map<string, number>();
  for (const p of paths) count.set(stem(p), (count.get(stem(p)) ?? 0) + 1);
  return (p) => {
    if (count.get(stem(p)) === 1) return stem(p);
    const shown = displayPath(p, cwd);
    return shown.slice(0, shown.length - extname(shown).length);
  };
}
