import { dirname, resolve } from 'node:path';
import type { CliArgs } from '../args.js';
import { writeAnnotatedCopies } from '../batch/annotate.js';
import { addCopyFindings } from '../batch/copies.js';
import { CliError, EXIT_LINT_ERRORS, EXIT_OK, EXIT_USAGE } from '../exit-codes.js';
import { collectFiles, type CollectedFile, type SkippedFile } from '../files/collect.js';
import { FORMATS } from '../formats/index.js';
import { skippedText, type FormatContext } from '../formats/context.js';
import { describeFsError, realFs, Suppressions, SUPPRESSIONS_FILE, SuppressionsError, type WorkspaceFs, WriteError, writeFileAtomic } from '@fzlint/workspace';
import { ReportLinter, STDIN_PATH, type LintSettings } from '../lint-file.js';
import { version, type MainOptions } from '../options.js';
import { lintParallel, lintSequential, workerCount } from '../pool.js';
import { startProgress } from '../progress.js';
import { totals, type FileResult, type RuleInfo } from '../results.js';
import { regionOption } from '../region-option.js';

export async function runLint(args: CliArgs, options: MainOptions, env: Record<string, string | undefined>): Promise<number> {
  const { cwd, stdout, stderr } = options;
  const fs = options.fs ?? realFs;
  const settings: LintSettings = {
    cwd,
    configFile: args.config ? resolve(cwd, args.config) : undefined,
    edition: args.edition,
    region: regionOption(args.region),
    rules: args.rules,
    previous: args.previous ? resolve(cwd, args.previous) : undefined,
    fix: args.fix,
    timing: args.timing,
    ruleTimeout: args.ruleTimeout,
  };
  const linter = new ReportLinter(settings, fs);
  if (settings.configFile) await linter.configFor(settings.configFile); // a broken --config stops the run before any file is read

  let results: FileResult[];
  let exit = EXIT_OK;
  let skipped: SkippedFile[] = [];
  if (args.stdin) {
    const bytes = await readAll(options.stdin ?? process.stdin);
    const path = args.stdinFilename ? resolve(cwd, args.stdinFilename) : STDIN_PATH;
    results = [await linter.lintFile(path, { bytes, explicit: true })];
  } else {
    const collected = await collectFiles(args.positionals, cwd, fs, args.ignorePatterns);
    for (const w of collected.warnings) stderr.write(`fzlint：${w}\n`);
    for (const p of collected.problems) stderr.write(`fzlint：${p}\n`);
    if (collected.problems.length) exit = EXIT_USAGE;
    skipped = collected.skipped;
    if (settings.previous && collected.files.length > 1) throw new CliError(`--previous 只能在检查一个文件时使用（这次有 ${collected.files.length} 个文件）；多个文件请在配置文件的 previous 中逐一对应`);
    results = await lintAll(linter, settings, collected.files, options, env, args.concurrency);
  }

  for (const r of results) if (r.ignored && r.filePath !== STDIN_PATH) stderr.write(`fzlint：「${r.filePath}」被配置文件的 ignores/files 排除，未检查\n`);
  results = results.filter((r) => !r.ignored);

  const configErrors = results.filter((r) => r.error?.kind === 'config');
  if (configErrors.length) {
    stderr.write(configErrorText(configErrors));
    return EXIT_USAGE;
  }

  const rules = new Map<string, RuleInfo>();
  const docsUrl = await linter.docsUrlIn(cwd);
  const copyRule = addCopyFindings(results, docsUrl);
  if (copyRule) rules.set(copyRule.id, copyRule);
  for (const r of results) {
    for (const info of r.rules ?? []) if (!rules.has(info.id)) rules.set(info.id, info);
    delete r.rules;
    if (args.minLevel !== 'info') r.diagnostics = r.diagnostics.filter((d) => LEVEL_RANK[d.severity] >= LEVEL_RANK[args.minLevel]);
  }
  await applySuppressions(args, fs, cwd, results, stderr);

  // --fix-dry-run prints the changes, unless a format on standard output carries them (JSON's `output`).
  const formatOnStdout = args.formats.some((f) => !f.file && f.name !== 'stylish');
  if (!formatOnStdout) for (const r of results) if (r.fix?.diff) stdout.write(r.fix.diff);
  if (args.annotate) {
    const annotated = await writeAnnotatedCopies(results, args.annotate, cwd, fs, rules);
    for (const p of annotated.problems) stderr.write(`fzlint：${p}\n`);
    if (annotated.problems.length) exit = EXIT_USAGE;
    stderr.write(`fzlint：已在「${args.annotate}」写入 ${annotated.written} 份带批注的 Word 副本\n`);
  }
  const ctx: FormatContext = { cwd, color: useColor(args, options, env), version: version(), rules, skipped, docsUrl };
  for (const request of args.formats) {
    if (args.fix === 'dry-run' && !request.file && request.name === 'stylish') continue; // the diff is the output
    const output = await (await FORMATS[request.name]!())(results, { ...ctx, color: request.file ? false : ctx.color });
    // `-` is standard output, as for most tools (-o - or -f json:-); /dev/stdout too, which a
    // process whose output is a socket (a pipe from Node) cannot open by name.
    const stream = !request.file || request.file === '-' || STDOUT_NAMES.has(request.file) ? stdout : STDERR_NAMES.has(request.file) ? stderr : undefined;
    if (stream && typeof output !== 'string') throw new CliError(`${request.name} 格式须写入文件，不能写到终端或管道`);
    if (stream) stream.write(output as string);
    else await writeOutput(fs, resolve(cwd, request.file!), output);
  }

  const stylishOnStdout = args.formats.some((f) => f.name === 'stylish' && !f.file) && args.fix !== 'dry-run';
  if (skipped.length && !stylishOnStdout) stderr.write(skippedText(skipped, cwd).replace(/^/gm, 'fzlint：'));
  for (const r of results) {
    if (r.error?.stack && env.FZLINT_DEBUG) stderr.write(`fzlint: ${r.filePath}: ${r.error.stack}\n`);
    if (r.error && !stylishOnStdout) stderr.write(`fzlint：「${r.filePath}」无法检查：${r.error.message}\n`);
    if (r.fix?.skipped && args.fix !== 'none' && !stylishOnStdout) stderr.write(`fzlint：「${r.filePath}」：${r.fix.skipped}\n`);
  }
  if (args.timing) stderr.write(timingTable(results));
  const t = totals(results);
  if (args.fix === 'dry-run') {
    const files = results.filter((r) => r.fix?.diff).length;
    stderr.write(files ? `fzlint：--fix-dry-run：${files} 个文件可以修复（未写入）\n` : 'fzlint：--fix-dry-run：没有可以自动修复的内容\n');
  }

  if (t.failedFiles || exit === EXIT_USAGE) return EXIT_USAGE;
  if (t.errors) return EXIT_LINT_ERRORS;
  if (args.maxWarnings !== undefined && t.warnings > args.maxWarnings) {
    stderr.write(`fzlint：警告 ${t.warnings} 个，超过 --max-warnings ${args.maxWarnings}\n`);
    return EXIT_LINT_ERRORS;
  }
  return EXIT_OK;
}

