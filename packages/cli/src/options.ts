import { readFileSync } from 'node:fs';
import type { WorkspaceFs } from '@fzlint/workspace';

/** What main() is given: the command line, where to write, and (for tests) a file system. */
export interface OutputStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface MainOptions {
  argv: string[];
  cwd: string;
  stdout: OutputStream;
  stderr: OutputStream;
  /** Read by --stdin. */
  stdin?: AsyncIterable<Uint8Array | string>;
  env?: Record<string, string | undefined>;
  /** A replacement file system (tests); when given, everything runs in this thread. */
  fs?: WorkspaceFs;
}

/** The CLI package's version. */
export function version(): string {
  return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

