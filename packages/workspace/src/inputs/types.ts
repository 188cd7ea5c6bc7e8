import type { DocumentFormat } from '@fzlint/core';
import type { TextStorage } from './encoding.js';

export type InputKind = 'md' | 'txt' | 'docx' | 'html';

/** A report as the engine sees it, plus what is needed to write fixes back. */
export interface InputDocument {
  kind: InputKind;
  text: string;
  format: DocumentFormat;
  /** How the file is stored; only text files (.md, .txt) have one and can be fixed in place. */
  storage?: TextStorage;
  /** Why --fix cannot write this file back (extracted text of .docx / .html). */
  notWritable?: string;
}

/** A file that cannot be read as a report; `message` is Chinese and names no path (the caller adds it). */
export class InputError extends Error {
  constructor(
    readonly code: 'binary' | 'encoding' | 'docx' | 'html',
    message: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}
