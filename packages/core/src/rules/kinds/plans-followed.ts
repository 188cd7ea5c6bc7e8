import { evaluatePlans } from '../cross-year-evaluate.js';
import { crossYear, percent, previousLabel, relatedItem, SECTION_OPTION, sectionOption, THRESHOLD_OPTION } from '../cross-year.js';
import { defineKind } from '../kind.js';
import { headingAnchor } from '../scope.js';

const DEFAULT_THRESHOLD = 0.4;

export default defineKind({
  name: 'plans-followed',
  summary: '上一年度报告安排的工作，本年度的主要举措和成效中应有落实情况（需要上一年度报告）',
  docs:
    '只在提供了上一年度报告时检查。上一年度报告「下一年度主要安排」部分的每个条目（（一）（二）……，含两个以上分项的条目按分项；' +
    '没有分项时按句子），在本年度「主要举措和成效」部分和整改小节中找对应的段落（小节、条目、句子或相邻两句）。找不到的逐条以提示（info）' +
    '列出，显示在本年度「主要举措和成效」部分的标题上，并以相关位置指向上一年度的原文。计划有调整是正常的，因此只作提示。\n\n' +
    '比较方法与 problems-addressed 相同：中文分词得到的内容词，去掉停用词和通用词，按出现频率加权，计划条目第一个分句的词权重加倍，' +
    '得分是一个段落覆盖计划加权内容词的比例。写了落实情况的计划条目得分通常在 0.7 左右或更高，只是同一业务领域的段落多在 0.3 以下，' +
    '`threshold` 默认 0.4；漏报多时调低，误报多时调高。' +
    '每个计划条目都记入合规清单（type: previous-plan）。本年度报告没有「主要举措和成效」部分时只记入清单，不逐条报告（缺少该部分由其他规则报告）。',
  options: {
    plans: SECTION_OPTION('下一年度安排（上一年度报告中）', 'plans'),
    measures: SECTION_OPTION('主要举措和成效（本年度报告中）', 'measures'),
    rectification: SECTION_OPTION('整改情况小节（本年度报告中，其中写的也算落实）', 'rectification'),
    threshold: THRESHOLD_OPTION('一个段落须覆盖计划加权内容词的比例', DEFAULT_THRESHOLD),
  },
  messages: {
    default: '{{previous}}安排的工作「{{plan}}」，本年度「主要举措和成效」中未见落实情况',
  },
  placeholders: {
    previous: '上一年度报告，如「2021年度报告」',
    plan: '上一年度的计划条目（第一个分句，至多 30 字）',
    score: '最接近的段落的得分（百分比）',
  },
  example: `kind: plans-followed
severity: info
threshold: 0.4`,
  compile(rule, ctx) {
    const plansId = sectionOption(rule.options.plans, 'plans', 'plans', ctx);
    const measuresId = sectionOption(rule.options.measures, 'measures', 'measures', ctx);
    const rectificationId = sectionOption(rule.options.rectification, 'rectification', 'rectification', ctx);
    const threshold = (rule.options.threshold as number | undefined) ?? DEFAULT_THRESHOLD;
    return (rc) => {
      const cy = crossYear(rc);
      if (!cy) return;
      const prev = cy.previous;
      const { verdicts, measures } = evaluatePlans(rc, cy, { plans: plansId, measures: measuresId, rectification: rectificationId }, threshold);
      const label = previousLabel(prev.doc.meta.year?.value);
      for (const { plan, best, found } of verdicts) {
        rc.record({
          type: 'previous-plan',
          name: plan.brief,
          found,
          start: found ? best!.start : undefined,
          end: found ? best!.end : undefined,
          path: prev.path,
          detail: found ? undefined : `未找到落实情况（最接近的段落得分 ${percent(best?.score ?? 0)}）`,
        });
        if (found || !measures[0]) continue;
        rc.report({
          ...headingAnchor(measures[0]),
          data: { previous: label, plan: plan.brief, score: percent(best?.score ?? 0), previousPath: prev.path },
          related: [relatedItem(plan, prev.doc, label, '工作安排')],
        });
      }
    };
  },
});
