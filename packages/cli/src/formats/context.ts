import { isAbsolute, relative, sep } from 'node:path';
import type { FileResult, RuleInfo } from '../results.js';

/** What every format gets besides the results. */
export interface FormatContext {
  cwd: string;
  color: boolean;
  version: string;
  /** Metadata of every rule that ran or reported, by id. */
  rules: Map<string, RuleInfo>;
}

export type Formatter = (results: FileResult[], ctx: FormatContext) => string;

/** A path as the user typed it: relative to the working directory when inside it. */
export function displayPath(file: string, cwd: string): string {
  if (!isAbsolute(file)) return file;
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : file;
}

export const SEVERITY_LABEL = { error: '错误', warning: '警告', info: '提示' } as const;
