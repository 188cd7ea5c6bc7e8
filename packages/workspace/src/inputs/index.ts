import { extname } from 'node:path';
import { readMd } from './md.js';
import { readTxt } from './txt.js';
import type { InputDocument } from './types.js';

export { InputError, type InputDocument, type InputKind } from './types.js';

/** Extensions a folder walk picks up as reports. */
export const REPORT_EXTENSIONS = ['.md', '.markdown', '.txt', '.docx', '.html', '.htm'];

/** Reads a report's bytes according to its extension (anything unknown is read as plain text). */
export async function readInput(path: string, bytes: Uint8Array): Promise<InputDocument> {
  switch (extname(path).toLowerCase()) {
    case '.md':
    case '.markdown':
    case '.mdx':
      return readMd(bytes);
    case '.docx':
      return (await import('./docx.js')).readDocx(bytes);
    case '.html':
    case '.htm':
    case '.xhtml':
      return (await import('./html.js')).readHtml(bytes);
    default:
      return readTxt(bytes);
  }
}
