import { isChineseText, isHan, OPENING_FULLWIDTH } from '../../text/cjk.js';
import type { TextEdit } from '../../types.js';
import { defineKind } from '../kind.js';
import { inText } from '../scope.js';

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };
const MARKS = Object.keys(FULL);

interface Finding {
  start: number;
  end: number;
  actual: string;
  expected: string;
  edits: TextEdit[];
}

const isAsciiWord = (ch: string | undefined) => ch !== undefined && /[0-9A-Za-z%]/.test(ch);
const isBlank = (ch: string | undefined) => ch === undefined || /\s/.test(ch);

/** Whether a half-width , ; : stands in Chinese text: after Chinese, or between a number/word and Chinese. */
function separatorInChinese(prev: string | undefined, next: string | undefined): boolean {
  // 如下: at the end of a paragraph counts; 时间: 2024-12-25 (a space after) is left alone.
  if (isChineseText(prev)) return next === undefined || next === '\n' || next === '\r' || !isBlank(next);
  return (isAsciiWord(prev) || prev === ')' || prev === '"') && (isHan(next) || (next !== undefined && OPENING_FULLWIDTH.has(next)));
}

/** Offsets inside `code` spans of a Markdown paragraph, which are not prose. */
function codeSpans(text: string, start: number, end: number): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let open = -1;
  for (let i = start; i < end; i++) {
    if (text[i] !== '`') continue;
    if (open < 0) open = i;
    else {
      spans.push([open, i + 1]);
      open = -1;
    }
  }
  return spans;
}

function scanBlock(text: string, start: number, end: number, marks: Set<string>, markdown: boolean): Finding[] {
  const out: Finding[] = [];
  const code = markdown ? codeSpans(text, start, end) : [];
  const inCode = (i: number) => code.some(([s, e]) => i >= s && i < e);
  const single = (i: number) => ({ start: i, end: i + 1, actual: text[i]!, expected: FULL[text[i]!]!, edits: [{ start: i, end: i + 1, text: FULL[text[i]!]! }] });
  const open: number[] = [];
  for (let i = start; i < end; i++) {
    const ch = text[i]!;
    if (!(ch in FULL) || inCode(i)) continue;
    const prev = text[i - 1];
    const next = i + 1 < end ? text[i + 1] : undefined;
    if (ch === '(') {
      // A Markdown link target ](…) is an address, not prose: remember it so its ) is skipped too.
      open.push(markdown && prev === ']' ? -1 : i);
      continue;
    }
    if (ch === ')') {
      const o = open.pop();
      if (o === -1) continue;
      if (o === undefined) {
        if (marks.has(')') && (isChineseText(prev) || isChineseText(next))) out.push(single(i));
        continue;
      }
      if (!marks.has('(')) continue;
      const inner = text.slice(o + 1, i);
      // Vcpu(x)不改: brackets glued to a Latin word stay Latin even when Chinese follows.
      const before = text[o - 1];
      if ([...inner].some(isHan) || isChineseText(before) || (isChineseText(next) && !isAsciiWord(before))) {
        const short = i - o <= 20;
        out.push({ start: o, end: short ? i + 1 : o + 1, actual: '()', expected: '（）', edits: [{ start: o, end: o + 1, text: '（' }, { start: i, end: i + 1, text: '）' }] });
      }
      continue;
    }
    if (!marks.has(ch)) continue;
    if (ch === '?' || ch === '!') {
      if (isChineseText(prev) && (isBlank(next) || isChineseText(next))) out.push(single(i));
    } else if (separatorInChinese(prev, next)) out.push(single(i));
  }
  // Unmatched opening brackets next to Chinese.
  if (marks.has('(')) for (const o of open) if (o >= 0 && isChineseText(text[o - 1]) || isChineseText(text[o + 1])) out.push(single(o));
  return out.sort((a, b) => a.start - b.start);
}

export default defineKind({
  name: 'cjk-punctuation',
  summary: '中文文本中使用了半角标点（, ; : ( ) ? !），应为全角',
  docs:
    '中文文本应使用全角标点（GB/T 15834《标点符号用法》）。报告从网页或其他软件复制时常混入半角的 , ; : ( ) ? !。' +
    '本规则报告：紧跟在汉字或全角标点之后（且后面不是空白）的半角逗号、分号、冒号；夹在数字或字母与汉字之间的（「100%,收到」）；' +
    '跟在汉字后的半角问号、叹号；以及括住汉字或紧挨汉字的半角括号（成对报告、成对修复）。' +
    '纯西文或数字之间的（1,000、3:1、a,b）、Markdown 行内代码和链接地址不报告。修复为换成对应的全角标点。',
  options: {
    marks: { type: 'array', items: { enum: MARKS }, minItems: 1, description: '要检查的半角标点，默认全部：, ; : ( ) ? !' },
  },
  messages: { default: '中文文本中应使用全角标点「{{expected}}」，而不是半角「{{actual}}」' },
  placeholders: { actual: '半角标点', expected: '应使用的全角标点' },
  fixable: 'fix',
  example: `kind: cjk-punctuation
severity: warning
marks: [',', ';', ':', '(', ')']`,
  compile(rule) {
    const marks = new Set((rule.options.marks as string[] | undefined) ?? MARKS);
    return (rc) => {
      const text = rc.doc.text;
      const markdown = rc.doc.format === 'markdown';
      for (const block of rc.doc.blocks) {
        rc.checkpoint();
        for (const f of scanBlock(text, block.contentStart, block.end, marks, markdown)) {
          if (!inText(rc.doc, f.start, f.end)) continue;
          rc.report({
            start: f.start,
            end: f.end,
            data: { actual: f.actual, expected: f.expected },
            fix: { title: `改为全角「${f.expected}」`, edits: f.edits },
          });
        }
      }
    };
  },
});
