import { dirname } from 'node:path';
import type { ResolvedConfig } from '@fzlint/core';
import { asyncFs, ConfigResolver } from '@fzlint/workspace';

export interface ConfigLookup {
  /** The report's path (undefined for an untitled document). */
  docPath?: string;
  /** The workspace folder's path, for relative `fzlint.configFile` and as the start without a document. */
  folderPath?: string;
  /** The `fzlint.configFile` setting. */
  configFile?: string;
}

/**
 * The configuration the server would use for a report (the `fzlint.configFile` setting, else the
 * nearest `.fzlint.yaml`, else fzlint:recommended) — the same resolver — so the report template
 * follows a unit's own template sections. A broken config falls back to the built-in one; `problem` says why.
 */
export async function loadConfigFor(lookup: ConfigLookup): Promise<{ config: ResolvedConfig; file?: string; problem?: string }> {
  const resolver = new ConfigResolver({ fs: asyncFs });
  const base = lookup.folderPath ?? (lookup.docPath ? dirname(lookup.docPath) : process.cwd());
  const r = await resolver.resolve({ path: lookup.docPath, configFile: lookup.configFile || undefined, base });
  if (!r.error) return { config: r.config, file: r.file };
  return { config: r.config, problem: `配置文件 ${r.file ?? ''} 有误，已按内置规则（fzlint:recommended）生成模板：${r.error.message}` };
}
