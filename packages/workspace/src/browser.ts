/**
 * The part of the workspace layer that runs in a browser (no Node built-ins): the Word (.docx)
 * reader, for the zero-install web page. Everything else here reads and writes through Node.
 */
export { readDocx } from './inputs/docx/read-docx.js';
export { InputError, type InputDocument, type InputRegion, type InputFinding } from './inputs/types.js';
