import { readFile, stat } from 'node:fs/promises';
import type { EngineEnvironment, Logger } from '@fzlint/core';
import type { OpenDocuments } from './open-documents.js';

/** Reads a file as the editor sees it: the open document's text if it is open, else the disk (UTF-8, BOM dropped). */
export async function readText(open: OpenDocuments, path: string): Promise<string> {
  const doc = open.byFilePath(path);
  if (doc) return doc.getText();
  return (await readFile(path, 'utf8')).replace(/^\ufeff/, '');
}

/** The engine's environment inside the server: config and rule files come from the editor when open. */
export function serverEnvironment(open: OpenDocuments, logger: Logger): EngineEnvironment {
  return {
    readFile: (path) => readText(open, path),
    exists: async (path) => (open.byFilePath(path) ? true : stat(path).then((s) => s.isFile(), () => false)),
    logger,
  };
}
