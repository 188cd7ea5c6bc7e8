import { writeZipParts } from '../inputs/zip.js';
import { escapeXml, WORD_MAIN } from './comments-part.js';

const PACKAGE_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

export interface RenderedDocx {
  bytes: Uint8Array;
  /** An offset of the source text as an offset of the rendered document's text (line breaks may differ). */
  offset(sourceOffset: number): number;
}

/**
 * A Word file of a report's text (a .txt, .md, .pdf … report, so that every unit gets a Word
 * file back): one paragraph per line, exactly the characters fzlint checked, on A4 pages in the
 * usual fonts of official documents; the title line centred. Read back, its text is the source's
 * lines, so findings' offsets carry over through `offset`.
 */
export function renderDocx(text: string): RenderedDocx {
  const lines: string[] = [];
  const sourceStarts: number[] = [];
  const re = /\r\n|\n|\r/g;
  let from = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    sourceStarts.push(from);
    lines.push(text.slice(from, m.index));
    from = m.index + m[0].length;
  }
  if (from < text.length || !lines.length) {
    sourceStarts.push(from);
    lines.push(text.slice(from));
  }
  const renderedStarts: number[] = [];
  let at = 0;
  for (const l of lines) {
    renderedStarts.push(at);
    at += l.length + 1;
  }
  const title = lines.findIndex((l) => l.trim());
  const body = lines.map((l, i) => paragraph(l, i === title && l.trim().length <= 80)).join('');
  const document = `${DECL}<w:document xmlns:w="${WORD_MAIN}" xmlns:r="${OFFICE_RELS}"><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>`;
  const bytes = writeZipParts(
    [
      ['[Content_Types].xml', CONTENT_TYPES],
      ['_rels/.rels', `${DECL}<Relationships xmlns="${PACKAGE_RELS}"><Relationship Id="rId1" Type="${OFFICE_RELS}/officeDocument" Target="word/document.xml"/></Relationships>`],
      ['word/_rels/document.xml.rels', `${DECL}<Relationships xmlns="${PACKAGE_RELS}"><Relationship Id="rId1" Type="${OFFICE_RELS}/styles" Target="styles.xml"/></Relationships>`],
      ['word/document.xml', document],
      ['word/styles.xml', STYLES],
    ].map(([name, xml]) => ({ name: name!, data: new TextEncoder().encode(xml) })),
  );
  return {
    bytes,
    offset(source: number) {
      let lo = 0;
      let hi = sourceStarts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (sourceStarts[mid]! <= source) lo = mid;
        else hi = mid - 1;
      }
      return renderedStarts[lo]! + Math.min(source - sourceStarts[lo]!, lines[lo]!.length);
    },
  };
}

function paragraph(line: string, isTitle: boolean): string {
  if (!line) return '<w:p/>';
  const props = isTitle ? '<w:pPr><w:jc w:val="center"/><w:rPr><w:b/><w:sz w:val="44"/></w:rPr></w:pPr>' : '';
  const runProps = isTitle ? '<w:rPr><w:b/><w:sz w:val="44"/></w:rPr>' : '';
  const content = line
    .split('\t')
    .map((part) => (part ? `<w:t xml:space="preserve">${escapeXml(part)}</w:t>` : ''))
    .join('<w:tab/>');
  return `<w:p>${props}<w:r>${runProps}${content}</w:r></w:p>`;
}

const CONTENT_TYPES = `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`;

/** 仿宋 三号 for the text (the usual body font and size of official documents), a line spacing that reads. */
const STYLES = `${DECL}<w:styles xmlns:w="${WORD_MAIN}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="仿宋_GB2312" w:cs="Times New Roman"/><w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:line="560" w:lineRule="exact"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>`;
