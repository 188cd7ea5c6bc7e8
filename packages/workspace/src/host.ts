import type { Logger } from '@fzlint/core';
import type { WorkspaceFs } from './fs.js';

/**
 * What a host gives the workspace layer: the file system, and — in an editor — the unsaved text
 * of open files and a way to watch the files and folders a result depends on. The command line
 * passes the disk and nothing else.
 */
export interface WorkspaceHost {
  fs: WorkspaceFs;
  /** An open document's current text (unsaved edits count), or undefined when the file is not open. */
  openText?(path: string): { text: string; version: number } | undefined;
  /** Told about files and folders whose change would change a result, so an editor can watch them. */
  watch?: WatchHooks;
  log?: Logger;
}

export interface WatchHooks {
  /** A file read for a result (config, rule file, last year's report). */
  file?(path: string): void;
  /** A folder where a new or deleted .fzlint.yaml would change which config applies. */
  configFolder?(dir: string): void;
  /** A folder whose report files are candidates for last year's report. */
  reportFolder?(dir: string): void;
}
