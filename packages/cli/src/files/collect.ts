import picomatch from 'picomatch';
import { extname, join, relative, resolve, sep } from 'node:path';
import { CliError } from '../exit-codes.js';
import { describeFsError, type WorkspaceFs, REPORT_EXTENSIONS } from '@fzlint/workspace';
import { IgnoreStack } from './ignore-files.js';

export interface CollectedFile {
  path: string;
  /** Named on the command line (not found by walking a folder or matching a glob). */
  explicit: boolean;
}

export interface Collected {
  files: CollectedFile[];
  /** Non-fatal notes for stderr (symlink loops skipped). */
  warnings: string[];
  /** Folders that could not be read (exit code 2). */
  problems: string[];
  /** Files met walking a folder that are not reports, and why (listed in the summary). */
  skipped: SkippedFile[];
}

export interface SkippedFile {
  path: string;
  reason: string;
}

/** Why a file found in a folder is not read, by its extension. */
const NOT_REPORTS: Array<[RegExp, string]> = [
  [/\.(xlsx?|xlsm|et|csv)$/i, '表格文件，不支持'],
  [/\.(pptx?|dps)$/i, '演示文稿，不支持'],
  [/\.(odt|ods|odp|rtf)$/i, '不支持的文档格式，请另存为 .docx'],
  [/\.(mht|mhtml)$/i, '单一网页文件，请另存为 .html 或 .docx'],
  [/\.(ofd)$/i, 'OFD 版式文件，不支持，请使用 PDF 或 .docx'],
  [/\.(png|jpe?g|gif|bmp|tiff?|webp|svg)$/i, '图片'],
  [/\.(zip|rar|7z|gz|tar)$/i, '压缩包，请解压后检查'],
  [/\.(ya?ml|json|js|mjs|cjs|ts)$/i, '配置或程序文件'],
];

const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);

/**
 * Expands the command line: a file as given; a folder to its reports (REPORT_EXTENSIONS; other files are listed as skipped),
 * recursively, honouring .gitignore and .fzlintignore and skipping hidden entries; a glob
 * (quoted, e.g. "reports/**\/*.docx") to the files it matches. A missing path or a pattern that
 * matches nothing is a usage error. Symlinked folders are followed once; a loop is reported and skipped.
 */
export async function collectFiles(args: string[], cwd: string, fs: WorkspaceFs, ignorePatterns: readonly string[] = []): Promise<Collected> {
  const out: Collected = { files: [], warnings: [], problems: [], skipped: [] };
  const seen = new Set<string>();
  // `!pattern` arguments and --ignore-pattern exclude what the other arguments bring in.
  const excludes = [...args.filter((a) => a.startsWith('!')).map((a) => a.slice(1)), ...ignorePatterns].map(slashes);
  const excluded = excludes.length ? picomatch(excludes, { dot: true }) : undefined;
  const add = (path: string, explicit: boolean) => {
    if (seen.has(path) || excluded?.(relative(cwd, path).split(sep).join('/'))) return;
    seen.add(path);
    out.files.push({ path, explicit });
  };

  const includes = args.filter((a) => !a.startsWith('!')).map(slashes);
  if (!includes.length) throw new CliError('只给了排除的模式（以 ! 开头），请同时指定要检查的文件、目录或 glob');
  for (const arg of includes) {
    const scan = picomatch.scan(arg);
    if (scan.isGlob) {
      const base = resolve(cwd, scan.base || '.');
      const isMatch = picomatch(scan.glob, { dot: false });
      let matched = 0;
      await walkIfDirectory(fs, base, cwd, out, (file) => {
        if (isMatch(relative(base, file).split(sep).join('/'))) add(file, false), matched++;
      });
      if (!matched) throw new CliError(`没有文件与「${arg}」匹配`);
      continue;
    }
    const abs = resolve(cwd, arg);
    let stat;
    try {
      stat = await fs.stat(abs);
    } catch (e) {
      throw new CliError(`无法读取「${arg}」：${describeFsError(e)}`);
    }
    if (stat.isDirectory()) {
      let found = 0;
      const skippedBefore = out.skipped.length;
      await walkIfDirectory(fs, abs, cwd, out, (file) => {
        if (REPORT_EXTENSIONS.includes(extname(file).toLowerCase())) add(file, false), found++;
        else out.skipped.push({ path: file, reason: NOT_REPORTS.find(([re]) => re.test(file))?.[1] ?? '不是报告文件类型' });
      });
      if (!found && !out.problems.length) {
        const skipped = out.skipped.length - skippedBefore;
        throw new CliError(`目录「${arg}」中没有报告文件（${REPORT_EXTENSIONS.join(' ')}）${skipped ? `，跳过了 ${skipped} 个其他文件` : ''}`);
      }
    } else if (stat.isFile()) {
      add(abs, true);
    } else {
      // A device or pipe could block forever on reading.
      throw new CliError(`「${arg}」不是普通文件或目录（如需从管道读取，请用 --stdin）`);
    }
  }
  return out;
}

/**
 * Backslashes as path separators (reports\2024\*.docx, as Windows users type them): when a
 * backslash stands before anything but a glob character, every backslash is a separator; a
 * pattern whose backslashes all precede glob characters (\*) keeps them as escapes.
 */
function slashes(arg: string): string {
  return /\\(?![*?[\]{}()!+@])/.test(arg) ? arg.replace(/\\/g, '/') : arg;
}

async function walkIfDirectory(fs: WorkspaceFs, dir: string, cwd: string, out: Collected, visit: (file: string) => void): Promise<void> {
  let stat;
  try {
    stat = await fs.stat(dir);
  } catch (e) {
    throw new CliError(`无法读取「${relative(cwd, dir) || dir}」：${describeFsError(e)}`);
  }
  if (!stat.isDirectory()) {
    visit(dir);
    return;
  }
  const ignores = await IgnoreStack.forDirectory(fs, dir, cwd);
  await walk(fs, dir, ignores, new Set(), out, visit, cwd);
}

async function walk(fs: WorkspaceFs, dir: string, ignores: IgnoreStack, ancestors: Set<string>, out: Collected, visit: (file: string) => void, cwd: string): Promise<void> {
  let real: string;
  try {
    real = await fs.realpath(dir);
  } catch (e) {
    out.problems.push(`无法读取目录「${relative(cwd, dir) || dir}」：${describeFsError(e)}`);
    return;
  }
  if (ancestors.has(real)) {
    out.warnings.push(`跳过「${relative(cwd, dir) || dir}」：符号链接指向其上级目录（循环）`);
    return;
  }
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (e) {
    out.problems.push(`无法读取目录「${relative(cwd, dir) || dir}」：${describeFsError(e)}`);
    return;
  }
  const inner = new Set(ancestors).add(real);
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || SKIPPED_DIRS.has(entry.name)) continue;
    const path = join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const target = await fs.stat(path);
        isDir = target.isDirectory();
        isFile = target.isFile();
      } catch {
        continue; // a dangling link is not a report
      }
    }
    if (ignores.ignores(path, isDir)) continue;
    if (isDir) await walk(fs, path, await ignores.enter(fs, path), inner, out, visit, cwd);
    else if (isFile) visit(path);
  }
}
