import { ENCODING_LABEL, decodeText, encodeText } from './inputs/encoding.js';
import type { InputDocument } from './inputs/index.js';
import type { WorkspaceFs } from './fs.js';
import { assertWritable, contentDigest, WriteError, writeFileAtomic } from './write-file.js';

/**
 * Writes fixed text back to a text report in the file's own encoding, byte-order mark and line
 * endings — only when that changes nothing but the fixes: the original must survive a decode /
 * encode round trip byte for byte, the fixed text must be encodable, and the file must still hold
 * the bytes the fixes were computed from (an editor may have saved it meanwhile).
 */
export async function writeFixedText(fs: WorkspaceFs, path: string, originalBytes: Uint8Array, input: InputDocument, output: string): Promise<void> {
  const storage = input.storage;
  if (!storage) throw new WriteError(input.notWritable ?? `未修改「${path}」：这种文件不能自动修复`);
  const roundTrip = await encodeText(input.text, storage);
  if (!Buffer.from(originalBytes).equals(roundTrip)) {
    throw new WriteError(`未修改「${path}」：文件中有字符无法按原编码（${ENCODING_LABEL[storage.encoding]}）原样写回`);
  }
  const encoded = await encodeText(output, storage);
  const check = decodeText(encoded);
  if (!check.ok || check.text !== output) throw new WriteError(`未修改「${path}」：修复后的文字无法用原编码（${ENCODING_LABEL[storage.encoding]}）保存`);
  await assertWritable(fs, path);
  await writeFileAtomic(fs, path, encoded, { expectedDigest: contentDigest(originalBytes) });
}