/**
 * The baseline of accepted findings (ESLint's suppressions): --suppress records every current
 * finding, --prune-suppressions drops what no longer occurs; otherwise the file, if there is one,
 * hides up to its count of each rule's findings per file, and stale counts are pointed out.
 */
async function applySuppressions(args: CliArgs, fs: WorkspaceFs, cwd: string, results: FileResult[], stderr: MainOptions['stderr']): Promise<void> {
  const location = resolve(cwd, args.suppressionsLocation ?? SUPPRESSIONS_FILE);
  let suppressions: Suppressions;
  try {
    suppressions = await Suppressions.load(fs, location);
  } catch (e) {
    throw new CliError(e instanceof SuppressionsError ? e.message : String(e));
  }
  const checked = results.filter((r) => !r.error && r.filePath !== STDIN_PATH);
  if (args.suppress || args.pruneSuppressions) {
    if (args.suppress) suppressions.record(checked);
    else suppressions.prune(checked);
    try {
      await suppressions.save(fs);
    } catch (e) {
      throw new CliError(e instanceof WriteError ? e.message : `无法写入「${location}」：${describeFsError(e)}`);
    }
    const n = checked.reduce((sum, r) => sum + r.diagnostics.length, 0);
    stderr.write(args.suppress ? `fzlint：已把 ${n} 个问题记入 ${location}，以后只报告新出现的问题\n` : `fzlint：已按当前结果更新 ${location}\n`);
  }
  if (!suppressions.size) return;
  let stale = 0;
  for (const r of checked) {
    const { reported, suppressed, stale: s } = suppressions.apply(r.filePath, r.diagnostics);
    r.diagnostics = reported;
    if (suppressed.length) r.suppressed = suppressed;
    stale += s;
  }
  if (stale && !args.pruneSuppressions) stderr.write(`fzlint：${location} 中有 ${stale} 处抑制已不再需要（问题已改正）；运行 fzlint --prune-suppressions … 更新\n`);
}

