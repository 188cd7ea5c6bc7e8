import type { CliArgs } from '../args.js';
import { EXIT_OK } from '../exit-codes.js';
import type { MainOptions } from '../options.js';
import { ruleInfo } from '../rule-info.js';
import { subcommandLinter } from './shared.js';

/** `fzlint rules`: every active rule of the config that applies here, with severity and pack (`--format json` for tools). */
export async function runRules(args: CliArgs, options: MainOptions): Promise<number> {
  const linter = subcommandLinter(args, options);
  const config = await linter.configFor(`${options.cwd}/report.md`);
  const docsUrl = linter.docsUrl(config);
  const rules = config
    .ruleDefinitions(undefined, args.rules)
    .filter((d) => d.severity !== 'off')
    .map((d) => ruleInfo(d, docsUrl));
  if (args.formats.some((f) => f.name === 'json')) {
    options.stdout.write(`${JSON.stringify(rules, null, 2)}\n`);
    return EXIT_OK;
  }
  const source = config.data.file ? `配置文件 ${config.data.file}` : '默认配置 fzlint:recommended';
  const rows = [['规则', '级别', '规则包', '说明'], ...rules.map((r) => [r.id, r.severity, `${r.pack ?? ''}${r.edition ? ` [${r.edition}]` : ''}`, r.description ?? ''])];
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => displayWidth(row[i]!))));
  const lines = [`${source}：${rules.length} 条规则`, ''];
  for (const row of rows) lines.push(row.map((cell, i) => (i < 3 ? cell + ' '.repeat(widths[i]! - displayWidth(cell)) : cell)).join('  ').trimEnd());
  options.stdout.write(`${lines.join('\n')}\n`);
  return EXIT_OK;
}

/** Terminal columns: CJK characters take two. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}
