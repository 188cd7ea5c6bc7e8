// Type by content: what a file is decides how it is read, whatever its name says.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { detectType } from '../../packages/workspace/src/inputs/detect.js';
import { docxPackage, p } from './docx-package.js';

const type = (name: string, bytes: Uint8Array | string) => detectType(name, typeof bytes === 'string' ? Buffer.from(bytes) : bytes);

describe('detectType', () => {
  it('PDF, Word (zip with word/document.xml), OLE, HTML and text, whatever the extension', () => {
    expect(type('a.txt', '%PDF-1.7\n...')).toEqual({ type: 'pdf' });
    expect(type('a.bin', `\u0000\u0000garbage%PDF-1.4\n1 0 obj\n%%EOF\n`)).toEqual({ type: 'pdf' });
    expect(type('a.pdf', docxPackage({ body: p('正文') }))).toEqual({ type: 'docx' });
    expect(type('a.docx', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toEqual({ type: 'ole' });
    expect(type('a.doc', '\ufeff<!DOCTYPE html><html><body><p>正文</p></body></html>')).toEqual({ type: 'html' });
    expect(type('a.txt', '  <html lang="zh"><body>正文</body></html>')).toEqual({ type: 'html' });
    expect(type('a.md', '# 标题\n')).toEqual({ type: 'md' });
    expect(type('a.docx', '一、主要举措\n')).toEqual({ type: 'txt' });
  });

  it('a report that mentions 「%PDF-」 or starts with <html in a sentence is still text', () => {
    expect(type('a.txt', '说明：文件头为%PDF-1.4的文件是PDF。\n')).toEqual({ type: 'txt' });
    expect(type('a.txt', '网页源码以 <html> 开头。\n')).toEqual({ type: 'txt' });
  });

  it('files that are not reports say what they are', () => {
    expect(type('a.docx', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))).toMatchObject({ type: 'unsupported', what: '图片（PNG）' });
    expect(type('a.doc', '{\\rtf1\\ansi 正文}')).toMatchObject({ type: 'unsupported', what: 'RTF 文档', advice: expect.stringContaining('另存为 .docx') });
    expect(type('a.doc', 'MIME-Version: 1.0\nContent-Type: multipart/related; boundary="x"\n')).toMatchObject({ type: 'unsupported', what: '单一网页文件（MHT）' });
    expect(type('a.docx', zipSync({ 'xl/workbook.xml': strToU8('<x/>') }))).toMatchObject({ type: 'unsupported', what: 'Excel 表格（.xlsx）' });
    expect(type('a.zip', zipSync({ 'a.txt': strToU8('x') }))).toMatchObject({ type: 'unsupported', what: 'zip 压缩包' });
  });
});
