import { parseArgs } from 'node:util';
import { UsageError } from './exit-codes.js';

export const HELP = `用法：fzlint [选项] <文件、目录或 glob…>
      fzlint init [--year 年度] [--unit 单位名称] [--region 地区] [--force]
      fzlint explain <规则 id>
      fzlint rules
      fzlint serve [--port 端口]  在浏览器中使用网页版（不联网）
      fzlint <子命令> --help      子命令的用法

检查法治政府建设年度报告（.md .txt .docx .html）。目录按 .gitignore 和 .fzlintignore 展开；
文本文件自动识别 UTF-8、UTF-16（带 BOM）和 GB18030/GBK 编码。

检查选项：
  -c, --config FILE          使用指定的配置文件（默认从每个报告所在目录向上查找 .fzlint.yaml）
      --edition ID           模板版本：auto（按报告年度和地区，默认）、guangdong-2024、national-2019
      --region 地区          报告所属的省级地区，如 广东（默认从单位、标题、落款识别，或用配置中的 region）
      --rule ID:级别         调整规则严重程度，级别为 error、warning、info 或 off（可重复）
      --previous FILE        上一年度报告，用于跨年度检查（只检查一个文件时使用）
      --ignore-pattern GLOB  不检查与之匹配的文件（可重复；相对于当前目录），也可以写成参数 "!GLOB"
      --stdin                从标准输入读取报告
      --stdin-filename NAME  标准输入的文件名（决定格式和配置查找位置）
      --concurrency N|auto   并行检查的线程数（默认 auto：按 CPU 核数；off 表示不并行）
      --timing               在标准错误输出中列出耗时最多的规则（排查自定义规则为何慢）
      --rule-timeout MS      每条规则检查一份报告的时限（毫秒，默认 10000；0 表示不限）；
                             超时的规则被停止并报告 fzlint/rule-timeout，其余规则和文件照常检查

输出选项：
  -f, --format NAME[:FILE]   输出格式：stylish（默认）、json、sarif、github、junit、html、unix、csv、xlsx；
                             可重复，带 :FILE 时写入文件，例如 -f stylish -f html:报告.html
  -o, --output-file FILE     把（唯一一个未指定文件的）格式写入文件
  -q, --quiet                只报告错误（同 --min-level error）
      --min-level 级别        只报告不低于该级别的问题：info（默认，全部）、warning、error
      --max-warnings N       警告超过 N 个时退出码为 1
      --no-color             不使用颜色（也可设置环境变量 NO_COLOR）
      --print-config FILE    显示该文件使用的配置（JSON），不检查

抑制（适合没有注释语法的 .txt、.docx，或接手已有问题的一批报告）：
      --suppress             把当前所有问题记入 fzlint-suppressions.json，以后只报告新出现的问题
      --prune-suppressions   从抑制文件中删去已经改正的问题
      --suppressions-location FILE  抑制文件的位置（默认当前目录的 fzlint-suppressions.json）
批量审阅：
      --annotate DIR         为每份报告在 DIR 中写一份带批注的 Word 副本（原文件不改动）：
                             .docx 保留原格式加批注，其他格式按检查的文字生成 .docx
  -f csv:FILE / xlsx:FILE    汇总表：每份报告一行（单位、年度、各部分、数据项的值、问题数、抄袭段落）

修复：
      --fix                  自动修复并写回文件（保持原编码、BOM 和换行符；.docx/.html 不修改）
      --fix-dry-run          只显示将要修改的词（[-删-]{+增+}），不写文件

其他：
  -v, --version              显示版本
  -h, --help                 显示帮助

退出码：0 没有错误（且警告不超过 --max-warnings）；1 有错误；2 用法、配置、规则文件或读写出错。`;

/** Subcommands with their own --help. */
export type Subcommand = 'init' | 'explain' | 'rules' | 'serve';
const SUBCOMMANDS: readonly string[] = ['init', 'explain', 'rules', 'serve'];

/** The port `fzlint serve` listens on unless --port says otherwise. */
export const DEFAULT_SERVE_PORT = 4870;

