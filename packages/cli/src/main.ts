// fzlint command line. Only this module and args.ts load at start-up: --version and --help touch
// nothing else, and the engine, inputs and formats are imported when a command needs them.
import { FORMAT_NAMES, HELP, parseCliArgs, SUBCOMMAND_HELP } from './args.js';
import { CliError, EXIT_OK, EXIT_USAGE, UsageError } from './exit-codes.js';
import { version, type MainOptions } from './options.js';

export { EXIT_LINT_ERRORS, EXIT_OK, EXIT_USAGE } from './exit-codes.js';

export type { MainOptions, OutputStream } from './options.js';
export { version } from './options.js';

/** Runs the CLI and returns the exit code; never throws, never prints a stack trace (unless FZLINT_DEBUG is set). */
export async function main(options: MainOptions): Promise<number> {
  const env = options.env ?? process.env;
  try {
    const args = parseCliArgs(options.argv, FORMAT_NAMES);
    switch (args.command) {
      case 'help':
        options.stdout.write(`${args.helpFor ? SUBCOMMAND_HELP[args.helpFor] : HELP}\n`);
        return EXIT_OK;
      case 'version':
        options.stdout.write(`${version()}\n`);
        return EXIT_OK;
      case 'init':
        return await (await import('./commands/init.js')).runInit(args, options);
      case 'explain':
        return await (await import('./commands/explain.js')).runExplain(args, options);
      case 'rules':
        return await (await import('./commands/rules.js')).runRules(args, options);
      case 'serve':
        return await (await import('./commands/serve.js')).runServe(args, options);
      case 'print-config':
        return await (await import('./commands/print-config.js')).runPrintConfig(args, options);
      default:
        return await (await import('./commands/lint.js')).runLint(args, options, env);
    }
  } catch (e) {
    if (e instanceof CliError) {
      options.stderr.write(`fzlint：${e.message}\n`);
      if (e instanceof UsageError) options.stderr.write('运行 fzlint --help 查看用法。\n');
      return EXIT_USAGE;
    }
    const { ConfigError } = await import('@fzlint/core');
    if (e instanceof ConfigError) {
      options.stderr.write(`fzlint：配置或规则文件有误：\n${e.problems.map((p) => `  ${p.file}:${p.line}:${p.column}  ${p.message}`).join('\n')}\n`);
      return EXIT_USAGE;
    }
    options.stderr.write(`fzlint：内部错误：${(e as Error)?.message ?? String(e)}\n这是 fzlint 的缺陷，请附上命令和报告文件反馈。\n`);
    if (env.FZLINT_DEBUG) options.stderr.write(`${(e as Error)?.stack ?? ''}\n`);
    return EXIT_USAGE;
  }
}
