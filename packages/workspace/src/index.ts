/**
 * @fzlint/workspace — the host layer between the engine and the world, shared by the command line
 * and the language server: reading report files in every input format, decoding text, writing
 * fixes in the file's own encoding. The file system is injected (WorkspaceFs).
 */
export { realFs, describeFsError, type WorkspaceFs } from './fs.js';
export { writeFileAtomic, assertWritable, WriteError } from './write-file.js';
export {
  readInput,
  InputError,
  REPORT_EXTENSIONS,
  SUPPORTED_FORMATS,
  INPUT_RULES,
  placeOf,
  detectType,
  type InputDocument,
  type ReadOptions,
  type InputKind,
  type InputRegion,
  type InputPlace,
  type InputFinding,
  type RegionKind,
} from './inputs/index.js';
export { decodeText, encodeText, ENCODING_LABEL, withLineEnding, type TextStorage, type LineEnding } from './inputs/encoding.js';
