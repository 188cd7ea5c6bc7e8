import { evaluateCopies } from '../cross-year-evaluate.js';
import { crossYear, percent, previousLabel, relatedItem, SECTION_OPTION, sectionOption, THRESHOLD_OPTION, type ReportItem } from '../cross-year.js';
import { defineKind } from '../kind.js';

const DEFAULT_THRESHOLD = 0.75;

export default defineKind({
  name: 'problems-copied',
  summary: '本年度列出的问题不应照抄上一年度报告的问题（需要上一年度报告）',
  docs:
    '只在提供了上一年度报告时检查。把本年度「存在的不足」中的每个问题条目（整改小节除外）与上一年度报告的问题条目比较，' +
    '几乎相同的（相似度不低于 `threshold`）在本年度条目上报告，并以相关位置指向上一年度的原文：年年照抄同样的问题、' +
    '不说明做了什么，是审查中常被批评的写法。\n\n' +
    '相似度是两段文字内容的字符二元组（相邻两字）的 Dice 系数，计算前去掉通用停用词和这类报告人人都写的词' +
    '（进一步、加强、推进、工作、法治政府建设、存在、问题……），因此「进一步加强法治宣传工作」与「进一步加强执法监督工作」' +
    '的相似度为 0。原样照抄为 1.00，改动几个字的照抄在 0.8–0.9 之间，用自己的话重述同一问题多在 0.4–0.65，不同的问题接近 0。' +
    '「几乎相同」取 `threshold` 默认 0.75，重述不报告；想把删改较多的改写也报告出来时可以调低阈值。',
  options: {
    problems: SECTION_OPTION('存在的不足', 'problems'),
    rectification: SECTION_OPTION('整改情况小节', 'rectification'),
    threshold: THRESHOLD_OPTION('相似度达到该值即视为照抄', DEFAULT_THRESHOLD),
  },
  messages: {
    default: '本年度的问题「{{problem}}」与{{previous}}的问题「{{previousProblem}}」几乎相同（相似度 {{similarity}}）：应写明上一年度以来整改了什么、问题为何仍然存在',
  },
  placeholders: {
    problem: '本年度的问题',
    previous: '上一年度报告，如「2021年度报告」',
    previousProblem: '上一年度相同的问题',
    similarity: '相似度（百分比）',
  },
  example: `kind: problems-copied
severity: warning
threshold: 0.75`,
  compile(rule, ctx) {
    const problemsId = sectionOption(rule.options.problems, 'problems', 'problems', ctx);
    const rectificationId = sectionOption(rule.options.rectification, 'rectification', 'rectification', ctx);
    const threshold = (rule.options.threshold as number | undefined) ?? DEFAULT_THRESHOLD;
    return (rc) => {
      const cy = crossYear(rc);
      if (!cy) return;
      const label = previousLabel(cy.previous.doc.meta.year?.value);
      for (const v of evaluateCopies(rc, cy, { problems: problemsId, rectification: rectificationId })) {
        if (v.score < threshold) continue;
        rc.report({
          ...firstSentence(rc.doc.text, v.item),
          data: { problem: v.item.brief, previous: label, previousProblem: v.previous.brief, similarity: percent(v.score), previousPath: cy.previous.path },
          related: [relatedItem(v.previous, cy.previous.doc, label, '问题')],
        });
      }
    };
  },
});

/** The item's marker and first sentence: where the finding is shown. */
function firstSentence(text: string, item: ReportItem): { start: number; end: number } {
  const body = text.slice(item.start, item.end);
  const stop = body.search(/[。！？；;!?\r\n]/);
  return { start: item.start, end: stop < 0 ? item.end : item.start + stop + 1 };
}
