import { AnnotateError, annotatedCopy, describeFsError, FileReadError, findingComment, InputError, READ_LIMITS, readRegularFile, type WorkspaceFs, WriteError, writeFileAtomic } from '@fzlint/workspace';
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import type { FileResult, RuleInfo } from '../results.js';

export interface AnnotateOutcome {
  written: number;
  /** One Chinese line per report whose copy could not be written. */
  problems: string[];
}

/**
 * --annotate DIR: for each checked report, a Word copy with a comment on each finding, written
 * under DIR with the report's path relative to the working folder (its file name when outside
 * it); other formats than .docx become NAME.docx. Originals are never written: a copy that would
 * land on a report of the run is refused.
 */
export async function writeAnnotatedCopies(results: FileResult[], dir: string, cwd: string, fs: WorkspaceFs, rules: Map<string, RuleInfo>): Promise<AnnotateOutcome> {
  const out = resolve(cwd, dir);
  const real = async (p: string) => fs.realpath(p).catch(() => resolve(p));
  const inputs = new Set(await Promise.all(results.map((r) => real(r.filePath))));
  const targets = copyPaths(results.filter((r) => !r.error && r.kind), out, cwd);
  const outcome: AnnotateOutcome = { written: 0, problems: [] };
  for (const [r, target] of targets) {
    const fail = (why: string) => outcome.problems.push(`「${r.filePath}」未生成批注副本：${why}`);
    if (inputs.has(await real(target))) {
      fail(`副本路径「${target}」就是被检查的报告，原文件不能被覆盖；请换一个输出目录`);
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = await readRegularFile(fs, r.filePath, READ_LIMITS.report);
    } catch (e) {
      fail(e instanceof FileReadError ? e.message : describeFsError(e));
      continue;
    }
    const annotations = r.diagnostics.map((d) => findingComment(d, r.source, rules.get(d.ruleId)));
    let copy: Uint8Array;
    try {
      copy = annotatedCopy({ kind: r.kind!, bytes, text: r.source }, annotations).bytes;
    } catch (e) {
      if (e instanceof AnnotateError || e instanceof InputError) {
        fail(e.message);
        continue;
      }
      throw e;
    }
    try {
      await fs.mkdir(dirname(target), { recursive: true });
      await writeFileAtomic(fs, target, copy);
      outcome.written++;
    } catch (e) {
      fail(e instanceof WriteError ? e.message : `无法写入「${target}」：${describeFsError(e)}`);
    }
  }
  return outcome;
}

/** Where each report's copy goes: its path under the working folder, kept under `out`, as .docx; a second report with the same copy name keeps its extension in the name. */
function copyPaths(results: FileResult[], out: string, cwd: string): Array<[FileResult, string]> {
  const taken = new Set<string>();
  const list: Array<[FileResult, string]> = [];
  for (const r of results) {
    const rel = relative(cwd, r.filePath);
    const inside = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : basename(r.filePath);
    const ext = extname(inside);
    const stem = inside.slice(0, inside.length - ext.length);
    let target = join(out, ext.toLowerCase() === '.docx' ? inside : `${stem}.docx`);
    if (taken.has(target)) target = join(out, `${stem}${ext.replace('.', '-')}.docx`);
    for (let n = 2; taken.has(target); n++) target = join(out, `${stem}-${n}.docx`);
    taken.add(target);
    list.push([r, target]);
  }
  return list;
}
