import { evaluateProblems } from '../cross-year-evaluate.js';
import { crossYear, percent, previousLabel, relatedItem, SECTION_OPTION, sectionOption, THRESHOLD_OPTION } from '../cross-year.js';
import { defineKind } from '../kind.js';
import { documentAnchor, headingAnchor } from '../scope.js';

const DEFAULT_THRESHOLD = 0.3;
const DEFAULT_ELSEWHERE = 0.4;

export default defineKind({
  name: 'problems-addressed',
  summary: '上一年度报告指出的每个问题，本年度报告都要说明整改情况（需要上一年度报告）',
  docs:
    '只在提供了上一年度报告时检查（front matter 的 `previous`、命令行 `--previous`、配置中的 `previous` 映射或自动查找）。' +
    '从上一年度报告的「存在的不足」部分取出问题条目：（一）（二）……、1. 2. ……、一是、二是……；没有分项时按句子。' +
    '上一年度报告自己的整改小节不算问题。对每个问题，先在本年度的整改小节中找说明其整改的段落，再在全文其他位置找' +
    '（本年度「存在的不足」和「下一年度安排」部分除外：把问题再列一遍或写进计划不是整改；' +
    '其他位置的段落还须点出问题所指的事项本身，即含有问题那一句中「待」「不足」「较长」等词之前的全部内容词：' +
    '「全年办理行政复议案件64件」与「行政复议案件办理周期较长」用词相近，但没有说到「周期」，不算整改说明）。\n\n' +
    '比较用的是中文分词（Intl.Segmenter）得到的内容词：去掉通用停用词（stopwords-iso）和这类报告人人都写的词' +
    '（进一步、加强、推进、工作、法治政府建设、存在、问题、整改……），按词在两份报告各句中的出现频率加权（越少见权重越高，' +
    '「数据」在数据管理局的报告中几乎句句都有，权重就低），问题条目中点明问题的那一句（如「数据壁垒待打破」）的词权重加倍。' +
    '一个段落（句子、相邻两句或整改小节中的一个条目）覆盖了问题加权内容词的比例即为得分。\n\n' +
    '整改小节中用自己的话写的整改说明得分通常在 0.4 以上，针对别的问题的说明接近 0，因此 `threshold` 默认 0.3；' +
    '整改小节以外的正文本来就讲相近的业务，得分常到 0.3 左右，明确针对该问题的段落则在 0.5 上下，`elsewhereThreshold` 默认 0.4。' +
    '找不到时，诊断显示在本年度整改小节的标题上（没有整改小节时在「存在的不足」部分标题上），' +
    '引用该问题并以相关位置指向上一年度报告中的原文；若本年度「存在的不足」中有相近的问题，信息会指出它仍被列为问题。' +
    '每个问题都记入合规清单（type: previous-problem，found 表示已说明整改）。',
  options: {
    problems: SECTION_OPTION('存在的不足', 'problems'),
    rectification: SECTION_OPTION('整改情况小节', 'rectification'),
    plans: SECTION_OPTION('下一年度安排', 'plans'),
    threshold: THRESHOLD_OPTION('整改小节中一个段落须覆盖问题加权内容词的比例', DEFAULT_THRESHOLD),
    elsewhereThreshold: THRESHOLD_OPTION('整改小节以外的段落须覆盖的比例', DEFAULT_ELSEWHERE),
  },
  messages: {
    default: '{{previous}}指出的问题「{{problem}}」，本年度报告未见整改情况',
    stillListed: '{{previous}}指出的问题「{{problem}}」，本年度报告未见整改情况，且仍列为存在的问题（「{{current}}」）',
  },
  placeholders: {
    previous: '上一年度报告，如「2021年度报告」',
    problem: '上一年度的问题（点明问题的一句，至多 30 字）',
    current: '本年度「存在的不足」中相近的问题',
    score: '最接近的段落的得分（百分比）',
  },
  example: `kind: problems-addressed
severity: warning
threshold: 0.3
elsewhereThreshold: 0.4`,
  compile(rule, ctx) {
    const problemsId = sectionOption(rule.options.problems, 'problems', 'problems', ctx);
    const rectificationId = sectionOption(rule.options.rectification, 'rectification', 'rectification', ctx);
    const plansId = sectionOption(rule.options.plans, 'plans', 'plans', ctx);
    const threshold = (rule.options.threshold as number | undefined) ?? DEFAULT_THRESHOLD;
    const elsewhereThreshold = (rule.options.elsewhereThreshold as number | undefined) ?? DEFAULT_ELSEWHERE;
    return (rc) => {
      const cy = crossYear(rc);
      if (!cy) return;
      const ids = { problems: problemsId, rectification: rectificationId, plans: plansId };
      const { verdicts, rectification, problems } = evaluateProblems(rc, cy, ids, threshold, elsewhereThreshold);
      const anchor = rectification ? headingAnchor(rectification) : problems[0] ? headingAnchor(problems[0]) : documentAnchor(rc.doc);
      const prev = cy.previous;
      const label = previousLabel(prev.doc.meta.year?.value);
      for (const v of verdicts) {
        const { item, treated, closest, stillListed } = v;
        rc.record({
          type: 'previous-problem',
          name: item.brief,
          found: Boolean(treated),
          start: treated?.start,
          end: treated?.end,
          path: prev.path,
          detail: treated
            ? `${treated === v.inRectification ? '整改小节' : '正文'}中说明：${excerpt(rc.doc.text, treated.start, treated.end)}`
            : `未找到整改说明（最接近的段落得分 ${percent(closest?.score ?? 0)}）`,
        });
        if (treated) continue;
        const related = [relatedItem(item, prev.doc, label, '问题')];
        if (stillListed) related.push({ start: stillListed.item.start, end: stillListed.item.end, message: `本年度仍列出的相近问题：${stillListed.item.brief}`, doc: rc.doc });
        rc.report({
          ...anchor,
          messageId: stillListed ? 'stillListed' : 'default',
          data: { previous: label, problem: item.brief, current: stillListed?.item.brief, score: percent(closest?.score ?? 0), previousPath: prev.path },
          related,
        });
      }
    };
  },
});

function excerpt(text: string, start: number, end: number): string {
  const chars = [...text.slice(start, end).trim()];
  return chars.length > 60 ? `${chars.slice(0, 59).join('')}…` : chars.join('');
}
