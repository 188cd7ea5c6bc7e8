import WordOleExtractor from 'word-extractor/lib/word-ole-extractor.js';
import BufferReader from 'word-extractor/lib/buffer-reader.js';
import { compose, type PlacedLine, type RegionLines } from './compose.js';
import { InputError, type InputDocument } from './types.js';

interface WordDocument {
  getBody(o?: { filterUnicode?: boolean }): string;
  getHeaders(o?: { filterUnicode?: boolean; includeFooters?: boolean }): string;
  getFooters(o?: { filterUnicode?: boolean }): string;
  getFootnotes(o?: { filterUnicode?: boolean }): string;
  getEndnotes(o?: { filterUnicode?: boolean }): string;
  getAnnotations(o?: { filterUnicode?: boolean }): string;
  getTextboxes(o?: { filterUnicode?: boolean; includeHeadersAndFooters?: boolean; includeBody?: boolean }): string;
}

const ADVICE = '请在 Word 或 WPS 中打开，另存为 .docx 后再检查';

/**
 * A Word 97–2003 (.doc) or WPS (.wps) binary file, read with word-extractor: body, headers,
 * footers, footnotes, endnotes, comments and text boxes (each kind one region). Automatic
 * numbering is not stored as text in these files and cannot be shown; a note says so when no
 * part heading is numbered in the text.
 */
export async function readDoc(bytes: Uint8Array): Promise<InputDocument> {
  let doc: WordDocument;
  try {
    // The OLE reader only: word-extractor's entry point would also load its .docx reader (yauzl).
    const reader = new BufferReader(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    await reader.open();
    try {
      doc = (await new WordOleExtractor().extract(reader)) as WordDocument;
    } finally {
      await reader.close();
    }
  } catch (e) {
    const what = /magic number|WordDocument/i.test(String((e as Error)?.message)) ? '不是 Word 或 WPS 文字文档（可能是 Excel 表格或其他 Office 文件）' : '文件已损坏或格式无法识别';
    throw new InputError('doc', `无法读取 Word 97–2003 / WPS 文档：${what}。${ADVICE}`);
  }
  const raw = { filterUnicode: false };
  const body = lines(doc.getBody(raw)).map((text, i): PlacedLine => ({ text, place: `第 ${i + 1} 段` }));
  const region = (kind: RegionLines['kind'], label: string, text: string): RegionLines => ({ kind, label, lines: lines(text).map((t) => ({ text: t })) });
  const regions: RegionLines[] = [
    region('header', '页眉', doc.getHeaders({ ...raw, includeFooters: false })),
    region('footer', '页脚', doc.getFooters(raw)),
    region('footnote', '脚注', doc.getFootnotes(raw)),
    region('endnote', '尾注', doc.getEndnotes(raw)),
    region('comment', '批注', doc.getAnnotations(raw)),
    region('textbox', '文本框', doc.getTextboxes({ ...raw, includeHeadersAndFooters: false, includeBody: true })),
  ];
  return compose({
    kind: 'doc',
    body,
    regions,
    notWritable: 'Word 97–2003 / WPS 文件不能自动修复：请在 Word 或 WPS 中按提示修改，或另存为 .txt / .md 后再使用 --fix',
    // Without a typed 「一、」 the part headings were probably numbered by Word: say why they look unnumbered.
    notes: body.some((l) => /^[\s\u3000]*[一二三四五六七八九十]+、/.test(l.text)) ? [] : ['Word 97–2003 / WPS 文档中的自动编号不保存为文字，无法读出；如果「一、」「（一）」是自动编号，请另存为 .docx 后检查'],
  });
}

/**
 * word-extractor ends each table cell with a tab and each row with one more: a row becomes one
 * line with its cells joined by tabs, as in the other readers.
 */
function lines(text: string): string[] {
  const out = text
    .replace(/\r\n?/g, '\n')
    .replace(/\u0000/g, '')
    .replace(/\t\t(?=[^\t]|$)/g, '\n')
    .split('\n')
    .map((l) => l.replace(/\t+$/, ''));
  while (out.length && !out[out.length - 1]!.trim()) out.pop();
  return out;
}
