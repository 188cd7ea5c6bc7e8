import { decodeText } from './encoding.js';
import { visibleText } from './html-text.js';
import { InputError, type InputDocument } from './types.js';

/** A report saved from a government website: only the visible text of the page body is checked. */
export function readHtml(bytes: Uint8Array): InputDocument {
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    throw new InputError(decoded.reason === 'binary' ? 'binary' : 'encoding', decoded.reason === 'binary' ? '不是文本文件（含有 NUL 字节），无法检查' : '无法识别网页的编码（不是 UTF-8、UTF-16 或 GB18030/GBK）');
  }
  return {
    kind: 'html',
    text: visibleText(decoded.text),
    format: 'text',
    notWritable: '网页文件（.html）不能自动修复：检查的是网页中的可见文字，请修改原稿',
  };
}
