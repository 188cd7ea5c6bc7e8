import { UNIT_SUFFIX } from './title.js';
import { findYear } from './year.js';

/**
 * The issuing unit (单位) as reports name it: in the title (某局2024年…, 某县人民政府关于2023年度…的报告,
 * 北京市2022年…, 中共某县委 某县人民政府关于…), in the opening sentence (2021年，某街道办事处深入…),
 * in the 落款. Joint issuers are written 中共某县委、某县人民政府.
 */

const UNIT_END = new RegExp(`${UNIT_SUFFIX}$`);
const NOT_A_UNIT = /^(?:我|本|全|各|该|其|这|区委|市委|省委|县委|州委|党委|党中央|中央|国务院|上级|上一级|两办)/;
/** Short forms: the unit named by its level (区司法局, 市政务和数据局, 县政府). */
const SHORT_FORM = /^(?:省|市|区|县|州|镇|乡|街道)(?!委)[\u4e00-\u9fff]/;

/** Whether a phrase can be a unit's name (or a place's, which stands for its government). */
export function isUnitName(s: string): boolean {
  if (s.length < 2 || s.length > 60) return false;
  if (/[，,。；;：:！？（）()《》“”"]/.test(s)) return false;
  if (NOT_A_UNIT.test(s)) return false;
  return UNIT_END.test(s);
}

/** 中共某县委 某县人民政府 / 中共某区委某区人民政府 → 中共某县委、某县人民政府. */
export function normalizeJoint(s: string): string {
  const parts = s.split(/[\s\u3000、，,]+/).filter(Boolean);
  if (parts.length > 1) return parts.join('、');
  const glued = /^(中共.+?(?:委员会|工委|委|党组))(?=.{2,}(?:政府|管委会|管理委员会|办事处|局|厅)$)(.+)$/.exec(s);
  return glued ? `${glued[1]}、${glued[2]}` : s;
}

/** The unit a title names, or undefined (2019年度法治政府建设情况报告 names none). */
export function unitFromTitle(title: string): string | undefined {
  const s = title.replace(/^关于/, '').trim();
  const candidates: string[] = [];
  const about = /^(.{2,60}?)关于/.exec(s);
  if (about) candidates.push(about[1]!.trim());
  const year = findYear(s);
  if (year && year.index === 0) {
    const rest = s.slice(year.index + year.length).replace(/^\s*年度?\s*/, '');
    const cut = rest.search(/法治政府|依法行政|法治建设|推进|全面/);
    if (cut > 0) candidates.push(rest.slice(0, cut));
  } else if (year) {
    candidates.push(s.slice(0, year.index).replace(/关于$/, ''));
  }
  const cut = s.search(/法治政府|依法行政|法治建设/);
  if (cut > 0) candidates.push(s.slice(0, cut));
  for (const c of candidates) {
    const t = c.trim();
    const joint = normalizeJoint(t);
    if (joint.split('、').every(isUnitName)) return joint;
  }
  return undefined;
}

const VERBS =
  '在|坚持|始终|深入|认真|以|紧紧|全面|围绕|高度|聚焦|持续|扎实|着力|紧扣|立足|按照|积极|严格|牢固|统筹|锚定|深学|切实|不断|大力|全力|努力|进一步|把|将|结合|贯彻|落实|强化|坚定|健全|推进|着眼|主动|加强|深化|践行|秉持|对照|根据|依据|注重|通过|先后|党组|党委|党工委|勇于|敢于|奋力|锐意|自觉';
const OPENING_UNIT = new RegExp(
  `(?:^|[，,。：:；;])\\s*(?:(?:\\d{4}|[〇零一二三四五六七八九]{4})\\s*年度?(?:以来)?\\s*[，,]\\s*)?([\\u4e00-\\u9fff]{2,40}?${UNIT_SUFFIX})(?:[（(]以下简称[^）)]{1,16}[）)])?(?=${VERBS})`,
  'g',
);

/** Words of a clause, never of a unit's name (…有效推动上级关于法治建设的决策部署在… is no unit). */
const CLAUSE_WORD = /的|了|推动|关于|有效|部署|落实|贯彻|学习|认真|以来|同时|通过|进一步|不断|召开|开展|组织/;

/** The unit an opening sentence names as its subject (2024年，某局坚持…), with its offset in `s`. */
export function unitFromOpening(s: string): { value: string; index: number } | undefined {
  for (const m of s.matchAll(OPENING_UNIT)) {
    if (NOT_A_UNIT.test(m[1]!) || CLAUSE_WORD.test(m[1]!)) continue;
    return { value: m[1]!, index: m.index + m[0].indexOf(m[1]!) };
  }
  return undefined;
}

/** Whether a unit is named by its level only (区司法局): the title or signature names it in full. */
export function isShortForm(unit: string): boolean {
  return SHORT_FORM.test(unit);
}

/**
 * A short form (区司法局) completed with the place a title names (某区 → 某区司法局); undefined
 * when the place is not of that level.
 */
export function resolveShortForm(short: string, place: string): string | undefined {
  const level = /^(?:街道|省|市|区|县|州|镇|乡)/.exec(short)?.[0];
  if (!level || !place.endsWith(level)) return undefined;
  return place + short.slice(level.length);
}

/** Whether a title's unit is a place only (北京市, 某区), which stands for its government. */
export function isPlaceOnly(unit: string): boolean {
  return /(?:省|市|区|县|旗|州|盟|镇|乡|自治区|街道)$/.test(unit) && !/(?:局|委|办|厅|政府|中心)/.test(unit);
}
