import { readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join } from 'node:path';
import { createEngine, type ResolvedConfig } from '@fzlint/core';

export interface ConfigLookup {
  /** The report's path (undefined for an untitled document). */
  docPath?: string;
  /** The workspace folder's path, for relative `fzlint.configFile` and as the start without a document. */
  folderPath?: string;
  /** The `fzlint.configFile` setting. */
  configFile?: string;
}

/**
 * Loads the configuration the server would use for a report (the `fzlint.configFile` setting, else
 * the nearest `.fzlint.yaml`, else fzlint:recommended), so the report template follows a unit's
 * own template sections. A broken config falls back to the built-in one; `problem` says why.
 */
export async function loadConfigFor(lookup: ConfigLookup): Promise<{ config: ResolvedConfig; file?: string; problem?: string }> {
  const engine = createEngine({
    readFile: async (path) => (await readFile(path, 'utf8')).replace(/^\ufeff/, ''),
    exists: (path) => stat(path).then((s) => s.isFile(), () => false),
  });
  const start = lookup.docPath ? dirname(lookup.docPath) : lookup.folderPath;
  let file: string | undefined;
  if (lookup.configFile) file = isAbsolute(lookup.configFile) || !lookup.folderPath ? lookup.configFile : join(lookup.folderPath, lookup.configFile);
  else if (start) file = await engine.findConfigFile(start);
  try {
    return { config: await engine.loadConfig(file ? { file } : { cwd: start ?? process.cwd() }), file };
  } catch (e) {
    const problem = `配置文件 ${file ?? ''} 有误，已按内置规则（fzlint:recommended）生成模板：${(e as Error)?.message ?? String(e)}`;
    return { config: await engine.loadConfig({ cwd: start ?? process.cwd() }), problem };
  }
}
