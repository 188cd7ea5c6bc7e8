import { stat } from 'node:fs/promises';
import type { EngineEnvironment, Logger } from '@fzlint/core';
import { asyncFs, READ_LIMITS, readRegularText } from '@fzlint/workspace';
import type { OpenDocuments } from './open-documents.js';

/**
 * Reads a file as the editor sees it: the open document's text if it is open, else the disk
 * (UTF-8, BOM dropped) — only a regular file of a sane size (a FIFO would hold a thread forever).
 */
export async function readText(open: OpenDocuments, path: string, maxBytes: number = READ_LIMITS.config): Promise<string> {
  const doc = open.byFilePath(path);
  if (doc) return doc.getText();
  return readRegularText(asyncFs, path, maxBytes);
}

/** The engine's environment inside the server: config and rule files come from the editor when open. */
export function serverEnvironment(open: OpenDocuments, logger: Logger): EngineEnvironment {
  return {
    readFile: (path) => readText(open, path),
    exists: async (path) => (open.byFilePath(path) ? true : stat(path).then((s) => s.isFile(), () => false)),
    logger,
  };
}
