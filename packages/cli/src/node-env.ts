import type { EngineEnvironment } from '@fzlint/core';
import { realFs, type WorkspaceFs } from '@fzlint/workspace';

/** The engine's environment on Node: config and rule files are read as UTF-8 (a BOM is dropped). */
export function nodeEnvironment(fs: WorkspaceFs = realFs): EngineEnvironment {
  return {
    readFile: async (path) => (await fs.readFile(path)).toString('utf8').replace(/^\ufeff/, ''),
    exists: (path) => fs.stat(path).then((s) => s.isFile(), () => false),
  };
}
