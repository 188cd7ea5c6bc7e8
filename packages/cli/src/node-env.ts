import { readFile, stat } from 'node:fs/promises';
import type { EngineEnvironment } from '@fzlint/core';

/** The engine's environment on Node: real files, UTF-8 config and rule files. */
export function nodeEnvironment(): EngineEnvironment {
  return {
    readFile: (path) => readFile(path, 'utf8'),
    exists: (path) => stat(path).then((s) => s.isFile(), () => false),
  };
}
