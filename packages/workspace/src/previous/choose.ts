import { dirname, resolve } from 'node:path';
import type { DocumentFormat, ReportMeta, ResolvedConfig } from '@fzlint/core';
import { frontMatterPathRefusal } from '../front-matter-paths.js';
import { pathKey } from '../paths.js';
import type { PreviousDiscovery } from './discovery.js';

/** Where last year's report was named. */
export type PreviousSource = 'host' | 'front-matter' | 'config' | 'auto';

export interface PreviousChoice {
  path: string;
  source: PreviousSource;
  /** As the user wrote it (for messages). */
  written: string;
}

export interface PreviousRequest {
  /** The report's path; undefined for an unsaved document. */
  file?: string;
  /** The report's unit, year and front matter `previous:`. */
  meta: Pick<ReportMeta, 'unit' | 'year' | 'previous'>;
  format: DocumentFormat;
  config: ResolvedConfig;
  /** Named by the user for this run or document: `--previous FILE`, the `fzlint.previous` setting. Already absolute. */
  explicit?: { path: string; written: string };
  /** Folders a front matter path may point into, besides the report's and the config file's: the working directory, the workspace folder. */
  roots: ReadonlyArray<string | undefined>;
  /** Automatic discovery; absent for standard input. */
  discovery?: PreviousDiscovery;
}

export interface PreviousOutcome {
  choice?: PreviousChoice;
  /** What automatic discovery decided (which file and why, or why none), when it ran. */
  discovery?: string;
  /** Why the report's own front matter path was not used (outside the allowed folders). */
  refused?: string;
}

/**
 * Chooses last year's report for a report — the one place that decides it, for every host. Order:
 * the user's explicit choice (--previous, fzlint.previous), the report's own front matter
 * `previous:` (relative to the report; only inside the report's folder, the config file's folder,
 * the working directory or workspace folder, unless the config has allowExternalPrevious), the
 * config's `previous` mapping, then automatic discovery (same unit, year − 1, same folder).
 */
export async function choosePrevious(req: PreviousRequest): Promise<PreviousOutcome> {
  if (req.explicit) return { choice: { ...req.explicit, source: 'host' } };
  const written = req.meta.previous?.trim();
  if (written && (req.file || resolve(written) === written)) {
    const path = resolve(req.file ? dirname(req.file) : '/', written);
    const data = req.config.data;
    const refused = frontMatterPathRefusal(path, written, [req.file ? dirname(req.file) : undefined, data.file ? dirname(data.file) : undefined, ...req.roots], data.allowExternalPrevious);
    if (refused) return { refused };
    return { choice: { path, source: 'front-matter', written } };
  }
  if (req.file && req.config.data.previous) {
    const own = pathKey(req.file);
    for (const [report, previous] of Object.entries(req.config.data.previous)) {
      if (pathKey(report) === own) return { choice: { path: previous, source: 'config', written: previous } };
    }
  }
  if (!req.discovery || !req.file) return {};
  const found = await req.discovery.find(req.file, req.meta);
  return { choice: found.path ? { path: found.path, source: 'auto', written: found.path } : undefined, discovery: found.reason };
}
