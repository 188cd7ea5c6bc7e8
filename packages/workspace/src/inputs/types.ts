import type { DocumentFormat } from '@fzlint/core';
import type { TextStorage } from './encoding.js';

/** What a file turned out to be, by its content: doc is a Word 97–2003 or WPS binary (OLE) file. */
export type InputKind = 'md' | 'txt' | 'docx' | 'html' | 'pdf' | 'doc';

/** Where a region's text comes from in the file. */
export type RegionKind = 'header' | 'footer' | 'footnote' | 'endnote' | 'comment' | 'textbox';

/**
 * Text read from a file's furniture rather than its body (page headers and footers, footnotes,
 * comments, text boxes). It follows the body in `InputDocument.text`; the engine checks it for
 * what may never be published (secrets, phone numbers, web residue) but does not read it as part
 * of the report's outline, title or signature.
 */
export interface InputRegion {
  kind: RegionKind;
  /** What a user calls it: 页眉, 页脚, 脚注 1, 批注 2, 文本框 1 … */
  label: string;
  /** The region's own text, one line per paragraph. */
  text: string;
  /** Where `text` lies in InputDocument.text. */
  start: number;
  end: number;
}

/** A place in the original file a user can find: 第 3 段, 第 2 页第 5 行, 页眉 … from `start` on. */
export interface InputPlace {
  start: number;
  label: string;
}

/** Something the reader noticed about the file itself (e.g. unaccepted tracked changes), reported as a finding. */
export interface InputFinding {
  ruleId: InputRuleId;
  message: string;
  start: number;
  end: number;
}

export type InputRuleId = 'fzlint/tracked-changes';

/** A report as the engine sees it, plus what is needed to write fixes back and to show places. */
export interface InputDocument {
  kind: InputKind;
  /** The body, then each region's text (see `regions`). */
  text: string;
  format: DocumentFormat;
  /** Regions after the body, in order; absent or empty when the file has none. */
  regions?: InputRegion[];
  /**
   * Places in the original file, sorted by start, when lines of `text` are not lines of the file
   * (Word paragraphs, PDF pages). See placeOf().
   */
  places?: InputPlace[];
  findings?: InputFinding[];
  /** Informational lines about how the file was read (shown under the file name). */
  notes?: string[];
  /** How the file is stored; only text files (.md, .txt) have one and can be fixed in place. */
  storage?: TextStorage;
  /** Why --fix cannot write this file back (extracted text of .docx / .pdf / .html …). */
  notWritable?: string;
}

export type InputErrorCode = 'binary' | 'encoding' | 'docx' | 'html' | 'pdf' | 'doc' | 'scanned' | 'unsupported' | 'too-large';

/** A file that cannot be read as a report; `message` is Chinese and names no path (the caller adds it). */
export class InputError extends Error {
  constructor(
    readonly code: InputErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}
