import { parseChineseNumeral } from '../text/chinese-numerals.js';

/**
 * The report year as reports state it: in the title, in the opening (also after a 根据《…》
 * clause), in headings (一、2022年…主要举措; （一）2023年度存在问题的整改情况 says the report is
 * for 2024; 2025年工作安排 says 2024). Never from a page clock or publication date (those lines
 * are web residue and not read) nor from documents cited in 《》 or 〔〕.
 */

export interface YearFound {
  value: number;
  index: number;
  length: number;
}

const ARABIC = /(\d{4})\s*年/;
const CHINESE = /([〇零一二三四五六七八九]{4})\s*年/;

function toYear(raw: string): number | undefined {
  const value = /\d/.test(raw) ? Number(raw) : parseChineseNumeral(raw);
  return value && value >= 1990 && value <= 2100 ? value : undefined;
}

/** The first year (YYYY年, 二〇二三年) in a phrase. */
export function findYear(s: string): YearFound | undefined {
  const a = ARABIC.exec(s);
  const c = CHINESE.exec(s);
  const m = a && c ? (a.index <= c.index ? a : c) : (a ?? c);
  if (!m) return undefined;
  const value = toYear(m[1]!);
  return value ? { value, index: m.index, length: m[1]!.length } : undefined;
}

/** The text with cited documents (《…》, 〔…〕, （…号）) blanked out, offsets kept. */
export function maskCitations(s: string): string {
  return s.replace(/《[^《》]*》|〔[^〔〕]*〕|[（(][^（()）]{0,30}号[）)]/g, (m) => '　'.repeat(m.length));
}

const Y = '(\\d{4}|[〇零一二三四五六七八九]{4})';
const OPENING: RegExp[] = [
  new RegExp(`^${Y}\\s*年度?\\s*(?:以来)?\\s*[，,]`),
  new RegExp(`现将[^。]{0,24}?${Y}\\s*年`),
  new RegExp(`${Y}\\s*年度?[^。，,；;]{0,12}?(?:推进)?(?:法治政府建设|依法行政|法治建设)(?:工作)?(?:情况|年度报告|工作总结)`),
];

/** The year an opening paragraph states, with its offset. */
export function yearFromOpening(s: string): YearFound | undefined {
  const masked = maskCitations(s);
  for (const re of OPENING) {
    const m = re.exec(masked);
    if (!m) continue;
    const value = toYear(m[1]!);
    if (value) return { value, index: m.index + m[0].indexOf(m[1]!), length: m[1]!.length };
  }
  return undefined;
}

const HEADING: Array<{ re: RegExp; shift: number }> = [
  // （一）2023年度存在问题的整改情况: last year's problems, so the report is for the year after.
  { re: new RegExp(`^${Y}\\s*年度?[^。；;]{0,24}?(?:问题|不足)[^。；;]{0,16}?(?:整改|改进|改正)`), shift: 1 },
  // 2025年工作安排 / 2025年推进法治政府建设的主要安排: next year's plans.
  { re: new RegExp(`^${Y}\\s*年度?[^。；;]{0,24}?(?:安排|计划|打算|思路|工作要点)`), shift: -1 },
  { re: new RegExp(`^${Y}\\s*年度?[^。；;]{0,30}?(?:举措|成效|工作情况|主要工作|工作总结|法治政府建设|依法行政)`), shift: 0 },
];

/** The report year a heading's text (after its marker) implies, with the offset of the year. */
export function yearFromHeading(s: string): YearFound | undefined {
  for (const { re, shift } of HEADING) {
    const m = re.exec(s);
    if (!m) continue;
    const value = toYear(m[1]!);
    if (value) return { value: value + shift, index: m[0].indexOf(m[1]!), length: m[1]!.length };
  }
  return undefined;
}
