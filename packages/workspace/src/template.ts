import { chooseEdition, formatChineseNumeral, type ResolvedConfig, type SectionDefinition } from '@fzlint/core';

/** What the drafter answered: the report year and the unit that reports (blank: a placeholder). */
export interface TemplateAnswers {
  year: number;
  unit?: string;
  /** The report's region (广东省), written into the front matter when known. */
  region?: string;
}

export interface TemplateParts {
  editionId?: string;
  editionName?: string;
  /** Why this edition (「广东省2024年度报告」). */
  because?: string;
  /** An edition the year calls for that needs the region to be known (the report's region was not given). */
  regionNeeded?: { name: string; regions: string[] };
  /** Required parts in template order, each with the subsections that belong inside it. */
  parts: Array<{ heading: string; subsections: string[] }>;
}

/**
 * The parts a report of `year` needs under `config`: the edition the engine would choose (pinned
 * by `edition`, else by year and region), its parts ordered by `order`, and the subsections declared `within`
 * a part. Headings come from the rule packs' section definitions, so a unit's own template in its
 * `.fzlint.yaml` shapes the skeleton too.
 */
export function templateParts(config: ResolvedConfig, year: number, edition = '', region?: string): TemplateParts {
  const choice = chooseEdition(config.editions, edition || 'auto', year, region);
  const sections = config.sectionsFor(choice.edition?.id);
  const parts = sections.filter((s): s is SectionDefinition & { order: number } => s.order !== undefined && !s.within).sort((a, b) => a.order - b.order);
  return {
    editionId: choice.edition?.id,
    editionName: choice.edition?.name,
    because: choice.because,
    ...(choice.regionNeeded ? { regionNeeded: { name: choice.regionNeeded.name, regions: choice.regionNeeded.regions ?? [] } } : {}),
    parts: parts.map((p) => ({
      heading: headingOf(p).replace(/^下一年度/, `${year + 1}年`),
      subsections: sections.filter((s) => s.within === p.id).map((s) => headingOf(s).replace(/^上一年度/, `${year - 1}年度`)),
    })),
  };
}

function headingOf(s: SectionDefinition): string {
  return s.heading ?? s.name;
}

/** The unit's name in a skeleton when the drafter has not given it. */
export const UNIT_PLACEHOLDER = '（单位名称）';

/**
 * The report skeleton: title (unit + year + 法治政府建设年度报告), an opening paragraph to fill in,
 * the numbered parts with their required subsections and what to write in each, and the 落款
 * (unit and a date to fill in). Markdown gets front matter with year and unit and `#` headings.
 */
export function reportSkeleton(answers: TemplateAnswers, template: TemplateParts, format: 'markdown' | 'text'): string {
  const { year } = answers;
  const unit = answers.unit?.trim() || UNIT_PLACEHOLDER;
  const title = `${unit}${year}年法治政府建设年度报告`;
  const md = format === 'markdown';
  const lines: string[] = [];
  if (md) lines.push('---', `year: ${year}`, ...(answers.unit?.trim() ? [`unit: ${yamlString(unit)}`] : []), ...(answers.region ? [`region: ${answers.region}`] : []), '---', '', `# ${title}`, '');
  else lines.push(title, '');
  lines.push(`${year}年，${unit}（在此概述全年法治政府建设的总体情况）。现将有关情况报告如下：`, '');
  template.parts.forEach((part, i) => {
    lines.push(`${md ? '## ' : ''}${formatChineseNumeral(i + 1)}、${part.heading}`, '');
    part.subsections.forEach((sub, j) => {
      lines.push(`${md ? '### ' : ''}（${formatChineseNumeral(j + 1)}）${sub}`, '', '（逐项写明上一年度报告所列问题的整改措施和成效）', '');
    });
    lines.push(part.subsections.length ? '（写明本年度存在的不足及原因）' : '（在此填写本部分内容，写明具体措施和数据，例如次数、件数、比例）', '');
  });
  lines.push(unit, `${year + 1}年  月  日`, '');
  return lines.join('\n');
}

/** A starting .fzlint.yaml: the recommended rules, the edition by year, commented examples. */
/** `docsUrl`: the rule docs installed with the program, named in the header so a reader finds them. */
export function configTemplate(edition: string | undefined, region?: string, docsUrl?: string): string {
  const regionLines = region
    ? `# 报告所属地区（广东省2023年度起的报告按六部分格式检查）\nregion: ${region}`
    : '# 报告所属地区：不写时从单位名称、标题、落款识别；广东省的报告可写 region: 广东\n# region: 广东';
  const docs = docsUrl ? `\n# 全部规则的说明：${docsUrl}` : '';
  return `# fzlint 配置（规则说明见 fzlint explain 规则id，或 fzlint rules）${docs}
extends: fzlint:recommended
# auto：按报告年度和地区选择模板；也可固定为 ${edition ?? 'guangdong-2024'}
edition: auto
${regionLines}
rules: {}
#  某条规则不适用时关闭它，例如：
#  data/reconsideration-litigation: off
# 上一年度报告（用于检查上一年度问题的整改情况）：本年报告路径: 上年报告路径
# previous:
#   ./2024年报告.md: ./2023年报告.md
`;
}

/** Quotes a YAML scalar only when it needs it (units are plain Chinese names almost always). */
function yamlString(value: string): string {
  return /^[^\s'"#:{}[\],&*!|>%@`-][^#:]*$/.test(value) && !/\s$/.test(value) ? value : JSON.stringify(value);
}
