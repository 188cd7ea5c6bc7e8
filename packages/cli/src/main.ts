import { parseArgs } from 'node:util';

import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { ConfigError, createEngine } from '@fzlint/core';
import { nodeEnvironment } from './node-env.js';
import { collectFiles, lintFiles } from './lint-files.js';
import { formatJson } from './formats/json.js';
import { formatStylish } from './formats/stylish.js';

export interface MainOptions {
  argv: string[];
  cwd: string;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  env?: Record<string, string | undefined>;
}

export const EXIT_OK = 0;
export const EXIT_LINT_ERRORS = 1;
export const EXIT_USAGE = 2;

const HELP = `用法：fzlint [选项] <文件或目录…>

检查法治政府建设年度报告（.md / .txt）。

选项：
  -c, --config FILE     使用指定的配置文件（默认从每个文件所在目录向上查找 .fzlint.yaml）
  -f, --format NAME     输出格式：stylish（默认）、json
      --edition ID      模板版本：auto（按报告年度，默认）、guangdong-2024、national-2019
      --no-color        不使用颜色（也可设置环境变量 NO_COLOR）
  -v, --version         显示版本
  -h, --help            显示帮助

退出码：0 没有错误；1 有错误；2 用法、配置或读取文件出错。`;

export async function main(options: MainOptions): Promise<number> {
  const { stdout, stderr, cwd } = options;
  const env = options.env ?? process.env;
  let args;
  try {
    args = parseArgs({
      args: options.argv,
      allowPositionals: true,
      options: {
        config: { type: 'string', short: 'c' },
        format: { type: 'string', short: 'f', default: 'stylish' },
        edition: { type: 'string' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        version: { type: 'boolean', short: 'v' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    stderr.write(`fzlint：${(e as Error).message}\n\n${HELP}\n`);
    return EXIT_USAGE;
  }
  const { values, positionals } = args;
  if (values.help) {
    stdout.write(`${HELP}\n`);
    return EXIT_OK;
  }
  if (values.version) {
    const require = createRequire(import.meta.url);
    stdout.write(`${(require('../package.json') as { version: string }).version}\n`);
    return EXIT_OK;
  }
  if (!positionals.length) {
    stderr.write(`fzlint：请指定要检查的文件或目录\n\n${HELP}\n`);
    return EXIT_USAGE;
  }
  if (values.format !== 'stylish' && values.format !== 'json') {
    stderr.write(`fzlint：未知的输出格式「${values.format}」，可用：stylish、json\n`);
    return EXIT_USAGE;
  }
  const engine = createEngine(nodeEnvironment());
  try {
    const config = values.config ? await engine.loadConfig({ file: resolve(cwd, values.config), cwd }) : undefined;
    let files: string[];
    try {
      files = await collectFiles(positionals, cwd);
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      stderr.write(`fzlint：无法读取「${err.path ?? positionals.join(' ')}」：${err.code === 'ENOENT' ? '文件或目录不存在' : err.message}\n`);
      return EXIT_USAGE;
    }
    const results = await lintFiles(files, { engine, config, edition: values.edition, cwd });
    const color = !values['no-color'] && !env.NO_COLOR && (values.color === true || Boolean(stdout.isTTY));
    stdout.write(values.format === 'json' ? `${formatJson(results)}\n` : formatStylish(results, { color }));
    return results.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? EXIT_LINT_ERRORS : EXIT_OK;
  } catch (e) {
    if (e instanceof ConfigError) {
      stderr.write(`fzlint：配置或规则文件有误：\n${e.problems.map((p) => `  ${p.file}:${p.line}:${p.column}  ${p.message}`).join('\n')}\n`);
      return EXIT_USAGE;
    }
    const err = e as NodeJS.ErrnoException;
    if (err?.code) {
      stderr.write(`fzlint：读取文件出错：${err.path ?? ''} ${err.message}\n`);
      return EXIT_USAGE;
    }
    stderr.write(`fzlint：内部错误：${(e as Error)?.message ?? String(e)}\n`);
    return EXIT_USAGE;
  }
}

