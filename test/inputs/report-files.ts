// The same report in the formats people send: a .docx typed the way Word users do (part
// headings with automatic numbering, figures in a real table, a running header, a page-number
// footer, a footnote) and a PDF laid out as Word prints it (indented paragraphs wrapped at the
// margin, centred title, right-aligned signature, header and page number on every page).
import fontkit from '@pdf-lib/fontkit';
import { existsSync, readFileSync } from 'node:fs';
import { decodePDFRawStream, PDFDocument, PDFRawStream, type PDFFont, type PDFPage } from 'pdf-lib';
import { abstractNum, docxPackage, esc, num, p } from './docx-package.js';

/**
 * A CJK font as a plain TrueType file (Debian's fonts-droid-fallback) and a Latin one for digits
 * and letters, which the CJK font lacks (fonts-dejavu-core) — as Word sets 仿宋 with Times New
 * Roman. scripts/ci/setup-fonts.sh installs both.
 */
export const CJK_FONT = '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf';
export const LATIN_FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

function fontFile(path: string): Uint8Array {
  if (!existsSync(path)) throw new Error(`PDF fixtures need ${path}: run scripts/ci/setup-fonts.sh (apt-get install fonts-droid-fallback fonts-dejavu-core)`);
  return readFileSync(path);
}

/** Draws text in runs: ASCII in the Latin font, everything else in the CJK font. */
class Fonts {
  constructor(
    readonly cjk: PDFFont,
    readonly latin: PDFFont,
  ) {}

  static async embed(pdf: PDFDocument): Promise<Fonts> {
    pdf.registerFontkit(fontkit);
    return new Fonts(await pdf.embedFont(fontFile(CJK_FONT), { subset: true }), await pdf.embedFont(fontFile(LATIN_FONT), { subset: true }));
  }

  private runs(s: string): Array<[string, PDFFont]> {
    return (s.match(/[\x20-\x7e]+|[^\x20-\x7e]+/g) ?? []).map((r) => [r, /^[\x20-\x7e]/.test(r) ? this.latin : this.cjk]);
  }

  width(s: string, size: number): number {
    return this.runs(s).reduce((w, [r, f]) => w + f.widthOfTextAtSize(r, size), 0);
  }

  draw(page: PDFPage, s: string, x: number, y: number, size: number): void {
    for (const [r, font] of this.runs(s)) {
      page.drawText(r, { x, y, size, font });
      x += font.widthOfTextAtSize(r, size);
    }
  }
}

const LEVEL1 = /^([一二三四五六七八九十]+)、/;
const LEVEL2 = /^[（(]([一二三四五六七八九十]+)[）)]/;

/**
 * A .docx of a report written as plain text, one paragraph per line: 「一、」 and 「（一）」 become
 * Word's automatic numbering (a multilevel list, chineseCounting), tab-separated lines a table.
 */
export function reportDocx(text: string, extra: { header?: string; footer?: string; footnote?: string; literalNumbers?: boolean } = {}): Uint8Array {
  const lines = text.replace(/\n$/, '').split('\n');
  const numbering = abstractNum(0, [['chineseCounting', '%1、'], ['chineseCounting', '（%2）']]) + num(1, 0);
  const body: string[] = [];
  let row: string[] = [];
  const flushTable = () => {
    if (!row.length) return;
    body.push(`<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>${row.join('')}</w:tbl>`);
    row = [];
  };
  lines.forEach((line, i) => {
    if (line.includes('\t')) {
      row.push(`<w:tr>${line.split('\t').map((c) => `<w:tc>${p(c)}</w:tc>`).join('')}</w:tr>`);
      return;
    }
    flushTable();
    const footnote = extra.footnote && i === 2 ? '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>' : '';
    if (extra.literalNumbers) body.push(p(line).replace('</w:p>', `${footnote}</w:p>`));
    else if (LEVEL1.test(line)) body.push(p(line.replace(LEVEL1, ''), { numId: 1, ilvl: 0 }));
    else if (LEVEL2.test(line)) body.push(p(line.replace(LEVEL2, ''), { numId: 1, ilvl: 1 }));
    else body.push(p(line).replace('</w:p>', `${footnote}</w:p>`));
  });
  flushTable();
  const pageField =
    '<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">- </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> -</w:t></w:r></w:p>';
  return docxPackage({
    body: body.join(''),
    numbering,
    headers: extra.header ? [{ xml: `<w:p><w:r><w:t>${esc(extra.header)}</w:t></w:r></w:p>` }] : undefined,
    footers: [{ xml: extra.footer ? `${p(extra.footer)}${pageField}` : pageField }],
    footnotes: extra.footnote ? [extra.footnote] : undefined,
  });
}

