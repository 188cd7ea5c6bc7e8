import type { CliArgs } from '../args.js';
import { EXIT_OK } from '../exit-codes.js';
import type { MainOptions } from '../main.js';
import { ruleInfo } from '../rule-info.js';
import { subcommandLinter } from './shared.js';

/** `fzlint rules`: every active rule of the config that applies here, with severity and pack (`--format json` for tools). */
export async function runRules(args: CliArgs, options: MainOptions): Promise<number> {
  const linter = subcommandLinter(args, options);
  const config = await linter.configFor(`${options.cwd}/report.md`);
  const rules = config
    .ruleDefinitions(undefined, args.rules)
    .filter((d) => d.severity !== 'off')
    .map(ruleInfo);
  if (args.formats.some((f) => f.name === 'json')) {
    options.stdout.write(`${JSON.stringify(rules, null, 2)}\n`);
    return EXIT_OK;
  }
  const source = config.data.file ? `配置文件 ${config.data.file}` : '默认配置 fzlint:recommended';
  const lines = [`${source}：${rules.length} 条规则`, ''];
  const idWidth = Math.max(...rules.map((r) => r.id.length), 4);
  lines.push(`${'规则'.padEnd(idWidth - 2)}  ${'级别'.padEnd(7)}  ${'规则包'.padEnd(22)}  说明`);
  for (const r of rules) {
    const pack = `${r.pack ?? ''}${r.edition ? ` [${r.edition}]` : ''}`;
    lines.push(`${r.id.padEnd(idWidth)}  ${r.severity.padEnd(9)}  ${pack.padEnd(25)}  ${r.description ?? ''}`);
  }
  options.stdout.write(`${lines.join('\n')}\n`);
  return EXIT_OK;
}
