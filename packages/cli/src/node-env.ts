import type { EngineEnvironment } from '@fzlint/core';
import { READ_LIMITS, readRegularText, realFs, type WorkspaceFs } from '@fzlint/workspace';

/** The engine's environment on Node: config and rule files (regular files of a sane size) are read as UTF-8, a BOM dropped. */
export function nodeEnvironment(fs: WorkspaceFs = realFs): EngineEnvironment {
  return {
    readFile: (path) => readRegularText(fs, path, READ_LIMITS.config),
    exists: (path) => fs.stat(path).then((s) => s.isFile(), () => false),
  };
}
