import type { Block } from './blocks.js';
import { matchMarkerAtStart } from './markers.js';
import type { Span, TitleMeta } from './meta-types.js';
import { isResidueLine } from './residue.js';

/** Organs and places a unit name ends with (单位名称). */
export const UNIT_SUFFIX =
  '(?:人民政府|政府|委员会|管理委员会|管委会|办公厅|办公室|办事处|街道|局|厅|委|办|中心|院|署|部|处|室|站|所|队|会|镇|乡|新区|高新区|开发区|园区|合作区|示范区|试验区|自治区|自治州|自治县|省|市|区|县|旗|州|盟|地区|林区)';
const UNIT_END = new RegExp(`${UNIT_SUFFIX}$`);
const SENTENCE = /[。；;！？!?，,：:]/;
const YEAR_AT_END = /(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年度?$/;
/** A site's label in front of a title: 【权威发布】, [转载]. */
export const TITLE_PREFIX = /^[【[][^】\]\d]{1,8}[】\]]\s*/;
/** A title opens with its subject: without one (关于…, 2023年…, 法治政府建设…), the line above may be the subject. */
const NO_SUBJECT = /^(?:关于|(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年|年度|法治|依法行政|推进)/;
const HEAD_BLOCKS = 16;

export interface TitleScan {
  title?: TitleMeta;
  /** Blocks of the title itself. */
  titleBlocks: number[];
  /** Blocks above the title (page furniture, a column name, a first copy of the title). */
  preamble: number[];
  /** Blocks between the title and the body: a second copy of the title, a date, the 主送机关. */
  tail: number[];
  addressee?: Span;
  /** Preamble lines that are page furniture by their company (a residue line is among them). */
  residueLines: number[];
}

function isTitleLike(s: string): boolean {
  if (s.length < 6 || s.length > 80) return false;
  if (/[。；;：:，,！？]$/.test(s) || s.includes('。')) return false;
  if (matchMarkerAtStart(s.slice(0, 16), 0)) return false;
  if (/报告|总结|计划|情况|白皮书/.test(s) && /法治|依法行政/.test(s)) return true;
  // A title that forgets 法治 is still the title (the title rule then says what it lacks): 某局2024年工作报告.
  return s.length >= 8 && /报告$/.test(s) && /年度?|工作/.test(s);
}

/** A first line of a title whose second line carries 报告: 某区2023年法治政府建设 / 年度报告. */
function isTitleStart(s: string, next: string | undefined): boolean {
  if (!next || s.length > 60 || SENTENCE.test(s) || /报告|总结|计划/.test(s) || !/法治|依法行政/.test(s)) return false;
  return next.length <= 30 && /^[^。，,；;]{0,20}(?:报告|总结|计划)(?:[（(][^）)]{1,12}[）)])?$/.test(next);
}

/** A line that can be the upper part of a split title: the unit (中共某县委 / 某县人民政府) or the unit and year. */
function isTitleHead(s: string): boolean {
  if (s.length < 2 || s.length > 40 || SENTENCE.test(s) || matchMarkerAtStart(s, 0)) return false;
  return UNIT_END.test(s) || /^中共/.test(s) || YEAR_AT_END.test(s) || /关于$/.test(s);
}

