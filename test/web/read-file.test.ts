import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readReportFile, ReportFileError } from '../../packages/web/src/read-file.js';
import { regionsAfterEdit } from '../../packages/web/src/regions.js';
import { reportDocx } from '../inputs/report-files.js';

const REPORT = '某某区司法局2024年法治政府建设年度报告\n一、主要举措和成效\n全年开展合法性审查12次。\n';

describe('web page: reading a dropped file in the browser', () => {
  it('decodes UTF-8, UTF-16 with a byte-order mark and GB18030, and says which it used', () => {
    expect(readReportFile('a.txt', new TextEncoder().encode(REPORT))).toMatchObject({ text: REPORT, format: 'text', notes: [] });
    const utf16 = Uint8Array.from([0xff, 0xfe, ...iconv.encode(REPORT, 'utf-16le')]);
    expect(readReportFile('b.txt', utf16)).toMatchObject({ text: REPORT, notes: ['按 UTF-16 LE 编码读取'] });
    const gbk = readReportFile('c.md', iconv.encode(REPORT.replace(/\n/g, '\r\n'), 'gb18030'));
    expect(gbk).toMatchObject({ text: REPORT, format: 'markdown', notes: ['按 GB18030/GBK 编码读取'] });
  });

  it('reads a .docx with its header and footer as regions after the body', () => {
    const loaded = readReportFile('报告.docx', reportDocx(REPORT, { header: '内部资料 注意保存', footer: '某某区司法局' }));
    expect(loaded.text.startsWith('某某区司法局2024年法治政府建设年度报告\n一、主要举措和成效')).toBe(true);
    expect(loaded.regions.map((r) => r.label)).toContain('页眉');
    const header = loaded.regions.find((r) => r.label === '页眉')!;
    expect(loaded.text.slice(header.start, header.end)).toContain('内部资料');
    expect(loaded.notes.join('\n')).toMatch(/页眉、页脚、脚注等 \d 处内容附在正文之后/);
  });

  it('refuses binary and unsupported files with a Chinese message naming the file', () => {
    expect(() => readReportFile('旧.doc', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toThrow(/旧\.doc：.*另存为 \.docx/);
    expect(() => readReportFile('扫描.pdf', new TextEncoder().encode('%PDF-1.7'))).toThrow(ReportFileError);
    expect(() => readReportFile('图.txt', Uint8Array.from([0x41, 0, 0x42]))).toThrow(/图\.txt：无法识别文字编码/);
    expect(() => readReportFile('坏.docx', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toThrow(/坏\.docx：无法读取 Word 文档/);
  });
});

describe('web page: regions of a .docx while the text is edited', () => {
  const body = '正文第一段\n正文第二段\n';
  const text = `${body}页眉文字\n`;
  const regions = [{ label: '页眉', start: body.length, end: text.length }];

  it('move with an edit in the body', () => {
    const edited = text.replace('第一段', '第一大段');
    expect(regionsAfterEdit(regions, text, edited)).toEqual([{ label: '页眉', start: body.length + 1, end: text.length + 1 }]);
    expect(edited.slice(body.length + 1)).toBe('页眉文字\n');
  });

  it('are dropped when the edit reaches into them', () => {
    expect(regionsAfterEdit(regions, text, text.replace('页眉文字', '页脚'))).toEqual([]);
  });

  it('stay when nothing changed', () => {
    expect(regionsAfterEdit(regions, text, text)).toEqual(regions);
  });
});
