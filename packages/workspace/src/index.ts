/**
 * @fzlint/workspace — the host layer between the engine and the world, shared by the command line
 * and the language server: reading report files in every input format, decoding text, writing
 * fixes in the file's own encoding. The file system is injected (WorkspaceFs).
 */
export { realFs, asyncFs, describeFsError, type WorkspaceFs } from './fs.js';
export { writeFileAtomic, assertWritable, contentDigest, WriteError, type WriteOptions } from './write-file.js';
export { frontMatterPathRefusal } from './front-matter-paths.js';
export { readRegularFile, readRegularText, FileReadError, READ_LIMITS, fileKind } from './read-file.js';
export { readInput, InputError, REPORT_EXTENSIONS, type InputDocument, type InputKind } from './inputs/index.js';
export { decodeText, encodeText, ENCODING_LABEL, withLineEnding, type TextStorage, type LineEnding } from './inputs/encoding.js';
