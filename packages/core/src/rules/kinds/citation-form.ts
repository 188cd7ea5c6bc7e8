import type { ReportDocument } from '../../document/parse.js';
import type { Fix } from '../../types.js';
import { defineKind, type RuleContext } from '../kind.js';
import { scanParagraphs } from '../scope.js';

const CHECKS = ['brackets', 'year-range-dash', 'year-range-joined', 'heading-year'] as const;
type CheckName = (typeof CHECKS)[number];

/** Bracket pairs checked for balance; both widths of the round bracket pair with each other (width is another rule's business). */
const PAIRS: ReadonlyArray<{ open: string; close: string; name: string }> = [
  { open: '《', close: '》', name: '书名号' },
  { open: '〈', close: '〉', name: '书名号' },
  { open: '（(', close: '）)', name: '括号' },
  { open: '【', close: '】', name: '括号' },
  { open: '〔', close: '〕', name: '六角括号' },
];

/** Each bracket character: which pair, opening or closing, and its position in the pair's string (its width). */
const BRACKET = new Map<string, { pair: number; open: boolean; index: number }>();
PAIRS.forEach((p, pair) => {
  [...p.open].forEach((ch, index) => BRACKET.set(ch, { pair, open: true, index }));
  [...p.close].forEach((ch, index) => BRACKET.set(ch, { pair, open: false, index }));
});
const ANY_BRACKET = /[《》〈〉（）()【】〔〕]/;

/** A plausible year of these reports' world. */
function isYear(s: string): boolean {
  const y = Number(s);
  return y >= 1949 && y <= 2099;
}

function isRange(a: string, b: string): boolean {
  return isYear(a) && isYear(b) && Number(b) > Number(a) && Number(b) - Number(a) <= 50;
}

/** Separators written between two years instead of the 一字线: hyphens, en dash, full-width hyphen, horizontal bar, tildes, a doubled dash. */
const WRONG_RANGE = /(\d{4})(\s*(?:-|–|－|‐|‑|‒|―|~|～|—{2,})\s*)(\d{4})/g;
/** Two years written together: (20212025年). */
const JOINED = /(?<!\d)(\d{4})(\d{4})(?=\s*年)/g;
/** A year in a heading without 年 (一、2024法治政府建设): followed by a Han character that is not a unit or a date part. */
const BARE_YEAR = /(?<![\d.．\-—–A-Za-z])(\d{4})(?=[\u4e00-\u9fff])(?![年月日号版届级期次元万亿个项件条人名家度])/g;
const CITED = /[《〈]([^《》〈〉\n]{1,120})[》〉]/g;
/** 1) 2) a) 一) used as list markers (at the start of the paragraph or after a stop): a closing bracket that needs no opening one. */
const MARKER_TAIL = /[\dA-Za-z一二三四五六七八九十]{1,3}$/;
const MARKER_LEAD = /[\s。；;：:，,、]/;

function isListMarker(text: string, blockStart: number, from: number, before: string): boolean {
  const m = MARKER_TAIL.exec(before);
  if (!m) return false;
  const lead = from + m.index - 1;
  return lead < blockStart || MARKER_LEAD.test(text[lead]!);
}
const YEAR_RANGE_BEFORE = /(\d{4})\s*[—–－\-~～]*\s*(\d{4})\s*年?\s*$/;
const YEAR_RANGE_AFTER = /^\s*(\d{4})\s*[—–－\-~～]*\s*(\d{4})\s*年?\s*/;

export default defineKind({
  name: 'citation-form',
  summary: '引用和标题的书写形式：书名号、括号成对，书名中的年份起止用「—」，标题中的年份带「年」',
  docs:
    '`check` 选择一项检查：' +
    '`brackets`：同一段中《》〈〉（）【】〔〕要成对（全角、半角圆括号可互相配对，宽度由标点规则检查；段首「1)」「a)」式的编号不算）；' +
    '缺少的一半紧挨着年份起止时可确定位置，提供修复（「纲要2021—2025年)》」补「(」）。' +
    '`year-range-dash`：书名号内的年份起止用一字线「—」（GB/T 15834—2011 4.13.3.2），不用连字符「-」、半字线「–」、全角「－」、浪纹线或两个「—」，提供修复。' +
    '`year-range-joined`：两个年份连写（20212025年）时补上「—」。' +
    '`heading-year`：标题（文件标题和各级编号标题）中的年份后面要有「年」（「一、2024法治政府建设」应为「一、2024年法治政府建设」），提供修复。',
  options: {
    check: { enum: [...CHECKS], description: '检查哪一项：brackets、year-range-dash、year-range-joined、heading-year' },
  },
  required: ['check'],
  messages: {
    default: '引用格式不规范',
    unclosed: '「{{char}}」没有对应的「{{pair}}」：{{name}}不成对',
    unopened: '「{{char}}」前面缺少对应的「{{pair}}」：{{name}}不成对',
    dash: '书名中的年份起止用一字线「—」：「{{match}}」应为「{{replacement}}」',
    joined: '年份起止之间缺少连接号：「{{match}}」应为「{{replacement}}」',
    headingYear: '标题中的年份要写「{{replacement}}」，不写「{{match}}」',
  },
  placeholders: { char: '不成对的符号', pair: '缺少的另一半', name: '符号名称', match: '原文', replacement: '应写作' },
  fixable: 'fix',
  example: `kind: citation-form
severity: info
check: year-range-dash`,
  compile(rule) {
    const check = rule.options.check as CheckName;
    return (rc) => {
      if (check === 'brackets') checkBrackets(rc);
      else if (check === 'year-range-dash') checkRangeDash(rc);
      else if (check === 'year-range-joined') checkJoined(rc);
      else checkHeadingYears(rc);
    };
  },
});