const LEVEL_RANK: Readonly<Record<'info' | 'warning' | 'error', number>> = Object.freeze({ info: 0, warning: 1, error: 2 });

async function lintAll(linter: ReportLinter, settings: LintSettings, files: CollectedFile[], options: MainOptions, env: Record<string, string | undefined>, requested?: number): Promise<FileResult[]> {
  // An injected file system only exists in this thread.
  const threads = options.fs ? 0 : workerCount(files.length, requested);
  if (env.FZLINT_DEBUG) {
    const pool = process.execArgv.find((a) => a.startsWith('--v8-pool-size')) ?? 'Node default';
    options.stderr.write(`fzlint: ${files.length} files, ${threads} worker thread(s) + main thread, V8 pool ${pool}, process ${process.pid}\n`);
  }
  const progress = await startProgress(options.stderr, files.length, env);
  try {
    const onResult = () => progress?.tick();
    return threads >= 1 ? await lintParallel(linter, settings, files, { threads, onResult }) : await lintSequential(linter, files, { onResult });
  } finally {
    progress?.stop();
  }
}

function useColor(args: CliArgs, options: MainOptions, env: Record<string, string | undefined>): boolean {
  if (args.color === false || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) return false;
  if (args.color === true || (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0')) return true;
  return Boolean(options.stdout.isTTY);
}

/** Config problems once each (many files share a config), other messages (e.g. --previous) as they are. */
function configErrorText(results: FileResult[]): string {
  const problems = new Set<string>();
  const messages = new Set<string>();
  for (const r of results) {
    if (r.error!.problems?.length) for (const p of r.error!.problems) problems.add(`  ${p.file}:${p.line}:${p.column}  ${p.message}`);
    else messages.add(`fzlint：${r.error!.message}\n`);
  }
  const head = problems.size ? `fzlint：配置或规则文件有误：\n${[...problems].join('\n')}\n` : '';
  return head + [...messages].join('');
}

const STDOUT_NAMES = new Set(['/dev/stdout', '/dev/fd/1', '/proc/self/fd/1']);
const STDERR_NAMES = new Set(['/dev/stderr', '/dev/fd/2', '/proc/self/fd/2']);

/**
 * Report files (like ESLint's --output-file) get their folder created and are written atomically;
 * devices and pipes (/dev/null, /dev/stdout) are written in place.
 */
async function writeOutput(fs: WorkspaceFs, path: string, text: string | Uint8Array): Promise<void> {
  try {
    await fs.mkdir(dirname(path), { recursive: true });
    await writeFileAtomic(fs, path, text);
  } catch (e) {
    throw new CliError(e instanceof WriteError ? e.message : `无法写入「${path}」：${describeFsError(e)}`);
  }
}

async function readAll(stream: AsyncIterable<Uint8Array | string>): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** --timing: the rules that took longest over all files (ESLint's TIMING, in Chinese). */
function timingTable(results: FileResult[]): string {
  const sum = new Map<string, number>();
  for (const r of results) for (const [id, ms] of Object.entries(r.timing ?? {})) sum.set(id, (sum.get(id) ?? 0) + ms);
  const total = [...sum.values()].reduce((a, b) => a + b, 0) || 1;
  const top = [...sum].sort((a, b) => b[1] - a[1]).slice(0, 15);
  const width = Math.max(4, ...top.map(([id]) => id.length));
  const lines = top.map(([id, ms]) => `  ${id.padEnd(width)}  ${ms.toFixed(1).padStart(9)} ms  ${((100 * ms) / total).toFixed(1).padStart(5)}%`);
  return `规则耗时（${results.length} 个文件，前 ${top.length} 项）：\n${lines.join('\n')}\n`;
}
