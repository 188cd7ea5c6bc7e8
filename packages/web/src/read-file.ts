import { formatForPath, type DocumentFormat, type TextRegion } from '@fzlint/core';
import { InputError, readDocx } from '@fzlint/workspace/browser';

/** A report file read in the page: its text as the engine sees it, and what to tell the user about it. */
export interface LoadedReport {
  name: string;
  text: string;
  format: DocumentFormat;
  /** Page headers, footnotes, comments … of a .docx, after the body in `text`. */
  regions: TextRegion[];
  /** One line each: the encoding, tracked changes, regions … */
  notes: string[];
}

/** A file the page cannot read; the message is Chinese and names the file. */
export class ReportFileError extends Error {}

/** Reports larger than this are not drafts (the CLI's limit is larger, but a page holds the text in the DOM). */
const MAX_BYTES = 32 * 1024 * 1024;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const PDF = [0x25, 0x50, 0x44, 0x46];

const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);

/** Reads a dropped or chosen file: .docx by its content, text as UTF-8, UTF-16 (with BOM) or GB18030. */
export function readReportFile(name: string, bytes: Uint8Array): LoadedReport {
  if (bytes.length > MAX_BYTES) throw new ReportFileError(`${name}：文件过大（超过 32 MB），不像是报告文稿`);
  if (startsWith(bytes, ZIP)) return readWord(name, bytes);
  if (startsWith(bytes, OLE)) throw new ReportFileError(`${name}：这是 Word 97–2003 或 WPS 格式（.doc/.wps），网页版不能读取，请另存为 .docx 后再打开`);
  if (startsWith(bytes, PDF)) throw new ReportFileError(`${name}：网页版不读取 PDF，请使用命令行 fzlint 检查，或粘贴文字`);
  const decoded = decodeText(bytes);
  if (!decoded) throw new ReportFileError(`${name}：无法识别文字编码（支持 UTF-8、UTF-16 和 GB18030/GBK），或不是文本文件`);
  const notes = decoded.encoding === 'UTF-8' ? [] : [`按 ${decoded.encoding} 编码读取`];
  return { name, text: decoded.text.replace(/\r\n?/g, '\n'), format: formatForPath(name), regions: [], notes };
}

function readWord(name: string, bytes: Uint8Array): LoadedReport {
  try {
    const doc = readDocx(bytes);
    const regions = (doc.regions ?? []).map((r) => ({ label: r.label, start: r.start, end: r.end }));
    const notes = [...(doc.notes ?? []), ...(doc.findings ?? []).map((f) => f.message)];
    if (regions.length) notes.push(`页眉、页脚、脚注等 ${regions.length} 处内容附在正文之后，也一并检查`);
    return { name, text: doc.text, format: doc.format, regions, notes };
  } catch (e) {
    if (e instanceof InputError) throw new ReportFileError(`${name}：${e.message}`);
    throw e;
  }
}

/** A byte-order mark decides UTF-8 / UTF-16; otherwise valid UTF-8 wins, then GB18030 (a superset of GBK). */
function decodeText(bytes: Uint8Array): { text: string; encoding: string } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return strict('utf-8', 'UTF-8', bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return strict('utf-16le', 'UTF-16 LE', bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return strict('utf-16be', 'UTF-16 BE', bytes.subarray(2));
  if (bytes.includes(0)) return undefined;
  return strict('utf-8', 'UTF-8', bytes) ?? strict('gb18030', 'GB18030/GBK', bytes);
}

function strict(label: string, encoding: string, body: Uint8Array): { text: string; encoding: string } | undefined {
  try {
    return { text: new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(body), encoding };
  } catch {
    return undefined;
  }
}
