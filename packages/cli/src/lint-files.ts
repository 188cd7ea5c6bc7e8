import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, extname, join, resolve } from 'node:path';
import type { Diagnostic, Engine, LintResult, ResolvedConfig } from '@fzlint/core';

export const REPORT_EXTENSIONS = ['.md', '.markdown', '.txt'];

export interface FileResult {
  filePath: string;
  source: string;
  diagnostics: Diagnostic[];
  /** Informational lines shown under the file name (e.g. which edition was used). */
  notes: string[];
  meta?: { year?: number; unit?: string; edition?: string };
  result?: LintResult;
}

/** Expands the command line's paths: files as given, folders to their report files (recursively, sorted). */
export async function collectFiles(paths: string[], cwd: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string) => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile() && REPORT_EXTENSIONS.includes(extname(e.name).toLowerCase())) out.push(p);
    }
  };
  for (const p of paths) {
    const abs = resolve(cwd, p);
    const s = await stat(abs);
    if (s.isDirectory()) await walk(abs);
    else out.push(abs);
  }
  return out;
}

export interface LintFilesOptions {
  engine: Engine;
  /** A fixed config (from --config), or undefined to discover .fzlint.yaml upward from each file. */
  config?: ResolvedConfig;
  edition?: string;
  cwd: string;
}

export async function lintFiles(files: string[], options: LintFilesOptions): Promise<FileResult[]> {
  const configs = new Map<string, Promise<ResolvedConfig>>();
  const configFor = (file: string): Promise<ResolvedConfig> => {
    if (options.config) return Promise.resolve(options.config);
    const dir = dirname(file);
    let p = configs.get(dir);
    if (!p) {
      p = options.engine.findConfigFile(dir).then((found) => options.engine.loadConfig(found ? { file: found } : { cwd: options.cwd }));
      configs.set(dir, p);
    }
    return p;
  };
  const results: FileResult[] = [];
  for (const file of files) {
    const source = (await readFile(file, 'utf8')).replace(/^\ufeff/, '');
    const config = await configFor(file);
    const result = options.engine.lint(source, { path: file, config, edition: options.edition });
    const notes: string[] = [];
    if (result.edition) notes.push(`按「${result.edition.name}」检查${result.year ? `（${result.year}年度报告）` : ''}`);
    results.push({
      filePath: file,
      source,
      diagnostics: result.diagnostics,
      notes,
      meta: { year: result.year, unit: result.document.meta.unit?.value, edition: result.edition?.id },
      result,
    });
  }
  return results;
}
