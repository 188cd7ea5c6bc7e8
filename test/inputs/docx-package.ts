// Builds .docx packages from WordprocessingML the way Word and WPS write it: a body, and when
// given, numbering.xml, styles.xml, headers, footers, footnotes, endnotes and comments with their
// relationships. Tests write the XML they need; this file only packs it.
import { strToU8, zipSync } from 'fflate';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS = `xmlns:w="${W}" xmlns:r="${R}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14"`;
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface DocxParts {
  /** Inner XML of w:body (paragraphs and tables; a w:sectPr is added with the header/footer references). */
  body: string;
  /** Inner XML of w:numbering (w:abstractNum … w:num …). */
  numbering?: string;
  /** Inner XML of w:styles. */
  styles?: string;
  /** Inner XML of each header (w:hdr), referenced as default, first, even in this order. */
  headers?: Array<{ xml: string; type?: 'default' | 'first' | 'even' }>;
  footers?: Array<{ xml: string; type?: 'default' | 'first' | 'even' }>;
  /** Text of each footnote (ids from 1; the separators Word writes are added). */
  footnotes?: string[];
  endnotes?: string[];
  comments?: Array<{ author: string; xml: string }>;
}

const xml = (s: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n${s}`;

/** A paragraph of plain text, optionally with a paragraph style or numbering. */
export function p(text: string, opts: { style?: string; numId?: number; ilvl?: number } = {}): string {
  const numPr = opts.numId !== undefined ? `<w:numPr>${opts.ilvl !== undefined ? `<w:ilvl w:val="${opts.ilvl}"/>` : ''}<w:numId w:val="${opts.numId}"/></w:numPr>` : '';
  const pPr = opts.style || numPr ? `<w:pPr>${opts.style ? `<w:pStyle w:val="${opts.style}"/>` : ''}${numPr}</w:pPr>` : '';
  return `<w:p>${pPr}${text ? `<w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r>` : ''}</w:p>`;
}

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A table of plain-text cells. */
export function table(rows: string[][]): string {
  const tr = (cells: string[]) => `<w:tr>${cells.map((c) => `<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>${p(c)}</w:tc>`).join('')}</w:tr>`;
  return `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="2000"/></w:tblGrid>${rows.map(tr).join('')}</w:tbl>`;
}

/** An abstract list with levels given as [numFmt, lvlText, start?]; `num` instances refer to it. */
export function abstractNum(id: number, levels: Array<[string, string, number?]>, extra = ''): string {
  const lvls = levels
    .map(([fmt, text, start], i) => `<w:lvl w:ilvl="${i}"><w:start w:val="${start ?? 1}"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="${420 * (i + 1)}" w:hanging="420"/></w:pPr></w:lvl>`)
    .join('');
  return `<w:abstractNum w:abstractNumId="${id}"><w:multiLevelType w:val="multilevel"/>${extra}${lvls}</w:abstractNum>`;
}

export function num(numId: number, abstractId: number, overrides = ''): string {
  return `<w:num w:numId="${numId}"><w:abstractNumId w:val="${abstractId}"/>${overrides}</w:num>`;
}

export function docxPackage(parts: DocxParts): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const rels: string[] = [];
  const overrides: string[] = [
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>',
  ];
  let rid = 1;
  const addPart = (name: string, type: string, contentType: string, content: string) => {
    const id = `rId${rid++}`;
    files[`word/${name}`] = strToU8(xml(content));
    rels.push(`<Relationship Id="${id}" Type="${REL}/${type}" Target="${name}"/>`);
    overrides.push(`<Override PartName="/word/${name}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.${contentType}+xml"/>`);
    return id;
  };
  addPart('styles.xml', 'styles', 'styles', `<w:styles ${NS}>${parts.styles ?? ''}</w:styles>`);
  if (parts.numbering) addPart('numbering.xml', 'numbering', 'numbering', `<w:numbering ${NS}>${parts.numbering}</w:numbering>`);
  const refs: string[] = [];
  parts.headers?.forEach((h, i) => {
    const id = addPart(`header${i + 1}.xml`, 'header', 'header', `<w:hdr ${NS}>${h.xml}</w:hdr>`);
    refs.push(`<w:headerReference w:type="${h.type ?? 'default'}" r:id="${id}"/>`);
  });
  parts.footers?.forEach((f, i) => {
    const id = addPart(`footer${i + 1}.xml`, 'footer', 'footer', `<w:ftr ${NS}>${f.xml}</w:ftr>`);
    refs.push(`<w:footerReference w:type="${f.type ?? 'default'}" r:id="${id}"/>`);
  });
  const separators = (tag: string) =>
    `<w:${tag} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:${tag}><w:${tag} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:${tag}>`;
  if (parts.footnotes) {
    const notes = parts.footnotes.map((n, i) => `<w:footnote w:id="${i + 1}"><w:p><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> ${esc(n)}</w:t></w:r></w:p></w:footnote>`).join('');
    addPart('footnotes.xml', 'footnotes', 'footnotes', `<w:footnotes ${NS}>${separators('footnote')}${notes}</w:footnotes>`);
  }
  if (parts.endnotes) {
    const notes = parts.endnotes.map((n, i) => `<w:endnote w:id="${i + 1}"><w:p><w:r><w:endnoteRef/></w:r><w:r><w:t xml:space="preserve"> ${esc(n)}</w:t></w:r></w:p></w:endnote>`).join('');
    addPart('endnotes.xml', 'endnotes', 'endnotes', `<w:endnotes ${NS}>${separators('endnote')}${notes}</w:endnotes>`);
  }
  if (parts.comments) {
    const list = parts.comments.map((c, i) => `<w:comment w:id="${i}" w:author="${esc(c.author)}" w:date="2025-02-10T09:00:00Z" w:initials="A">${c.xml}</w:comment>`).join('');
    addPart('comments.xml', 'comments', 'comments', `<w:comments ${NS}>${list}</w:comments>`);
  }
  const sectPr = `<w:sectPr>${refs.join('')}<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/>${parts.headers?.some((h) => h.type === 'first') ? '<w:titlePg/>' : ''}</w:sectPr>`;
  files['word/document.xml'] = strToU8(xml(`<w:document ${NS}><w:body>${parts.body}${sectPr}</w:body></w:document>`));
  files['word/_rels/document.xml.rels'] = strToU8(xml(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`));
  files['_rels/.rels'] = strToU8(
    xml(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`),
  );
  files['[Content_Types].xml'] = strToU8(
    xml(
      `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join('')}</Types>`,
    ),
  );
  return zipSync(files);
}
