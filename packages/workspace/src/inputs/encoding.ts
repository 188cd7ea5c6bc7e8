import { isUtf8, transcode } from 'node:buffer';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
export type { LineEnding } from '@fzlint/core';
import { detectLineEnding, type LineEnding } from '@fzlint/core';

/** How a text file was stored, so --fix can write it back the same way. */
export interface TextStorage {
  encoding: TextEncoding;
  bom: boolean;
  /** The file's dominant line ending; new line breaks in fixes use it. */
  eol: LineEnding;
}

export type DecodeResult = { ok: true; text: string; storage: TextStorage } | { ok: false; reason: 'binary' | 'encoding' | 'utf32' };

export const ENCODING_LABEL: Record<TextEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  gb18030: 'GB18030/GBK',
};

/**
 * Detects the encoding of a text file: a BOM decides UTF-8 / UTF-16; otherwise NUL bytes mean
 * binary, valid UTF-8 is UTF-8, and valid GB18030 (a superset of GBK and GB2312) is GB18030.
 * The BOM is not part of the returned text, so line 1 column 1 is the first character.
 */
export function decodeText(bytes: Uint8Array): DecodeResult {
  const b = bytes;
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0 && b.length >= 4) return { ok: false, reason: 'utf32' };
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return strict('utf-8', b.subarray(3), true);
  if (b[0] === 0xff && b[1] === 0xfe) return strict('utf-16le', b.subarray(2), true);
  if (b[0] === 0xfe && b[1] === 0xff) return strict('utf-16be', b.subarray(2), true);
  if (b.includes(0)) return { ok: false, reason: 'binary' };
  const utf8 = strict('utf-8', b, false);
  if (utf8.ok) return utf8;
  return strict('gb18030', b, false);
}

function strict(encoding: TextEncoding, body: Uint8Array, bom: boolean): DecodeResult {
  let text: string;
  if (encoding === 'utf-8') {
    // Most reports are UTF-8: validate, then decode (several times faster than a fatal TextDecoder).
    if (!isUtf8(body)) return { ok: false, reason: 'encoding' };
    text = decodeValidUtf8(body);
  } else {
    try {
      text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body);
    } catch {
      return { ok: false, reason: 'encoding' };
    }
  }
  if (!bom && text.includes('\u0000')) return { ok: false, reason: 'binary' };
  return { ok: true, text, storage: { encoding, bom, eol: detectLineEnding(text) } };
}

/**
 * For Chinese text, ICU's converter to UTF-16 plus a UTF-16 copy is about six times faster than
 * V8's UTF-8 decoder (measured on the benchmark corpus: 8 ms against 50 ms for 12 MB). Short or
 * ASCII texts keep V8's decoder, which makes compact one-byte strings.
 */
function decodeValidUtf8(body: Uint8Array): string {
  const buffer = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (body.length >= 1024 && buffer.subarray(0, 256).some((b) => b >= 0x80)) {
    try {
      return transcode(buffer, 'utf8', 'utf16le').toString('utf16le');
    } catch {
      // Node built without ICU: fall through.
    }
  }
  return buffer.toString('utf8');
}


/** Encodes text the way the original file was stored (same encoding, BOM or not). */
export async function encodeText(text: string, storage: TextStorage): Promise<Buffer> {
  switch (storage.encoding) {
    case 'utf-8':
      return Buffer.concat([storage.bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return Buffer.concat([storage.bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(text, 'utf16le')]);
    case 'utf-16be': {
      const le = Buffer.from(text, 'utf16le');
      le.swap16();
      return Buffer.concat([storage.bom ? Buffer.from([0xfe, 0xff]) : Buffer.alloc(0), le]);
    }
    case 'gb18030': {
      // Loaded on first use (only --fix of a GB18030 file needs an encoder); a static specifier, so bundles include it.
      const { default: iconv } = await import('iconv-lite');
      return iconv.encode(text, 'gb18030');
    }
  }
}

/** Line breaks inside inserted text follow the file's own line ending. */
export function withLineEnding(text: string, eol: LineEnding): string {
  return eol === '\n' ? text : text.replace(/\r\n|\r|\n/g, eol);
}

