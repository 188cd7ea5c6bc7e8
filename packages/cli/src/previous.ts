import { readReportMeta, type DocumentFormat, type ReportDocument, type ResolvedConfig, type TextRegion } from '@fzlint/core';
import { dirname, resolve } from 'node:path';
import { describeFsError, type WorkspaceFs, InputError, readInput } from '@fzlint/workspace';
import type { PreviousFinder } from './previous-finder.js';

export interface PreviousChoice {
  path: string;
  /**
   * Where the choice came from. An explicit choice (cli, front matter, config) that cannot be read
   * is a config error; an automatic one that cannot be read is simply not used.
   */
  source: 'cli' | 'front-matter' | 'config' | 'auto';
}

export interface PreviousContext {
  /** Absolute path of the report being linted. */
  file: string;
  text: string;
  format: DocumentFormat;
  /** The report parsed, if it was (its unit and year are then taken from it). */
  document?: ReportDocument;
  config: ResolvedConfig;
  /** `--previous FILE`, resolved against the working directory. */
  explicit?: string;
  /** For automatic discovery (reading the folder and candidate reports). */
  fs: WorkspaceFs;
  /** Automatic discovery; absent for standard input. */
  finder?: PreviousFinder;
}

export interface PreviousOutcome {
  choice?: PreviousChoice;
  /** What automatic discovery decided (which file and why, or why none), when it ran. */
  discovery?: string;
}

/**
 * Chooses last year's report for a file — the one place that decides it. Order: `--previous`,
 * the report's own front matter `previous:` (relative to the report), the config's `previous`
 * mapping (absolute paths after loading), then automatic discovery (same unit, year − 1, same
 * folder), whose reason is returned for the output either way.
 */
export async function choosePrevious(ctx: PreviousContext): Promise<PreviousOutcome> {
  if (ctx.explicit) return { choice: { path: ctx.explicit, source: 'cli' } };
  if (ctx.format === 'markdown' && ctx.text.startsWith('---')) {
    const fromFrontMatter = readReportMeta(ctx.text, { path: ctx.file, format: 'markdown' }).previous;
    if (fromFrontMatter) return { choice: { path: resolve(dirname(ctx.file), fromFrontMatter), source: 'front-matter' } };
  }
  const mapped = ctx.config.data.previous?.[ctx.file];
  if (mapped) return { choice: { path: mapped, source: 'config' } };
  if (!ctx.finder) return {};
  const found = await ctx.finder.find(ctx.file, ctx.text, ctx.format, ctx.document);
  return { choice: found.path ? { path: found.path, source: 'auto' } : undefined, discovery: found.reason };
}

const SOURCE_LABEL: Record<PreviousChoice['source'], string> = {
  auto: '自动找到的',
  cli: '--previous 指定的',
  'front-matter': 'front matter 中 previous 指定的',
  config: '配置文件 previous 中指定的',
};

/** Reads the chosen file in any supported input format; a problem is a PreviousError naming the path. */
export async function readPrevious(choice: PreviousChoice, fs: WorkspaceFs): Promise<{ path: string; text: string; format: DocumentFormat; regions?: TextRegion[] }> {
  let bytes: Buffer;
  try {
    const stat = await fs.stat(choice.path);
    if (stat.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    bytes = await fs.readFile(choice.path);
  } catch (e) {
    throw new PreviousError(`${SOURCE_LABEL[choice.source]}上一年度报告「${choice.path}」无法读取：${describeFsError(e)}`);
  }
  try {
    const input = await readInput(choice.path, bytes);
    return { path: choice.path, text: input.text, format: input.format, regions: input.regions };
  } catch (e) {
    if (e instanceof InputError) throw new PreviousError(`${SOURCE_LABEL[choice.source]}上一年度报告「${choice.path}」无法读取：${e.message}`);
    throw e;
  }
}

export class PreviousError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PreviousError';
  }
}
