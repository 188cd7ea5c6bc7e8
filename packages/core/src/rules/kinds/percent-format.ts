import { defineKind } from '../kind.js';
import { inText } from '../scope.js';

interface Malformed {
  start: number;
  end: number;
  replacement: string;
  messageId: 'default' | 'space' | 'double';
}

// 97.48 %%, 100 %, 百分之95%: a number, optional 百分之, optional spaces, one or more percent signs.
// A number starts where no digit or point stands before it: a match tried at every digit of a
// long run would scan the rest of the run each time (quadratic).
const PERCENT = /(百分之\s*)?(?<![\d.．])(\d+(?:[.．]\d+)?)([ \t\u3000\u00a0]*)([%％]+)/g;

/** The malformed percentages in text[start, end). */
export function findMalformedPercents(text: string, start: number, end: number): Malformed[] {
  const out: Malformed[] = [];
  const slice = text.slice(start, end);
  PERCENT.lastIndex = 0;
  for (let m = PERCENT.exec(slice); m; m = PERCENT.exec(slice)) {
    const at = start + m.index;
    const before = text[at - 1] ?? '';
    // 1.5%… inside a longer number or a version string is not ours to judge.
    if (!m[1] && /[\d.．A-Za-z_]/.test(before)) continue;
    const [, spelled, number, space, signs] = m;
    if (!spelled && !space && signs!.length === 1) continue;
    const sign = signs![0]!;
    out.push({
      start: at,
      end: at + m[0].length,
      replacement: `${number}${sign}`,
      messageId: spelled ? 'default' : signs!.length > 1 ? 'double' : 'space',
    });
  }
  return out;
}

export default defineKind({
  name: 'percent-format',
  summary: '百分数写法不规范：重复的百分号、数字与百分号之间有空格、「百分之」与「%」并用',
  docs:
    '百分数应写作数字紧接一个百分号，如「97.48%」。本规则报告「97.48 %%」（百分号重复）、「100 %」（数字与百分号之间有空格）、' +
    '「百分之95%」（汉字「百分之」与「%」重复表达）等写法，并提供改为规范写法的修复。这类错误多来自排版或从表格、网页复制。',
  options: {},
  messages: {
    default: '「{{match}}」重复表达了百分数，应为「{{replacement}}」',
    space: '「{{match}}」中数字与百分号之间不应有空格，应为「{{replacement}}」',
    double: '「{{match}}」百分号重复，应为「{{replacement}}」',
  },
  placeholders: { match: '原写法', replacement: '规范写法' },
  fixable: 'fix',
  example: `kind: percent-format
severity: warning`,
  compile() {
    return (rc) => {
      const text = rc.doc.text;
      for (let bi = 0, list = rc.doc.blocks; bi < list.length; bi++) {
        const block = list[bi]!;
        rc.checkpoint();
        for (const m of findMalformedPercents(text, block.contentStart, block.end)) {
          if (!inText(rc.doc, m.start, m.end)) continue;
          rc.report({
            start: m.start,
            end: m.end,
            messageId: m.messageId,
            data: { match: text.slice(m.start, m.end), replacement: m.replacement },
            fix: { title: `改为「${m.replacement}」`, edits: [{ start: m.start, end: m.end, text: m.replacement }] },
          });
        }
      }
    };
  },
});
