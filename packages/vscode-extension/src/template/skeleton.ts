import { chooseEdition, formatChineseNumeral, type ResolvedConfig, type SectionDefinition } from '@fzlint/core';

/** What the drafter answered: the report year and the unit that reports. */
export interface TemplateAnswers {
  year: number;
  unit: string;
}

export interface TemplateParts {
  editionId?: string;
  editionName?: string;
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
  const parts = sections
    .filter((s): s is SectionDefinition & { order: number } => s.order !== undefined && !s.within)
    .sort((a, b) => a.order - b.order);
  return {
    editionId: choice.edition?.id,
    editionName: choice.edition?.name,
    parts: parts.map((p) => ({
      heading: headingOf(p),
      subsections: sections.filter((s) => s.within === p.id).map(headingOf),
    })),
  };
}

function headingOf(s: SectionDefinition): string {
  return s.heading ?? s.name;
}

/**
 * The report skeleton: title (unit + year + 法治政府建设年度报告), an opening paragraph to fill in,
 * the numbered parts with their required subsections, and the 落款 (unit and a date to fill in).
 * Markdown gets front matter with year and unit (the server reads them) and `#` headings.
 */
export function reportSkeleton(answers: TemplateAnswers, template: TemplateParts, format: 'markdown' | 'text'): string {
  const { year, unit } = answers;
  const title = `${unit}${year}年法治政府建设年度报告`;
  const md = format === 'markdown';
  const lines: string[] = [];
  if (md) lines.push('---', `year: ${year}`, `unit: ${yamlString(unit)}`, '---', '', `# ${title}`, '');
  else lines.push(title, '');
  lines.push(`${year}年，${unit}（在此概述全年法治政府建设的总体情况）。现将有关情况报告如下：`, '');
  template.parts.forEach((part, i) => {
    lines.push(`${md ? '## ' : ''}${formatChineseNumeral(i + 1)}、${part.heading}`, '');
    part.subsections.forEach((sub, j) => {
      lines.push(`${md ? '### ' : ''}（${formatChineseNumeral(j + 1)}）${sub}`, '');
    });
  });
  lines.push(unit, `${year + 1}年  月  日`, '');
  return lines.join('\n');
}

/** Quotes a YAML scalar only when it needs it (units are plain Chinese names almost always). */
function yamlString(value: string): string {
  return /^[^\s'"#:{}[\],&*!|>%@`-][^#:]*$/.test(value) && !/\s$/.test(value) ? value : JSON.stringify(value);
}