const YEAR_ONLY = /^(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年度?$/;

/** A paragraph of text rather than a line of a title or of page furniture. */
function isBodyLike(s: string, block: Block): boolean {
  if (block.kind === 'heading' && (block.depth ?? 1) > 1) return true;
  if (s.length > 100) return true;
  if (s.length > 40 && /[。；;]/.test(s)) return true;
  if (s.length > 50 && /[，,]/.test(s)) return true;
  if (/[：:]$/.test(s) && s.length > 40) return true;
  return !!matchMarkerAtStart(s.slice(0, 16), 0) && !isTitleLike(s);
}

const DATE_LINE = /^[（(]?\s*(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年[\d〇零一二三四五六七八九十]{1,3}月(?:[\d〇零一二三四五六七八九十]{1,3}日)?\s*[）)]?$/;
const YEAR_NOTE = /^[（(]\s*(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年度?\s*[）)]$/;
const ADDRESSEE = /^[^。；;，,]{2,40}(?:委|政府|常委会|局|厅|办|部|会|院)[：:]$/;

/**
 * Finds the title among the first lines: after any run of page furniture, possibly split over two
 * or three lines, without a site's 【…】 label. The copy closest to the body wins when the page
 * repeats the title; copies above it are furniture.
 */
export function scanTitle(text: string, blocks: Block[]): TitleScan {
  const out: TitleScan = { titleBlocks: [], preamble: [], tail: [], residueLines: [] };
  const texts: string[] = [];
  let headEnd = 0;
  for (; headEnd < Math.min(blocks.length, HEAD_BLOCKS); headEnd++) {
    const b = blocks[headEnd]!;
    const s = text.slice(b.contentStart, b.end).trim();
    if (isBodyLike(s, b)) break;
    texts.push(s);
  }
  const stripped = texts.map((s) => s.replace(TITLE_PREFIX, ''));
  let first = -1;
  let last = -1;
  for (let i = 0; i < headEnd; i++) {
    const b = blocks[i]!;
    if (b.kind === 'heading' && (b.depth ?? 1) === 1) [first, last] = [i, i];
    else if (isTitleLike(stripped[i]!)) [first, last] = [i, i];
    else if (isTitleStart(stripped[i]!, stripped[i + 1]) && i + 1 < headEnd) [first, last] = [i, i + 1];
    else continue;
    // The copy nearest the body: keep looking only while furniture or another copy follows.
    if (blocks[i]!.kind === 'heading') break;
    i = last;
  }
  if (first < 0) return out;
  if (first > 0 && YEAR_ONLY.test(stripped[first - 1]!)) first--;
  else if (NO_SUBJECT.test(stripped[first]!)) {
    for (let k = 0; k < 2 && first > 0 && isTitleHead(stripped[first - 1]!); k++) {
      first--;
      if (!/^中共/.test(stripped[first]!) && !UNIT_END.test(stripped[first]!)) break;
    }
  }
  if (last + 1 < headEnd && YEAR_NOTE.test(stripped[last + 1]!)) last++;

  const parts: Span[] = [];
  for (let i = first; i <= last; i++) {
    const b = blocks[i]!;
    const raw = text.slice(b.contentStart, b.end);
    const lead = raw.length - raw.trimStart().length;
    const prefix = TITLE_PREFIX.exec(raw.trimStart())?.[0].length ?? 0;
    const t = stripped[i]!;
    const start = b.contentStart + lead + prefix;
    parts.push({ text: t, start, end: start + t.length });
    out.titleBlocks.push(i);
  }
  const joined = parts.map((p) => p.text).join('');
  out.title = { text: joined, start: parts[0]!.start, end: parts[parts.length - 1]!.end, parts };

  for (let i = 0; i < first; i++) out.preamble.push(i);
  for (let i = last + 1; i < headEnd; i++) {
    const s = stripped[i]!;
    if (s === joined || DATE_LINE.test(s)) out.tail.push(i);
    else if (ADDRESSEE.test(s) && !out.addressee) {
      out.tail.push(i);
      const b = blocks[i]!;
      out.addressee = { text: s, start: b.contentStart, end: b.contentStart + s.length };
    } else break;
  }
  // Above the title, a line in a run of page furniture is furniture too (a column name, 工作报告).
  const furniture = out.preamble.some((i) => isResidueLine(texts[i]!)) || hasResidueLineBefore(text, blocks[first]!);
  if (furniture) {
    for (const i of out.preamble) {
      const s = stripped[i]!;
      if (s === joined || (s.length <= 30 && !/^附件|〔\d{4}〕|[★☆]/.test(s))) out.residueLines.push(blocks[i]!.firstLine);
    }
  }
  return out;
}

/** Whether any non-blank line above the block is web residue (residue lines are not blocks: look at the text). */
function hasResidueLineBefore(text: string, block: Block): boolean {
  const above = text.slice(0, block.start).split(/\r\n|\r|\n/);
  return above.some((l) => l.trim() && isResidueLine(l));
}
