import type { DocumentFormat } from '@fzlint/core';
import { SUPPORTED_FORMATS } from './detect.js';
import { decodeText } from './encoding.js';
import { InputError, type InputDocument, type InputKind } from './types.js';

/** Shared by .txt and .md: detect the encoding, keep BOM and line endings for --fix. */
export function readTextFile(bytes: Uint8Array, kind: InputKind, format: DocumentFormat): InputDocument {
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    if (decoded.reason === 'binary') throw new InputError('binary', `不支持的文件类型：不是文本文件（含有 NUL 字节），也不是可读取的文档。支持的格式：${SUPPORTED_FORMATS}`);
    if (decoded.reason === 'utf32') throw new InputError('encoding', '不支持 UTF-32 编码，请另存为 UTF-8');
    throw new InputError('encoding', '无法识别文件编码（不是 UTF-8、UTF-16 或 GB18030/GBK），请另存为 UTF-8');
  }
  return { kind, text: decoded.text, format, storage: decoded.storage };
}
