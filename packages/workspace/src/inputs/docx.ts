import { visibleText } from './html-text.js';
import { InputError, type InputDocument } from './types.js';

/**
 * Word document via mammoth: each paragraph (heading, list item, table-cell paragraph) becomes one
 * line, empty paragraphs included, so line N of a finding is the N-th paragraph and the Chinese
 * outline (一、（一）1.) typed at paragraph starts is detected as in a .txt file. Word's automatic
 * list numbering is not text and is not extracted.
 */
export async function readDocx(bytes: Uint8Array): Promise<InputDocument> {
  const { default: mammoth } = await import('mammoth');
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { ignoreEmptyParagraphs: false, convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
    );
    html = result.value;
  } catch (e) {
    throw new InputError('docx', `无法读取 Word 文档：文件已损坏，或不是 .docx 格式（旧版 .doc 请先另存为 .docx）（${(e as Error)?.message ?? e}）`);
  }
  return {
    kind: 'docx',
    text: visibleText(html, { keepEmptyParagraphs: true }),
    format: 'text',
    notWritable: '.docx 文件不能自动修复：请在 Word 中按提示修改，或另存为 .txt / .md 后再使用 --fix',
  };
}
