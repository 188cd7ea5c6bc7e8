import { readTextFile } from './text-file.js';
import type { InputDocument } from './types.js';

/** Plain-text report (pasted from Word or a web page): the outline comes from Chinese numbering. */
export function readTxt(bytes: Uint8Array): InputDocument {
  return readTextFile(bytes, 'txt', 'text');
}