export interface PdfLayout {
  /** Running header on every page. */
  header?: string;
  /** Page numbers at the foot of each page, as Word's 「- 1 -」. */
  pageNumbers?: boolean;
  fontSize?: number;
  /** Characters replaced in the drawn text. */
  substitute?: Record<string, string>;
  /**
   * Characters the font's ToUnicode map claims for glyphs, as fonts printed from browsers and
   * Word do: 一 drawn, U+2F00 ⼀ extracted.
   */
  toUnicode?: Record<string, string>;
  /** A footnote: a raised 「1」 after the first occurrence of `after`, the note in small type at the foot of that page. */
  footnote?: { after: string; text: string };
  /** Part headings (一、…) in bold faked by printing them twice, a hair apart. */
  fakeBold?: boolean;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = { left: 90, right: 90, top: 100, bottom: 90 };

/**
 * A PDF of a report as Word prints it: the first non-empty line (the title) centred and larger,
 * body paragraphs with a two-character first-line indent wrapped at the right margin, the date
 * and unit at the end right-aligned, tab-separated lines as table rows.
 */
export async function reportPdf(text: string, layout: PdfLayout = {}): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await Fonts.embed(pdf);
  const size = layout.fontSize ?? 14;
  const leading = size * 1.6;
  const width = A4[0] - MARGIN.left - MARGIN.right;
  const sub = (s: string) => (layout.substitute ? [...s].map((c) => layout.substitute![c] ?? c).join('') : s);
  let page!: PDFPage;
  let y = 0;
  let pageNo = 0;
  const newPage = () => {
    page = pdf.addPage(A4);
    pageNo++;
    y = A4[1] - MARGIN.top;
    if (layout.header) font.draw(page, sub(layout.header), MARGIN.left, A4[1] - 50, 10);
    if (layout.pageNumbers !== false) {
      const label = `- ${pageNo} -`;
      font.draw(page, label, (A4[0] - font.width(label, 10)) / 2, 40, 10);
    }
  };
  const line = (s: string, x: number, fs = size) => {
    if (y < MARGIN.bottom) newPage();
    font.draw(page, sub(s), x, y, fs);
    y -= fs === size ? leading : fs * 1.8;
  };
  newPage();
  let noted = false;
  const lines = text.replace(/\n$/, '').split('\n');
  const titleIndex = lines.findIndex((l) => l.trim());
  // The signature: a date on the last line, and the unit just above it.
  const isDate = (l: string | undefined) => /^\d{4}年\d{1,2}月\d{1,2}日$/.test((l ?? '').trim());
  const lastLines = new Set(isDate(lines[lines.length - 1]) ? [lines.length - 1, lines.length - 2] : []);
  lines.forEach((raw, i) => {
    const s = raw.trim();
    if (!s) return;
    if (i === titleIndex) {
      const ts = size * 1.4;
      line(s, (A4[0] - font.width(s, ts)) / 2, ts);
      return;
    }
    if (lastLines.has(i) && s.length <= 30) {
      line(s, A4[0] - MARGIN.right - font.width(s, size) - size * 2);
      return;
    }
    if (s.includes('\t')) {
      const cells = s.split('\t');
      if (y < MARGIN.bottom) newPage();
      cells.forEach((c, k) => font.draw(page, sub(c), MARGIN.left + k * (width / cells.length), y, size));
      y -= leading;
      return;
    }
    const bold = layout.fakeBold && LEVEL1.test(s);
    wrap(s, font, size, width, size * 2).forEach((part, k) => {
      const x = MARGIN.left + (k === 0 ? size * 2 : 0);
      const note = layout.footnote && !noted && part.includes(layout.footnote.after) ? layout.footnote : undefined;
      if (bold) {
        if (y < MARGIN.bottom) newPage();
        font.draw(page, sub(part), x + 0.3, y, size);
      }
      if (note) {
        if (y < MARGIN.bottom) newPage();
        const at = x + font.width(part.slice(0, part.indexOf(note.after) + note.after.length), size);
        font.draw(page, '1', at, y + size * 0.4, size * 0.55);
        font.draw(page, `1 ${note.text}`, MARGIN.left, 62, 9);
        noted = true;
      }
      line(part, x);
    });
  });
  if (layout.toUnicode) await remapToUnicode(pdf, font.cjk, layout.toUnicode);
  return pdf.save();
}

/** Rewrites the embedded font's ToUnicode CMap so that glyphs of some characters claim others. */
async function remapToUnicode(pdf: PDFDocument, font: PDFFont, map: Record<string, string>): Promise<void> {
  await font.embed();
  const hex = (c: string) => `<${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`;
  for (const [ref, obj] of pdf.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFRawStream)) continue;
    const text = Buffer.from(decodePDFRawStream(obj).decode()).toString('latin1');
    if (!text.includes('begincmap')) continue;
    let out = text;
    for (const [from, to] of Object.entries(map)) out = out.split(hex(from)).join(hex(to));
    if (out !== text) pdf.context.assign(ref, pdf.context.flateStream(out));
  }
}

/** Splits a paragraph into lines that fit the width, the first indented by `indent`. */
function wrap(s: string, font: Fonts, size: number, width: number, indent: number): string[] {
  const out: string[] = [];
  let current = '';
  let room = width - indent;
  for (const ch of s) {
    if (font.width(current + ch, size) > room) {
      out.push(current);
      current = '';
      room = width;
    }
    current += ch;
  }
  if (current) out.push(current);
  return out;
}

/**
 * A PDF whose Chinese font is not embedded and is addressed through Adobe's predefined
 * UniGB-UCS2-H CMap: the text can only be read with pdf.js's CMap files.
 */
export function ucs2Pdf(textLines: string[]): Uint8Array {
  const hex = (s: string) => [...s].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('');
  const content = textLines.map((l, i) => `BT /F1 14 Tf 72 ${760 - i * 24} Td <${hex(l)}> Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
