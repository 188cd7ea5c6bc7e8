import { isAbsolute, relative, resolve } from 'node:path';

/**
 * A report's own front matter names last year's report (`previous:`). Anyone can write a report,
 * so its paths stay within the folders the user chose to check: the report's folder and below,
 * the config file's folder and below, the working directory or workspace folder. A config with
 * `allowExternalPrevious: true` lifts the limit.
 */
export function frontMatterPathRefusal(path: string, written: string, roots: ReadonlyArray<string | undefined>, allowed: boolean | undefined): string | undefined {
  if (allowed) return undefined;
  const target = resolve(path);
  if (roots.some((r) => r !== undefined && inside(target, resolve(r)))) return undefined;
  return `front matter 中 previous 指向的「${written}」（${target}）不在报告所在文件夹、配置文件所在文件夹或工作目录之内，已拒绝读取；如确需使用，请在配置文件中设置 allowExternalPrevious: true`;
}

function inside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