/** `fzlint SUBCOMMAND --help`. */
export const SUBCOMMAND_HELP: Readonly<Record<Subcommand, string>> = Object.freeze({
  init: `用法：fzlint init [--year 年度] [--unit 单位名称] [--edition ID] [--force]

在当前目录生成 .fzlint.yaml 和一份报告提纲（Markdown），提纲按该年度的模板版本列出各部分。

选项：
  --year 年度        报告年度（默认上一年）
  --unit 单位名称    写入标题、front matter 和落款
  --edition ID       固定模板版本（默认按年度自动选择）
  --force            覆盖已有的 .fzlint.yaml 和提纲文件（默认不覆盖）`,
  explain: `用法：fzlint explain <规则 id>

说明一条规则：检查什么、依据（文件和条款）、严重程度、能否自动修复、选项，以及如何在配置中调整。
规则 id 见 fzlint rules；也可以是 fzlint 自身的发现（如 fzlint/year-unknown）。

选项：
  -c, --config FILE  按该配置文件说明（默认从当前目录向上查找 .fzlint.yaml）`,
  rules: `用法：fzlint rules [-c FILE] [--edition ID]

列出当前配置中生效的全部规则：id、严重程度、规则包和一句说明。

选项：
  -c, --config FILE  列出该配置文件中的规则（默认从当前目录向上查找 .fzlint.yaml）
  --edition ID       只列出该模板版本适用的规则`,
  serve: `用法：fzlint serve [--port 端口]

在本机启动网页版（只监听 127.0.0.1），并显示网址：在浏览器中粘贴报告或打开 .txt、.md、.docx 文件，
即可看到文中标出的问题和结构清单，应用修复后复制全文。检查全部在浏览器页面内完成，报告不会上传；
页面不从网络加载任何内容。按 Ctrl+C 停止。

也可以不启动服务，直接用浏览器打开随 fzlint 安装的网页文件（路径见启动时的提示）。

选项：
  --port 端口        监听的端口（默认 ${DEFAULT_SERVE_PORT}；0 表示自动选择空闲端口）`,
});

export interface FormatRequest {
  name: string;
  file?: string;
}

export interface CliArgs {
  command: 'lint' | Subcommand | 'print-config' | 'help' | 'version';
  /** With `help`: the subcommand asked about (fzlint rules --help). */
  helpFor?: Subcommand;
  /** serve --port. */
  port?: number;
  /** init --force: overwrite existing files. */
  force: boolean;
  positionals: string[];
  config?: string;
  edition?: string;
  /** --region as written (checked against the region names where the engine is loaded). */
  region?: string;
  rules?: Record<string, string>;
  previous?: string;
  stdin: boolean;
  stdinFilename?: string;
  concurrency?: number;
  formats: FormatRequest[];
  quiet: boolean;
  /** --suppress: record every current finding in the suppressions file. */
  suppress: boolean;
  /** --prune-suppressions: drop suppressions that no finding uses any more. */
  pruneSuppressions: boolean;
  /** --suppressions-location FILE (default fzlint-suppressions.json in the working directory). */
  suppressionsLocation?: string;
  /** --ignore-pattern (repeatable): globs of files not to check, relative to the working directory. */
  ignorePatterns: string[];
  /** --min-level (and -q = error): findings below it are left out. */
  minLevel: 'info' | 'warning' | 'error';
  maxWarnings?: number;
  color?: boolean;
  printConfig?: string;
  fix: 'none' | 'write' | 'dry-run';
  year?: number;
  unit?: string;
  timing: boolean;
  /** --rule-timeout in ms; 0 = no limit. */
  ruleTimeout: number;
  /** --annotate: folder for the Word copies with comments. */
  annotate?: string;
}

/** A rule that runs longer on one report than this (ms) is stopped; a normal report takes a few ms per rule. */
export const DEFAULT_RULE_TIMEOUT_MS = 10_000;

const SEVERITIES = ['error', 'warning', 'info', 'off'];

/** --format names (each is loaded on demand from formats/). */
export const FORMAT_NAMES = ['stylish', 'json', 'sarif', 'github', 'junit', 'html', 'unix', 'csv', 'xlsx'];

/** Formats that are files, not text: never written to a terminal or a pipe. */
const BINARY_FORMATS = new Set(['xlsx']);

