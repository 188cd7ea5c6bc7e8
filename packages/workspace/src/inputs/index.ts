import { extname } from 'node:path';
import { detectType, SUPPORTED_FORMATS } from './detect.js';
import { readMd } from './md.js';
import { readTxt } from './txt.js';
import type { PdfOptions } from './pdf/read-pdf.js';
import { InputError, type InputDocument, type InputKind } from './types.js';

export type { PdfOptions } from './pdf/read-pdf.js';
export { InputError, type InputDocument, type InputKind, type InputRegion, type InputPlace, type InputFinding, type RegionKind } from './types.js';
export { placeOf } from './compose.js';
export { detectType, SUPPORTED_FORMATS } from './detect.js';
export { INPUT_RULES } from './input-rules.js';

export interface ReadOptions {
  /** Where a host that bundles the PDF reader keeps pdf.js's cmaps/ and standard_fonts/. */
  pdf?: PdfOptions;
}

/** Extensions a folder walk picks up as reports. */
export const REPORT_EXTENSIONS = ['.md', '.markdown', '.txt', '.docx', '.doc', '.wps', '.pdf', '.html', '.htm'];

const KIND_NAME: Record<InputKind, string> = {
  md: 'Markdown 文本',
  txt: '纯文本',
  docx: 'Word 文档（.docx）',
  doc: 'Word 97–2003 / WPS 文档',
  pdf: 'PDF',
  html: '网页（HTML）',
};

/** What each extension promises, to say so when the content is something else. */
const EXTENSION_KIND: Record<string, InputKind> = {
  '.docx': 'docx',
  '.doc': 'doc',
  '.wps': 'doc',
  '.pdf': 'pdf',
  '.html': 'html',
  '.htm': 'html',
};

/**
 * Reads a report's bytes by what they are, not by the extension: PDF, Word (.docx), Word 97–2003
 * or WPS (.doc/.wps), an HTML page, else text. Readers of the larger formats are loaded on first
 * use. An unknown binary file is an InputError naming the supported formats.
 */
export async function readInput(path: string, bytes: Uint8Array, options: ReadOptions = {}): Promise<InputDocument> {
  const detected = detectType(path, bytes);
  let doc: InputDocument;
  switch (detected.type) {
    case 'unsupported':
      throw new InputError('unsupported', `不支持的文件类型：${detected.what}${detected.advice ? `，${detected.advice}` : ''}。支持的格式：${SUPPORTED_FORMATS}`);
    case 'pdf':
      doc = await (await import('./pdf/read-pdf.js')).readPdf(bytes, options.pdf);
      break;
    case 'docx':
      doc = (await import('./docx/read-docx.js')).readDocx(bytes);
      break;
    case 'ole':
      doc = await (await import('./doc.js')).readDoc(bytes);
      break;
    case 'html':
      doc = (await import('./html.js')).readHtml(bytes);
      break;
    case 'md':
      doc = readMd(bytes);
      break;
    default:
      doc = readTxt(bytes);
      if (EXTENSION_KIND[extname(path).toLowerCase()]) doc = unsupportedText(doc, path);
  }
  const promised = EXTENSION_KIND[extname(path).toLowerCase()];
  if (promised && promised !== doc.kind) (doc.notes ??= []).unshift(`扩展名为 ${extname(path)}，但内容是${KIND_NAME[doc.kind]}，已按${KIND_NAME[doc.kind]}读取`);
  return doc;
}

/** A text file under a binary format's extension is read as text, but never fixed in place under that name. */
function unsupportedText(doc: InputDocument, path: string): InputDocument {
  const { storage: _storage, ...rest } = doc;
  return { ...rest, notWritable: `文件扩展名为 ${extname(path)}，不自动修复：请改用 .txt 扩展名后再使用 --fix` };
}
