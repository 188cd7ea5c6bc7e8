import { extname } from 'node:path';
import { zipNames } from './zip.js';

export type DetectedType =
  | { type: 'pdf' | 'docx' | 'ole' | 'html' | 'md' | 'txt' }
  | { type: 'unsupported'; what: string; advice?: string };

/** The formats fzlint reads, for messages. */
export const SUPPORTED_FORMATS = '.docx、.doc、.wps、.pdf、.html/.htm、.txt、.md';

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Binary formats people put next to reports, named so the message says what the file is. */
const SIGNATURES: Array<[number[], string]> = [
  [[0x89, 0x50, 0x4e, 0x47], '图片（PNG）'],
  [[0xff, 0xd8, 0xff], '图片（JPEG）'],
  [[0x47, 0x49, 0x46, 0x38], '图片（GIF）'],
  [[0x49, 0x49, 0x2a, 0x00], '图片（TIFF）'],
  [[0x4d, 0x4d, 0x00, 0x2a], '图片（TIFF）'],
  [[0x42, 0x4d], '图片（BMP）'],
  [[0x52, 0x61, 0x72, 0x21], '压缩包（RAR）'],
  [[0x37, 0x7a, 0xbc, 0xaf], '压缩包（7z）'],
  [[0x1f, 0x8b], '压缩包（gzip）'],
];

function startsWith(bytes: Uint8Array, sig: number[], at = 0): boolean {
  return sig.every((b, i) => bytes[at + i] === b);
}

/**
 * What a file is, by its content: %PDF, a zip holding word/document.xml, an OLE compound file
 * (Word 97–2003 .doc, WPS .wps), an HTML page, else text (Markdown by extension). The extension
 * decides only between text formats.
 */
export function detectType(path: string, bytes: Uint8Array): DetectedType {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1');
  if (isPdf(bytes, head)) return { type: 'pdf' };
  if (startsWith(bytes, OLE)) return { type: 'ole' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return detectZip(bytes);
  if (/^\s*\{\\rtf/.test(head)) return { type: 'unsupported', what: 'RTF 文档', advice: '请在 Word 或 WPS 中另存为 .docx' };
  if (/^MIME-Version:/im.test(head.slice(0, 400)) && /multipart\/related/i.test(head)) {
    return { type: 'unsupported', what: '单一网页文件（MHT）', advice: '请在浏览器或 Word 中另存为 .html 或 .docx' };
  }
  for (const [sig, what] of SIGNATURES) if (startsWith(bytes, sig)) return { type: 'unsupported', what };
  const ext = extname(path).toLowerCase();
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml' || looksLikeHtml(bytes)) return { type: 'html' };
  if (ext === '.md' || ext === '.markdown' || ext === '.mdx') return { type: 'md' };
  return { type: 'txt' };
}

/**
 * %PDF- at the start; or within the first kilobyte (readers allow bytes before it) when the file
 * also ends like a PDF — a text that merely mentions 「%PDF-」 is still text.
 */
function isPdf(bytes: Uint8Array, head: string): boolean {
  const at = head.indexOf('%PDF-');
  if (at === 0) return true;
  if (at < 0) return false;
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset + Math.max(0, bytes.byteLength - 2048), Math.min(bytes.byteLength, 2048)).toString('latin1');
  return tail.includes('%%EOF');
}

function detectZip(bytes: Uint8Array): DetectedType {
  const names = (zipNames(bytes) ?? []).map((n) => n.toLowerCase());
  if (names.includes('word/document.xml') || names.some((n) => /^word\/document\d*\.xml$/.test(n))) return { type: 'docx' };
  // A .docx whose central directory is damaged still starts with its parts: let the reader say what is wrong.
  if (!names.length) return { type: 'docx' };
  if (names.includes('[content_types].xml') && names.some((n) => n.startsWith('word/'))) return { type: 'docx' };
  if (names.includes('content.xml') && names.includes('mimetype')) return { type: 'unsupported', what: 'OpenDocument 文档（.odt 等）', advice: '请另存为 .docx' };
  if (names.some((n) => n.startsWith('xl/'))) return { type: 'unsupported', what: 'Excel 表格（.xlsx）' };
  if (names.some((n) => n.startsWith('ppt/'))) return { type: 'unsupported', what: 'PowerPoint 演示文稿（.pptx）' };
  return { type: 'unsupported', what: 'zip 压缩包', advice: '请解压后检查其中的报告' };
}

/** An HTML page saved without an .html extension (a .doc exported by a website is often one). */
function looksLikeHtml(bytes: Uint8Array): boolean {
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const head = Buffer.from(bytes.buffer, bytes.byteOffset + start, Math.min(bytes.byteLength - start, 512)).toString('latin1').trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || (head.startsWith('<?xml') && head.includes('<html'));
}