function insertFix(at: number, text: string): Fix {
  return { title: `补上「${text}」`, edits: [{ start: at, end: at, text }] };
}

function checkBrackets(rc: RuleContext): void {
  const { text } = rc.doc;
  for (const block of rc.doc.blocks) {
    rc.checkpoint();
    if (!ANY_BRACKET.test(text.slice(block.contentStart, block.end))) continue;
    const stacks = PAIRS.map(() => [] as number[]);
    for (let i = block.contentStart; i < block.end; i++) {
      const ch = text[i]!;
      const b = BRACKET.get(ch);
      if (!b) continue;
      const p = b.pair;
      if (b.open) {
        stacks[p]!.push(i);
        continue;
      }
      if (stacks[p]!.length) {
        stacks[p]!.pop();
        continue;
      }
      const pair = PAIRS[p]!;
      // Only a short window before the bracket is looked at: a paragraph of a thousand stray brackets stays linear.
      const from = Math.max(block.contentStart, i - 24);
      const before = text.slice(from, i);
      if (p === 2 && isListMarker(text, block.contentStart, from, before)) continue;
      const open = pair.open[Math.min(b.index, pair.open.length - 1)]!;
      const range = p === 2 ? YEAR_RANGE_BEFORE.exec(before) : null;
      rc.report({
        start: i,
        end: i + 1,
        messageId: 'unopened',
        data: { char: ch, pair: open, name: pair.name },
        fix: range ? insertFix(from + range.index, open) : undefined,
      });
    }
    stacks.forEach((stack, p) => {
      const pair = PAIRS[p]!;
      for (const at of stack) {
        const ch = text[at]!;
        const close = pair.close[Math.min(BRACKET.get(ch)!.index, pair.close.length - 1)]!;
        let fix: Fix | undefined;
        if (p === 2) {
          // 《纲要(2021—2025年》: the round bracket closes where the title does.
          const after = YEAR_RANGE_AFTER.exec(text.slice(at + 1, Math.min(block.end, at + 25)));
          const next = after ? at + 1 + after[0].length : -1;
          if (after && isRange(after[1]!, after[2]!) && (text[next] === '》' || text[next] === '〉')) fix = insertFix(next, close);
        }
        rc.report({ start: at, end: at + 1, messageId: 'unclosed', data: { char: ch, pair: close, name: pair.name }, fix });
      }
    });
  }
}

function checkRangeDash(rc: RuleContext): void {
  const { text } = rc.doc;
  scanParagraphs(rc.doc, CITED, (m, start) => {
    rc.checkpoint();
    const inner = m[1]!;
    const innerStart = start + 1;
    WRONG_RANGE.lastIndex = 0;
    for (let r = WRONG_RANGE.exec(inner); r; r = WRONG_RANGE.exec(inner)) {
      if (!isRange(r[1]!, r[3]!)) continue;
      const from = innerStart + r.index;
      const sepStart = from + 4;
      const sepEnd = sepStart + r[2]!.length;
      const written = text.slice(from, sepEnd + 4);
      const replacement = `${r[1]}—${r[3]}`;
      rc.report({
        start: from,
        end: sepEnd + 4,
        messageId: 'dash',
        data: { match: written, replacement },
        fix: { title: `改为「${replacement}」`, edits: [{ start: sepStart, end: sepEnd, text: '—' }] },
      });
    }
    return true;
  });
}

function checkJoined(rc: RuleContext): void {
  scanParagraphs(rc.doc, JOINED, (m, start, end) => {
    if (!isRange(m[1]!, m[2]!) || Number(m[2]) - Number(m[1]) > 30) return false;
    const replacement = `${m[1]}—${m[2]}`;
    rc.report({ start, end, messageId: 'joined', data: { match: m[0], replacement }, fix: { title: `改为「${replacement}」`, edits: [{ start: start + 4, end: start + 4, text: '—' }] } });
    return true;
  });
}

/** Titles of the document: its title line and every numbered or Markdown heading (not 一是… items). */
function headings(doc: ReportDocument): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  if (doc.meta.title) out.push({ start: doc.meta.title.start, end: doc.meta.title.end });
  for (const n of doc.nodes) if (n.kind !== 'inline' && n.kind !== 'root') out.push({ start: n.titleStart, end: n.titleEnd });
  return out;
}

function checkHeadingYears(rc: RuleContext): void {
  const { text } = rc.doc;
  for (const h of headings(rc.doc)) {
    const title = text.slice(h.start, h.end);
    BARE_YEAR.lastIndex = 0;
    for (let m = BARE_YEAR.exec(title); m; m = BARE_YEAR.exec(title)) {
      if (!isYear(m[1]!) || Number(m[1]) < 1990) continue;
      const start = h.start + m.index;
      const end = start + 4;
      const replacement = `${m[1]}年`;
      rc.report({ start, end, messageId: 'headingYear', data: { match: m[1], replacement }, fix: insertFix(end, '年') });
    }
  }
}
