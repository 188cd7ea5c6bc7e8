import { KIND_BY_NAME } from '@fzlint/core';
import type { CliArgs } from '../args.js';
import { EXIT_OK, UsageError } from '../exit-codes.js';
import type { MainOptions } from '../options.js';
import type { RuleInfo } from '../results.js';
import { engineRuleInfo, ruleInfo } from '../rule-info.js';
import { subcommandLinter } from './shared.js';

/** `fzlint explain RULE_ID`: what the rule checks, why (its guideline source), and how to configure it. */
export async function runExplain(args: CliArgs, options: MainOptions): Promise<number> {
  const id = args.positionals[0];
  if (!id || args.positionals.length > 1) throw new UsageError('用法：fzlint explain <规则 id>，例如 fzlint explain gd2024/title');
  const linter = subcommandLinter(args, options);
  const config = await linter.configFor(`${options.cwd}/report.md`);
  const defs = config.ruleDefinitions();
  const def = defs.find((d) => d.id === id);
  const docsUrl = linter.docsUrl(config);
  const info: RuleInfo | undefined = def ? ruleInfo(def, docsUrl) : engineRuleInfo(id, docsUrl);
  if (!info) {
    const near = defs.map((d) => d.id).filter((d) => d.includes(id) || id.includes(d.split('/').pop()!));
    throw new UsageError(`没有规则「${id}」${near.length ? `。是不是：${near.slice(0, 5).join('、')}` : ''}（fzlint rules 列出全部规则）`);
  }
  const kind = info.kind ? KIND_BY_NAME.get(info.kind) : undefined;
  const lines = [info.description ? `${info.id} — ${info.description}` : info.id, ''];
  // A rule of the user's own config may have no description: say so instead of leaving a blank.
  if (!info.description && !info.doc) lines.push('  （这条规则在配置文件中没有写 description 和 doc，下面只列出它的类型和选项）', '');
  lines.push(`  严重程度：${SEVERITY[info.severity] ?? info.severity}`);
  if (info.pack) lines.push(`  规则包：${info.pack}${info.edition ? `（模板版本 ${info.edition}）` : ''}`);
  if (kind) lines.push(`  规则类型：${kind.name} — ${kind.summary}`);
  if (kind?.fixable) lines.push(`  自动修复：${kind.fixable === 'fix' ? '可以用 --fix 自动修复' : '只在编辑器中给出修改建议'}`);
  if (info.source) lines.push(`  依据：${info.source}`);
  if (info.url) lines.push(`  说明文档：${info.url}`);
  if (info.doc) lines.push('', ...wrap(info.doc).map((l) => `  ${l}`));
  const options_ = def ? Object.entries(def.options) : [];
  if (options_.length) {
    lines.push('', '  选项：');
    for (const [k, v] of options_) lines.push(`    ${k}: ${JSON.stringify(v)}`);
  }
  lines.push('', `  在 .fzlint.yaml 中调整：rules: { ${info.id}: off }，或命令行 --rule ${info.id}:warning`);
  options.stdout.write(`${lines.join('\n')}\n`);
  return EXIT_OK;
}

const SEVERITY: Record<string, string> = { error: 'error（错误）', warning: 'warning（警告）', info: 'info（提示）', off: 'off（关闭）' };

function wrap(text: string): string[] {
  return text.split(/\n+/).map((l) => l.trim()).filter(Boolean);
}
