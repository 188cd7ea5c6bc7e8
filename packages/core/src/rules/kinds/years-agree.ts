import type { Fix } from '../../types.js';
import { findRectification, sectionOption, SECTION_OPTION } from '../cross-year.js';
import { defineKind, type ReportInput } from '../kind.js';
import { documentAnchor } from '../scope.js';

const YEAR = /(\d{4})\s*年/g;

interface YearMention {
  year: number;
  start: number;
  end: number;
}

/** Four-digit years followed by 年 in text[start, end). */
function yearsIn(text: string, start: number, end: number): YearMention[] {
  const out: YearMention[] = [];
  for (const m of text.slice(start, end).matchAll(YEAR)) {
    const year = Number(m[1]);
    if (year >= 1990 && year <= 2100) out.push({ year, start: start + m.index, end: start + m.index + 4 });
  }
  return out;
}

function replaceYear(m: YearMention, expected: number): Fix[] {
  return [{ title: `改为${expected}`, edits: [{ start: m.start, end: m.end, text: String(expected) }] }];
}

export default defineKind({
  name: 'years-agree',
  summary: '年度前后一致：上一年度报告是前一年的，整改小节写的是上一年，工作安排写的是下一年',
  docs:
    '报告年度从 front matter、标题、开头或落款识别。三项检查：\n\n' +
    '- 提供了上一年度报告时，它的年度应比本报告早一年（否则比较的对象可能选错了文件）；\n' +
    '- 整改小节的标题（或作为小节开头的那句话）写了年份时，应是上一年（如 2024 年度报告写「2023年度……改进情况」）；\n' +
    '- 「下一年度主要安排」部分的标题，以及该部分以年份开头的第一句话，写了年份时应是下一年（2024 年度报告写「2025年……」）。\n\n' +
    '后两项不需要上一年度报告。标题或句子写了多个年份时，只要其中有应有的那一年就不报告（如「2023—2025年」）。' +
    '年份写错时提供改正的建议（不自动应用：也可能是报告年度写错了）。',
  options: {
    rectification: SECTION_OPTION('整改情况小节', 'rectification'),
    plans: SECTION_OPTION('下一年度安排', 'plans'),
  },
  messages: {
    default: '上一年度报告是{{previousYear}}年度的，本报告是{{year}}年度：应与{{expected}}年度的报告比较',
    rectification: '本报告是{{year}}年度，整改小节写的是{{found}}年：应说明{{expected}}年度存在问题的整改情况',
    plans: '本报告是{{year}}年度，工作安排写的是{{found}}年：应为{{expected}}年的安排',
  },
  placeholders: {
    year: '本报告的年度',
    previousYear: '上一年度报告的年度',
    found: '写出的年份',
    expected: '应有的年份',
  },
  fixable: 'suggestion',
  example: `kind: years-agree
severity: warning`,
  compile(rule, ctx) {
    const rectificationId = sectionOption(rule.options.rectification, 'rectification', 'rectification', ctx);
    const plansId = sectionOption(rule.options.plans, 'plans', 'plans', ctx);
    return (rc) => {
      const year = rc.year;
      if (year === undefined) return;
      const text = rc.doc.text;
      const wrong = (mentions: YearMention[], expected: number, messageId: string) => {
        if (!mentions.length || mentions.some((m) => m.year === expected)) return;
        for (const m of mentions) {
          const input: ReportInput = { start: m.start, end: m.end, messageId, data: { year, found: m.year, expected }, suggestions: replaceYear(m, expected) };
          rc.report(input);
        }
      };

      const prevYear = rc.previous?.doc.meta.year;
      if (rc.previous && prevYear && prevYear.value !== year - 1) {
        const own = rc.doc.meta.year;
        const at = own?.start !== undefined && own.end !== undefined ? { start: own.start, end: own.end } : documentAnchor(rc.doc);
        const prevDoc = rc.previous.doc;
        rc.report({
          ...at,
          data: { year, previousYear: prevYear.value, expected: year - 1, previousPath: rc.previous.path },
          related:
            prevYear.start !== undefined && prevYear.end !== undefined
              ? [{ start: prevYear.start, end: prevYear.end, message: `上一年度报告的年度：${prevYear.value}年`, doc: prevDoc }]
              : undefined,
        });
      }

      const rect = findRectification(rc.sections, rectificationId);
      if (rect) wrong(yearsIn(text, rect.start, rect.end), year - 1, 'rectification');

      for (const plans of rc.sections.matches(plansId)) {
        wrong(yearsIn(text, plans.start, plans.end), year + 1, 'plans');
        const opening = rc.doc.sentences.find((s) => s.start >= plans.bodyStart && s.start < plans.bodyEnd);
        if (opening) {
          const lead = /^[\s\u3000]*(\d{4})\s*年/.exec(text.slice(opening.start, opening.end));
          if (lead) wrong(yearsIn(text, opening.start, opening.start + lead[0].length), year + 1, 'plans');
        }
      }
    };
  },
});
