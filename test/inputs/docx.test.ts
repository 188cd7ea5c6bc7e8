// .docx as Word and WPS show it: automatic numbering rendered from numbering.xml and styles.xml,
// tables one line per row, furniture (headers, footers, notes, comments, text boxes) as regions,
// tracked changes read as accepted. Each package holds the XML Word or WPS writes for the case.
import { describe, expect, it } from 'vitest';
import { placeOf, readInput, type InputDocument } from '../../packages/workspace/src/inputs/index.js';
import { abstractNum, docxPackage, num, p, table, type DocxParts } from './docx-package.js';

const read = (parts: DocxParts) => readInput('report.docx', docxPackage(parts));
const bodyLines = (doc: InputDocument) => doc.text.slice(0, doc.regions?.[0]?.start ?? doc.text.length).replace(/\n$/, '').split('\n');

/** The outline list Word's 「多级列表」 makes for Chinese documents (WPS writes the same elements). */
const OUTLINE = abstractNum(0, [['chineseCounting', '%1、'], ['chineseCounting', '（%2）'], ['decimal', '%3.'], ['decimal', '（%4）']]);

describe('automatic numbering', () => {
  it('renders 一、（一）1.（1） and restarts lower levels under each higher one', async () => {
    const doc = await read({
      numbering: OUTLINE + num(1, 0),
      body: [
        p('主要举措和成效', { numId: 1, ilvl: 0 }),
        p('加强组织领导', { numId: 1, ilvl: 1 }),
        p('学法', { numId: 1, ilvl: 2 }),
        p('考试', { numId: 1, ilvl: 3 }),
        p('考核', { numId: 1, ilvl: 3 }),
        p('用法', { numId: 1, ilvl: 2 }),
        p('完善制度', { numId: 1, ilvl: 1 }),
        p('正文段落不编号。'),
        p('存在的不足', { numId: 1, ilvl: 0 }),
        p('问题', { numId: 1, ilvl: 1 }),
        ...Array.from({ length: 9 }, (_, i) => p(`第${i + 3}部分`, { numId: 1, ilvl: 0 })),
      ].join(''),
    });
    expect(bodyLines(doc)).toEqual([
      '一、主要举措和成效',
      '（一）加强组织领导',
      '1.学法',
      '（1）考试',
      '（2）考核',
      '2.用法',
      '（二）完善制度',
      '正文段落不编号。',
      '二、存在的不足',
      '（一）问题',
      ...['三', '四', '五', '六', '七', '八', '九', '十', '十一'].map((n, i) => `${n}、第${i + 3}部分`),
    ]);
  });

  it('第X部分 patterns, start values, enclosed and traditional forms, bullets left out', async () => {
    const doc = await read({
      numbering:
        abstractNum(0, [['chineseCounting', '第%1部分']]) +
        abstractNum(1, [['decimal', '%1.', 3]]) +
        abstractNum(2, [['decimalEnclosedCircle', '%1']]) +
        abstractNum(3, [['ideographTraditional', '%1、']]) +
        abstractNum(4, [['bullet', '']]) +
        abstractNum(5, [['chineseLegalSimplified', '%1、']]) +
        [0, 1, 2, 3, 4, 5].map((a) => num(a + 1, a)).join(''),
      body: [
        p('总体情况', { numId: 1, ilvl: 0 }),
        p('主要做法', { numId: 1, ilvl: 0 }),
        p('第三项', { numId: 2, ilvl: 0 }),
        p('第四项', { numId: 2, ilvl: 0 }),
        p('圈一', { numId: 3, ilvl: 0 }),
        p('圈二', { numId: 3, ilvl: 0 }),
        p('甲项', { numId: 4, ilvl: 0 }),
        p('乙项', { numId: 4, ilvl: 0 }),
        p('要点', { numId: 5, ilvl: 0 }),
        p('大写', { numId: 6, ilvl: 0 }),
      ].join(''),
    });
    // A number ending in a character gets the separator Word shows after it as a space.
    expect(bodyLines(doc)).toEqual(['第一部分 总体情况', '第二部分 主要做法', '3.第三项', '4.第四项', '① 圈一', '② 圈二', '甲、甲项', '乙、乙项', '要点', '壹、大写']);
  });

  it('numbering bound to paragraph styles (标题 1 / 标题 2 with a linked multilevel list), as Word and WPS templates do', async () => {
    const styles = [
      '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>',
      '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>',
      '<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>',
      // A style based on 标题 1 inherits its numbering.
      '<w:style w:type="paragraph" w:styleId="PartHeading"><w:name w:val="Part Heading"/><w:basedOn w:val="1"/></w:style>',
    ].join('');
    const numbering =
      abstractNum(0, [['chineseCounting', '%1、'], ['chineseCounting', '（%2）']]).replace('<w:lvl w:ilvl="0">', '<w:lvl w:ilvl="0"><w:pStyle w:val="1"/>').replace('<w:lvl w:ilvl="1">', '<w:lvl w:ilvl="1"><w:pStyle w:val="2"/>') + num(1, 0);
    const doc = await read({
      styles,
      numbering,
      body: [
        p('主要举措', { style: '1' }),
        p('加强领导', { style: '2' }),
        p('健全制度', { style: '2' }),
        p('存在问题', { style: 'PartHeading' }),
        p('原因分析', { style: '2' }),
        // numId 0 on the paragraph switches its style's numbering off.
        '<w:p><w:pPr><w:pStyle w:val="1"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>附件</w:t></w:r></w:p>',
      ].join(''),
    });
    expect(bodyLines(doc)).toEqual(['一、主要举措', '（一）加强领导', '（二）健全制度', '二、存在问题', '（一）原因分析', '附件']);
  });

  it('lists sharing a definition continue one another; a list with w:startOverride restarts; w:lvlRestart 0 never restarts', async () => {
    const numbering =
      abstractNum(0, [['chineseCounting', '%1、'], ['decimal', '%2.']]) +
      abstractNum(1, [['chineseCounting', '%1、'], ['decimal', '%2.']]).replace('<w:lvl w:ilvl="1"><w:start w:val="1"/>', '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:lvlRestart w:val="0"/>') +
      num(1, 0) +
      num(2, 0) +
      num(3, 0, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>') +
      num(4, 1);
    const doc = await read({
      numbering,
      body: [
        p('甲', { numId: 1, ilvl: 0 }),
        p('乙', { numId: 2, ilvl: 0 }), // another list over the same definition: continues (二、)
        p('丙', { numId: 3, ilvl: 0 }), // restarted by its override (一、)
        p('丁', { numId: 3, ilvl: 0 }),
        p('a', { numId: 4, ilvl: 1 }),
        p('b', { numId: 4, ilvl: 0 }),
        p('c', { numId: 4, ilvl: 1 }), // lvlRestart 0: goes on at 2.
      ].join(''),
    });
    expect(bodyLines(doc)).toEqual(['一、甲', '二、乙', '一、丙', '二、丁', '1.a', '一、b', '2.c']);
  });

  it('legal numbering (1.1) and a level override replacing a level definition', async () => {
    const legal = abstractNum(0, [['chineseCounting', '%1、'], ['decimal', '%1.%2']]).replace('<w:lvl w:ilvl="1"><w:start w:val="1"/>', '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:isLgl/>');
    const override = '<w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="第%1条"/></w:lvl></w:lvlOverride>';
    const doc = await read({
      numbering: legal + num(1, 0) + abstractNum(1, [['chineseCounting', '%1、']]) + num(2, 1, override),
      body: [p('总则', { numId: 1, ilvl: 0 }), p('目的', { numId: 1, ilvl: 1 }), p('依据', { numId: 1, ilvl: 1 }), p('内容', { numId: 2, ilvl: 0 })].join(''),
    });
    expect(bodyLines(doc)).toEqual(['一、总则', '1.1 目的', '1.2 依据', '第1条 内容']);
  });
});

describe('tables and runs', () => {
  it('one line per table row, cells joined by a tab; merged and empty cells leave no gaps; numbered paragraphs in cells', async () => {
    const merged =
      '<w:tbl><w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>' + p('执法') + '</w:tc><w:tc>' + p('处罚案件') + '</w:tc><w:tc>' + p('186件') + '</w:tc></w:tr>' +
      '<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc>' + p('检查') + p('（含联合检查）') + '</w:tc><w:tc>' + p('52次') + '</w:tc></w:tr></w:tbl>';
    const doc = await read({
      body: [p('主要数据如下：'), table([['指标', '数值'], ['合法性审查件数', '55件'], ['学法考试合格率', '120%']]), merged, p('表后段落。')].join(''),
    });
    expect(bodyLines(doc)).toEqual(['主要数据如下：', '指标\t数值', '合法性审查件数\t55件', '学法考试合格率\t120%', '执法\t处罚案件\t186件', '检查 （含联合检查）\t52次', '表后段落。']);
    expect(placeOf(doc, doc.text.indexOf('学法考试'))).toBe('表格 1 第 3 行');
    expect(placeOf(doc, doc.text.indexOf('表后'))).toBe('第 2 段');
  });

  it('fields show their result, not their code; links, content controls and smart tags keep their text; hidden text and symbols of symbol fonts are left out', async () => {
    const body =
      '<w:p><w:r><w:t xml:space="preserve">详见 </w:t></w:r><w:hyperlink r:id="rId99"><w:r><w:t>政府网站</w:t></w:r></w:hyperlink>' +
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "http://example.invalid" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>专栏</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>' +
      '<w:sdt><w:sdtContent><w:r><w:t>，共</w:t></w:r></w:sdtContent></w:sdt><w:smartTag w:uri="urn:x" w:element="place"><w:r><w:t>12</w:t></w:r></w:smartTag>' +
      '<w:r><w:rPr><w:vanish/></w:rPr><w:t>（内部备注）</w:t></w:r><w:r><w:sym w:font="Wingdings" w:char="F0FC"/><w:t>篇。</w:t></w:r></w:p>' +
      '<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t><w:tab/><w:t>制表</w:t></w:r></w:p>';
    expect(bodyLines(await read({ body }))).toEqual(['详见 政府网站专栏，共12篇。', '第一行', '第二行\t制表']);
  });

  it('empty paragraphs are kept as lines, so line N of the body is paragraph N', async () => {
    const doc = await read({ body: [p('标题'), '<w:p/>', p('正文')].join('') });
    expect(bodyLines(doc)).toEqual(['标题', '', '正文']);
    expect(placeOf(doc, doc.text.indexOf('正文'))).toBe('第 3 段');
  });
});

describe('regions: headers, footers, notes, comments, text boxes', () => {
  it('are read after the body, each with a label; separators of notes are not notes', async () => {
    const doc = await read({
      body: [p('某局2024年法治政府建设年度报告'), p('正文。'), p('某局'), p('2025年3月1日')].join(''),
      headers: [{ xml: p('机密★1年') }, { xml: p('首页眉文字'), type: 'first' }],
      footers: [{ xml: p('联系人手机13812345678') }],
      footnotes: ['数据来源于统计年报。', '第二条脚注。'],
      endnotes: ['尾注文字。'],
      comments: [{ author: '审核人', xml: p('这里的数字请核实') }],
    });
    expect(bodyLines(doc)).toEqual(['某局2024年法治政府建设年度报告', '正文。', '某局', '2025年3月1日']);
    expect(doc.regions!.map((r) => [r.kind, r.label, r.text])).toEqual([
      ['header', '页眉', '机密★1年\n'],
      ['header', '首页页眉', '首页眉文字\n'],
      ['footer', '页脚', '联系人手机13812345678\n'],
      ['footnote', '脚注 1', ' 数据来源于统计年报。\n'],
      ['footnote', '脚注 2', ' 第二条脚注。\n'],
      ['endnote', '尾注 1', ' 尾注文字。\n'],
      ['comment', '批注 1（审核人）', '这里的数字请核实\n'],
    ]);
    for (const r of doc.regions!) expect(doc.text.slice(r.start, r.end)).toBe(r.text);
    expect(placeOf(doc, doc.text.indexOf('13812345678'))).toBe('页脚');
  });

  it('a text box is read once (Word writes it twice: DrawingML and a VML fallback) and becomes a region of the body', async () => {
    const box = (text: string) => `<w:txbxContent>${p(text)}</w:txbxContent>`;
    const drawing =
      '<w:p><w:r><w:t>正文前半。</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>' +
      box('文本框中的手机号13900001111') +
      '</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>' +
      box('文本框中的手机号13900001111') +
      '</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>正文后半。</w:t></w:r></w:p>';
    const doc = await read({ body: drawing });
    expect(bodyLines(doc)).toEqual(['正文前半。正文后半。']);
    expect(doc.regions!.map((r) => [r.label, r.text])).toEqual([['文本框 1', '文本框中的手机号13900001111\n']]);
  });
});

describe('tracked changes', () => {
  it('are read as accepted: insertions kept, deletions and moved-away text dropped, a deleted paragraph mark joins two paragraphs; one info finding counts them', async () => {
    const ins = (t: string) => `<w:ins w:id="1" w:author="张三" w:date="2025-02-01T00:00:00Z"><w:r><w:t>${t}</w:t></w:r></w:ins>`;
    const del = (t: string) => `<w:del w:id="2" w:author="张三" w:date="2025-02-01T00:00:00Z"><w:r><w:delText>${t}</w:delText></w:r></w:del>`;
    const body = [
      p('标题'),
      `<w:p><w:r><w:t>全年办理案件</w:t></w:r>${del('15')}${ins('18')}<w:r><w:t>件。</w:t></w:r></w:p>`,
      `<w:p><w:pPr><w:rPr><w:del w:id="3" w:author="张三" w:date="2025-02-01T00:00:00Z"/></w:rPr></w:pPr><w:r><w:t>前一段</w:t></w:r></w:p>`,
      `<w:p><w:r><w:t>与后一段合并。</w:t></w:r></w:p>`,
      `<w:p><w:moveFrom w:id="4" w:author="张三"><w:r><w:t>移走的文字</w:t></w:r></w:moveFrom><w:moveTo w:id="5" w:author="张三"><w:r><w:t>移来的文字</w:t></w:r></w:moveTo></w:p>`,
      `<w:p><w:r><w:rPr><w:b/><w:rPrChange w:id="6" w:author="张三"><w:rPr/></w:rPrChange></w:rPr><w:t>加粗</w:t></w:r></w:p>`,
    ].join('');
    const doc = await read({ body });
    expect(bodyLines(doc)).toEqual(['标题', '全年办理案件18件。', '前一段与后一段合并。', '移来的文字', '加粗']);
    expect(doc.findings).toHaveLength(1);
    expect(doc.findings![0]).toMatchObject({ ruleId: 'fzlint/tracked-changes' });
    expect(doc.findings![0]!.message).toContain('6 处未接受的修订');
    // The finding points at the first change.
    expect(doc.text.slice(doc.findings![0]!.start, doc.findings![0]!.end)).toBe('全年办理案件18件。');
  });

  it('a file without changes has no finding', async () => {
    expect((await read({ body: p('正文。') })).findings).toBeUndefined();
  });
});

describe('damaged packages', () => {
  it('broken XML, a missing body and a zip without a document are one clear message each', async () => {
    const broken = docxPackage({ body: p('正文') });
    const { unzipSync, zipSync, strToU8 } = await import('fflate');
    const files = unzipSync(broken);
    files['word/document.xml'] = strToU8('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>');
    await expect(readInput('a.docx', zipSync(files))).rejects.toThrow(/无法读取 Word 文档：其中的 XML 有误/);
    files['word/document.xml'] = strToU8('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"></w:document>');
    await expect(readInput('a.docx', zipSync(files))).rejects.toThrow(/正文（w:body）缺失/);
    delete files['word/document.xml'];
    await expect(readInput('a.docx', zipSync(files))).rejects.toThrow(/没有正文/);
  });

  it('XML nested thousands of levels deep is refused, not a stack overflow', async () => {
    const deep = `${'<w:sdt><w:sdtContent>'.repeat(5000)}${p('正文')}${'</w:sdtContent></w:sdt>'.repeat(5000)}`;
    await expect(read({ body: deep })).rejects.toThrow(/嵌套超过/);
  });
});
