import { readTextFile } from './text-file.js';
import type { InputDocument } from './types.js';

/** Markdown report: front matter, disable comments and headings are understood by the engine. */
export function readMd(bytes: Uint8Array): InputDocument {
  return readTextFile(bytes, 'md', 'markdown');
}