/** Parses and validates the command line; problems are CliErrors (exit code 2). */
export function parseCliArgs(argv: string[], formatNames: readonly string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        config: { type: 'string', short: 'c' },
        format: { type: 'string', short: 'f', multiple: true },
        'output-file': { type: 'string', short: 'o' },
        edition: { type: 'string' },
        region: { type: 'string' },
        rule: { type: 'string', multiple: true },
        quiet: { type: 'boolean', short: 'q' },
        'min-level': { type: 'string' },
        'ignore-pattern': { type: 'string', multiple: true },
        suppress: { type: 'boolean' },
        'prune-suppressions': { type: 'boolean' },
        'suppressions-location': { type: 'string' },
        'max-warnings': { type: 'string' },
        stdin: { type: 'boolean' },
        'stdin-filename': { type: 'string' },
        previous: { type: 'string' },
        fix: { type: 'boolean' },
        'fix-dry-run': { type: 'boolean' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        'print-config': { type: 'string' },
        concurrency: { type: 'string' },
        timing: { type: 'boolean' },
        'rule-timeout': { type: 'string' },
        year: { type: 'string' },
        unit: { type: 'string' },
        force: { type: 'boolean' },
        annotate: { type: 'string' },
        port: { type: 'string' },
        version: { type: 'boolean', short: 'v' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new UsageError(translateParseError((e as Error).message));
  }
  const v = parsed.values;
  let positionals = parsed.positionals;
  let command: CliArgs['command'] = 'lint';
  const sub = SUBCOMMANDS.includes(positionals[0] ?? '') ? (positionals[0] as Subcommand) : undefined;
  if (v.help) command = 'help';
  else if (v.version) command = 'version';
  else if (v['print-config'] !== undefined) command = 'print-config';
  else if (sub) {
    command = sub;
    positionals = positionals.slice(1);
  }

  const args: CliArgs = {
    command,
    ...(command === 'help' && sub ? { helpFor: sub } : {}),
    force: Boolean(v.force),
    positionals,
    config: v.config,
    edition: v.edition,
    previous: v.previous,
    stdin: Boolean(v.stdin),
    stdinFilename: v['stdin-filename'],
    formats: parseFormats(v.format ?? [], v['output-file'], formatNames),
    quiet: Boolean(v.quiet),
    minLevel: parseMinLevel(v['min-level'], Boolean(v.quiet)),
    ignorePatterns: v['ignore-pattern'] ?? [],
    suppress: Boolean(v.suppress),
    pruneSuppressions: Boolean(v['prune-suppressions']),
    suppressionsLocation: v['suppressions-location'],
    color: v['no-color'] ? false : v.color,
    printConfig: v['print-config'],
    fix: v.fix ? 'write' : v['fix-dry-run'] ? 'dry-run' : 'none',
    unit: v.unit,
    timing: Boolean(v.timing),
    ruleTimeout: v['rule-timeout'] !== undefined ? nonNegativeInt(v['rule-timeout'], '--rule-timeout') : DEFAULT_RULE_TIMEOUT_MS,
  };
  if (v.annotate !== undefined) {
    if (!v.annotate) throw new UsageError('--annotate：缺少输出目录');
    args.annotate = v.annotate;
  }
  if (v.port !== undefined) {
    if (command !== 'serve') throw new UsageError('--port 只能用于 fzlint serve');
    const port = nonNegativeInt(v.port, '--port');
    if (port > 65535) throw new UsageError(`--port：「${v.port}」不是有效的端口（0–65535）`);
    args.port = port;
  }
  if (command === 'serve' && positionals.length) throw new UsageError(`fzlint serve 不接受文件参数（${positionals[0]}）：请在网页中打开文件`);
  if (v.fix && v['fix-dry-run']) throw new UsageError('--fix 和 --fix-dry-run 不能同时使用');
  if (v.region !== undefined) args.region = v.region;
  if (v.rule?.length) args.rules = parseRules(v.rule);
  if (v['max-warnings'] !== undefined) args.maxWarnings = nonNegativeInt(v['max-warnings'], '--max-warnings');
  if (v.concurrency !== undefined) args.concurrency = parseConcurrency(v.concurrency);
  if (v.year !== undefined) {
    const year = nonNegativeInt(v.year, '--year');
    if (year < 1990 || year > 2100) throw new UsageError(`--year：「${v.year}」不是有效的年度`);
    args.year = year;
  }
  if (args.suppress && args.pruneSuppressions) throw new UsageError('--suppress 和 --prune-suppressions 不能同时使用');
  if (args.force && command !== 'init') throw new UsageError('--force 只能用于 fzlint init');
  if (command === 'lint') {
    if (args.stdin && positionals.length) throw new UsageError('--stdin 不能与文件或目录同时使用');
    if (!args.stdin && args.stdinFilename) throw new UsageError('--stdin-filename 只能与 --stdin 一起使用');
    if (args.stdin && args.annotate) throw new UsageError('--annotate 不能用于标准输入：副本要写在原文件旁边的目录结构中，请指定文件或目录');
    if (args.stdin && args.fix === 'write') throw new UsageError('--fix 不能用于标准输入，请改用 --fix-dry-run');
    if (!args.stdin && !positionals.length) throw new UsageError('请指定要检查的文件或目录（例如 fzlint 报告/）');
  }
  return args;
}

function parseFormats(values: string[], outputFile: string | undefined, names: readonly string[]): FormatRequest[] {
  const list: FormatRequest[] = (values.length ? values : ['stylish']).map((value) => {
    const i = value.indexOf(':');
    const name = i < 0 ? value : value.slice(0, i);
    const file = i < 0 ? undefined : value.slice(i + 1);
    if (!names.includes(name)) throw new UsageError(`未知的输出格式「${name}」，可用：${names.join('、')}`);
    if (file === '') throw new UsageError(`--format ${value}：冒号后缺少文件名`);
    return { name, file };
  });
  for (const f of list) if (BINARY_FORMATS.has(f.name) && (!f.file || f.file === '-')) throw new UsageError(`${f.name} 格式须写入文件，例如 -f ${f.name}:汇总表.${f.name}`);
  const unnamed = list.filter((f) => !f.file);
  if (outputFile !== undefined) {
    if (unnamed.length !== 1) throw new UsageError('--output-file 只能用于一个未指定文件的输出格式');
    unnamed[0]!.file = outputFile;
  }
  // `-` names standard output.
  const toStdout = list.filter((f) => !f.file || f.file === '-');
  if (toStdout.length > 1) {
    throw new UsageError(`只能有一个输出格式写到标准输出，其余请用 NAME:FILE 指定文件（${toStdout.map((f) => f.name).join('、')}）`);
  }
  return list;
}

function parseRules(values: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const value of values) {
    const i = value.lastIndexOf(':');
    const id = i < 0 ? '' : value.slice(0, i).trim();
    const severity = i < 0 ? '' : value.slice(i + 1).trim();
    if (!id || !SEVERITIES.includes(severity)) throw new UsageError(`--rule「${value}」格式不对：应为 规则id:级别，级别为 ${SEVERITIES.join('、')}`);
    out[id] = severity;
  }
  return out;
}

const LEVELS = ['info', 'warning', 'error'] as const;

function parseMinLevel(value: string | undefined, quiet: boolean): CliArgs['minLevel'] {
  if (value === undefined) return quiet ? 'error' : 'info';
  if (!(LEVELS as readonly string[]).includes(value)) throw new UsageError(`--min-level：「${value}」不是有效的级别，可用：${LEVELS.join('、')}`);
  if (quiet && value !== 'error') throw new UsageError('-q 与 --min-level 只能用一个');
  return value as CliArgs['minLevel'];
}

function nonNegativeInt(value: string, flag: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag}：「${value}」不是非负整数`);
  return Number(value);
}

function parseConcurrency(value: string): number | undefined {
  if (value === 'auto') return undefined;
  if (value === 'off') return 0;
  const n = nonNegativeInt(value, '--concurrency');
  return n <= 1 ? 0 : n;
}

function translateParseError(message: string): string {
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return `未知选项 ${unknown[1]}`;
  const missing = /Option '([^']+)' argument missing/.exec(message);
  if (missing) return `选项 ${missing[1]!.split(',').pop()!.trim().replace(/ <value>$/, '')} 缺少参数`;
  return message;
}

