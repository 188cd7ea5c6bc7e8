import type { PlacedLine } from '../compose.js';

/** A run of text on a PDF page, in PDF units with y growing upwards (as pdf.js reports it). */
export interface TextRun {
  text: string;
  x: number;
  /** Baseline. */
  y: number;
  width: number;
  /** Font size (text height). */
  size: number;
}

export interface PdfPage {
  width: number;
  height: number;
  runs: TextRun[];
}

/** A visual line of a page: its runs joined left to right. */
export interface PageLine {
  text: string;
  left: number;
  right: number;
  y: number;
  size: number;
}

/** Where a page's running header or footer sits: this fraction of the page height at the top or bottom. */
const FURNITURE_BAND = 0.12;
const PAGE_NUMBER = [
  /^[-—–－\s]*\d{1,4}[-—–－\s]*$/,
  /^第\s*\d{1,4}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?$/,
  /^\d{1,4}\s*[/／]\s*\d{1,4}$/,
  /^(?:page|p\.)\s*\d{1,4}(?:\s*of\s*\d{1,4})?$/i,
  /^[-—–－\s]*[〇一二三四五六七八九十百]{1,5}[-—–－\s]*$/,
];
/** A part or section number at the start of a line: 一、 （一） 第一部分. */
const OUTLINE_MARKER = /^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|第[一二三四五六七八九十]{1,3}部分)/;
/** Sentence-final punctuation: a line ending with it may end a paragraph. */
const ENDS_SENTENCE = /[。！？；：!?;:）)」』”]$/;

