import { chooseEdition, formatChineseNumeral, regionOfUnit, type SectionDefinition } from '@fzlint/core';
import { join } from 'node:path';
import type { CliArgs } from '../args.js';
import { CliError, EXIT_OK } from '../exit-codes.js';
import { describeFsError, realFs } from '../fs.js';
import type { MainOptions } from '../main.js';
import { regionOption } from '../region-option.js';
import { subcommandLinter } from './shared.js';

/**
 * `fzlint init [--year Y] [--unit 名称] [--region 地区]`: writes `.fzlint.yaml` and a Markdown
 * report skeleton with the parts of the template edition for that year and region (given, or read
 * from the unit's name), in order. Never overwrites a file.
 */
export async function runInit(args: CliArgs, options: MainOptions): Promise<number> {
  const fs = options.fs ?? realFs;
  const year = args.year ?? new Date().getFullYear() - 1;
  const unit = args.unit?.trim() || undefined;
  const configPath = join(options.cwd, '.fzlint.yaml');
  const reportPath = join(options.cwd, `${unit ?? ''}${year}年法治政府建设年度报告.md`);

  const existing: string[] = [];
  for (const p of [configPath, reportPath]) {
    if (await fs.stat(p).then(() => true, () => false)) existing.push(p);
  }
  if (existing.length) throw new CliError(`不覆盖已有文件：${existing.join('、')}（请先移走或改名）`);

  const config = await subcommandLinter({ ...args, config: undefined }, options).configFor(reportPath);
  const region = regionOption(args.region) ?? config.regionFor(reportPath) ?? (unit && regionOfUnit(unit));
  const choice = chooseEdition(config.editions, args.edition ?? 'auto', year, region || undefined);
  const edition = choice.edition;
  const sections = config.sectionsFor(edition?.id);

  const writes: Array<[string, string]> = [
    [configPath, configText(edition?.id, region || undefined)],
    [reportPath, skeleton(year, unit, sections, region || undefined)],
  ];
  const written: string[] = [];
  for (const [path, text] of writes) {
    try {
      await fs.writeFile(path, text, { flag: 'wx' });
      written.push(path);
    } catch (e) {
      throw new CliError(`无法写入「${path}」：${describeFsError(e)}${written.length ? `（已写入：${written.join('、')}）` : ''}`);
    }
  }
  const hint = choice.regionNeeded ? `未指定地区：${choice.regionNeeded.regions!.join('、')}的报告请用 --region 重新生成（将按「${choice.regionNeeded.name}」）。\n` : '';
  options.stdout.write(
    `已创建：\n  ${configPath}\n  ${reportPath}\n按「${edition?.name ?? '默认模板'}」生成了 ${sections.filter((s) => !s.within).length} 个部分的提纲（${choice.because}）。\n${hint}` +
      `填写后运行 fzlint "${reportPath.slice(options.cwd.length + 1)}" 检查。\n`,
  );
  return EXIT_OK;
}

function configText(edition: string | undefined, region: string | undefined): string {
  return `# fzlint 配置（说明见 fzlint --help 和 docs/rules.md）
extends: fzlint:recommended
# auto：按报告年度和地区选择模板；也可固定为 ${edition ?? 'guangdong-2024'}
edition: auto
${region ? `# 报告所属地区（广东省2023年度起的报告按六部分格式检查）\nregion: ${region}` : '# 报告所属地区：不写时从单位名称、标题、落款识别；广东省的报告可写 region: 广东\n# region: 广东'}
rules: {}
#  某条规则不适用时关闭它，例如：
#  data/reconsideration-litigation: off
# 上一年度报告（用于检查上一年度问题的整改情况）：本年报告路径: 上年报告路径
# previous:
#   ./2024年报告.md: ./2023年报告.md
`;
}

function skeleton(year: number, unit: string | undefined, sections: SectionDefinition[], region: string | undefined): string {
  const name = unit ?? '（单位名称）';
  const top = sections.filter((s) => !s.within && s.order !== undefined).sort((a, b) => a.order! - b.order!);
  const lines = ['---', `year: ${year}`, ...(unit ? [`unit: ${unit}`] : []), ...(region ? [`region: ${region}`] : []), '---', '', `# ${name}${year}年法治政府建设年度报告`, ''];
  lines.push(`${year}年，${name}坚持以习近平新时代中国特色社会主义思想为指导，……（概述全年法治政府建设工作）`, '');
  top.forEach((s, i) => {
    const heading = (s.heading ?? s.name).replace(/^下一年度/, `${year + 1}年`);
    lines.push(`## ${formatChineseNumeral(i + 1)}、${heading}`, '');
    const children = sections.filter((c) => c.within === s.id);
    children.forEach((c, j) => {
      const childHeading = (c.heading ?? c.name).replace(/^上一年度/, `${year - 1}年度`);
      lines.push(`### （${formatChineseNumeral(j + 1)}）${childHeading}`, '', '（逐项写明上一年度报告所列问题的整改措施和成效）', '');
    });
    lines.push(children.length ? '（写明本年度存在的不足及原因）' : '（在此填写本部分内容，写明具体措施和数据，例如次数、件数、比例）', '');
  });
  lines.push(name, `${year + 1}年  月  日`, '');
  return lines.join('\n');
}
