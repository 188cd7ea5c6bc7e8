import { join } from 'node:path';
import type { CliArgs } from '../args.js';
import { CliError, EXIT_OK } from '../exit-codes.js';
import { regionOfUnit } from '@fzlint/core';
import { configTemplate, describeFsError, realFs, reportSkeleton, templateParts } from '@fzlint/workspace';
import type { MainOptions } from '../options.js';
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
  if (existing.length && !args.force) throw new CliError(`不覆盖已有文件：${existing.join('、')}（请先移走或改名，或加 --force 覆盖）`);

  const linter = subcommandLinter({ ...args, config: undefined }, options);
  const config = await linter.configFor(reportPath);
  const region = regionOption(args.region) ?? config.regionFor(reportPath) ?? (unit && regionOfUnit(unit)) ?? undefined;
  const template = templateParts(config, year, args.edition ?? 'auto', region || undefined);

  const writes: Array<[string, string]> = [
    [configPath, configTemplate(template.editionId, region || undefined, linter.docsUrl(config))],
    [reportPath, reportSkeleton({ year, unit, region: region || undefined }, template, 'markdown')],
  ];
  const written: string[] = [];
  for (const [path, text] of writes) {
    try {
      await fs.writeFile(path, text, { flag: args.force ? 'w' : 'wx' });
      written.push(path);
    } catch (e) {
      throw new CliError(`无法写入「${path}」：${describeFsError(e)}${written.length ? `（已写入：${written.join('、')}）` : ''}`);
    }
  }
  const hint = template.regionNeeded ? `未指定地区：${template.regionNeeded.regions.join('、')}的报告请用 --region 重新生成（将按「${template.regionNeeded.name}」）。\n` : '';
  options.stdout.write(
    `已创建：\n  ${configPath}\n  ${reportPath}\n按「${template.editionName ?? '默认模板'}」生成了 ${template.parts.length} 个部分的提纲（${template.because}）。\n${hint}` +
      `填写后运行 fzlint "${reportPath.slice(options.cwd.length + 1)}" 检查。\n`,
  );
  return EXIT_OK;
}