/** Groups a page's runs into visual lines, top to bottom, each line's runs left to right. */
export function pageLines(page: PdfPage): PageLine[] {
  // pdf.js adds whitespace runs for gaps; the gaps themselves are measured instead.
  const runs = page.runs.filter((r) => r.text.trim().length > 0 && r.size > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: TextRun[][] = [];
  for (const r of runs) {
    const line = lines[lines.length - 1];
    // Same baseline within half a character: superscripts and mixed fonts stay on their line.
    if (line && Math.abs(line[0]!.y - r.y) <= Math.max(line[0]!.size, r.size) * 0.5) line.push(r);
    else lines.push([r]);
  }
  const out: PageLine[] = [];
  for (const all of lines) {
    all.sort((a, b) => a.x - b.x);
    const size = Math.max(...all.map((r) => r.size));
    const base = all.find((r) => r.size === size)!.y;
    const line = all.filter((r, i) => !isNoteMark(r, base, size) && !isOverprint(r, all.slice(0, i)));
    if (!line.length) continue;
    let text = '';
    let end = line[0]!.x;
    for (const r of line) {
      const gap = r.x - end;
      if (text && gap > size * 1.5) text += '\t';
      else if (text && gap > size * 0.2 && !isCjk(text.charCodeAt(text.length - 1)) && !isCjk(r.text.charCodeAt(0)) && !/\s$/.test(text)) text += ' ';
      text += r.text;
      end = Math.max(end, r.x + r.width);
    }
    text = text.replace(/[ \t\u3000]+$/, '').replace(/^[ \u3000]+/, '');
    if (!text) continue;
    out.push({ text, left: line[0]!.x, right: end, y: base, size });
  }
  return out;
}

/** A footnote mark: small digits raised above the line (in the text they would glue onto figures: 99%¹ → 99%1). */
function isNoteMark(r: TextRun, base: number, size: number): boolean {
  return r.size <= size * 0.8 && r.y - base > size * 0.15 && /^[\d\[\]（）()*]{1,4}$/.test(r.text.trim());
}

/** The same text drawn again a hair to the side: bold faked by printing twice. */
function isOverprint(r: TextRun, before: TextRun[]): boolean {
  return before.some((b) => b.text === r.text && Math.abs(b.x - r.x) < r.size * 0.2 && Math.abs(b.y - r.y) < r.size * 0.2);
}

/**
 * Footnotes: the lines at the foot of a page, below its body text, in smaller type, the first
 * starting with its number. They become regions instead of running into the paragraph that
 * continues on the next page.
 */
export function footnotes(lines: PageLine[][], dropped: Set<PageLine>): Map<number, PageLine[]> {
  const weight = new Map<number, number>();
  for (const l of lines.flat()) if (!dropped.has(l)) weight.set(Math.round(l.size * 2) / 2, (weight.get(Math.round(l.size * 2) / 2) ?? 0) + l.text.length);
  const body = [...weight].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
  const out = new Map<number, PageLine[]>();
  lines.forEach((page, p) => {
    const kept = page.filter((l) => !dropped.has(l));
    let i = kept.length;
    while (i > 0 && kept[i - 1]!.size <= body * 0.85) i--;
    const notes = kept.slice(i);
    if (notes.length && i > 0 && /^[\d①-⑳\[［（(*※]/.test(notes[0]!.text)) out.set(p, notes);
  });
  return out;
}

/**
 * Running headers, footers and page numbers: lines in the top or bottom band of a page that
 * are page numbers, or that come back (digits aside) on at least half of the pages.
 */
export function furniture(pages: PdfPage[], lines: PageLine[][]): Set<PageLine> {
  const out = new Set<PageLine>();
  const key = (l: PageLine) => l.text.replace(/\d+/g, '#').replace(/\s+/g, '');
  const counts = new Map<string, number>();
  const bands = lines.map((page, p) => {
    const h = pages[p]!.height;
    const inBand = page.filter((l) => l.y > h * (1 - FURNITURE_BAND) || l.y < h * FURNITURE_BAND);
    for (const k of new Set(inBand.map(key))) counts.set(k, (counts.get(k) ?? 0) + 1);
    return inBand;
  });
  const repeated = (l: PageLine) => pages.length >= 2 && (counts.get(key(l)) ?? 0) >= Math.max(2, Math.ceil(pages.length / 2));
  for (const band of bands) for (const l of band) if (PAGE_NUMBER.some((re) => re.test(l.text.trim())) || repeated(l)) out.add(l);
  return out;
}

/**
 * Joins a document's lines into paragraphs as they were typed: a line starts a new paragraph
 * when it is indented (the first-line indent of Chinese documents), when the line before ended
 * short of the right margin, after a gap larger than the line spacing, or at a change of font
 * size. A paragraph runs on across a page break. Each paragraph keeps where its lines came from.
 */
export function paragraphs(lines: PageLine[][], dropped: Set<PageLine>): PlacedLine[] {
  const body = lines.map((page) => page.filter((l) => !dropped.has(l)));
  const all = body.flat();
  if (!all.length) return [];
  const left = leftMargin(all.map((l) => l.left));
  const right = percentile(
    all.map((l) => l.right),
    0.9,
  );
  const spacing = mode(body.flatMap((page) => page.slice(1).map((l, i) => page[i]!.y - l.y).filter((d) => d > 0)));
  const out: PlacedLine[] = [];
  let current: { text: string; segments: Array<{ offset: number; place: string }>; last: PageLine } | undefined;
  const flush = () => {
    if (current) out.push({ text: current.text, place: current.segments[0]!.place, segments: current.segments });
    current = undefined;
  };
  body.forEach((page, p) => {
    page.forEach((line, i) => {
      const place = `第 ${p + 1} 页第 ${i + 1} 行`;
      const prev = current?.last;
      const samePage = i > 0;
      const breaks =
        !prev ||
        line.left > left + line.size * 0.9 ||
        prev.right < right - prev.size * 1.5 ||
        (samePage && spacing > 0 && prev.y - line.y > spacing * 1.6) ||
        Math.abs(prev.size - line.size) > Math.min(prev.size, line.size) * 0.15 ||
        (!samePage && ENDS_SENTENCE.test(prev.text)) ||
        (ENDS_SENTENCE.test(prev.text) && OUTLINE_MARKER.test(line.text)) ||
        line.text.includes('\t') ||
        prev.text.includes('\t');
      if (breaks) {
        flush();
        current = { text: line.text, segments: [{ offset: 0, place }], last: line };
        return;
      }
      const c = current!;
      const joint = needsSpace(c.text, line.text) ? ' ' : '';
      c.segments.push({ offset: c.text.length + joint.length, place });
      c.text += joint + line.text;
      c.last = line;
    });
  });
  flush();
  return out;
}

/**
 * Latin words wrapped over two lines keep a space (Word wraps them at spaces); Chinese text and
 * figures join directly (Chinese justification breaks anywhere, even inside 2024).
 */
function needsSpace(before: string, after: string): boolean {
  return /[A-Za-z]/.test(before[before.length - 1]!) && /[A-Za-z]/.test(after[0]!);
}

function isCjk(c: number): boolean {
  return (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xff00 && c <= 0xffef) || (c >= 0xf900 && c <= 0xfaff);
}

/**
 * The text block's left edge: the leftmost position that several lines start at. (Not the most
 * common one: in a report of short paragraphs, indented first lines can outnumber the others.)
 */
function leftMargin(lefts: number[]): number {
  const counts = new Map<number, number>();
  for (const v of lefts) counts.set(Math.round(v), (counts.get(Math.round(v)) ?? 0) + 1);
  const enough = Math.max(2, Math.ceil(lefts.length * 0.05));
  const sorted = [...counts].sort((a, b) => a[0] - b[0]);
  return (sorted.find(([, c]) => c >= enough) ?? sorted[0]!)[0];
}

/** The most common value, rounded to whole units (the line spacing). */
function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(Math.round(v), (counts.get(Math.round(v)) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [v, c] of counts) if (c > bestCount || (c === bestCount && v < best)) (best = v), (bestCount = c);
  return best;
}

function percentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;
}
