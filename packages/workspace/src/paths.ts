import { isAbsolute, relative, resolve } from 'node:path';

/**
 * One spelling per file for map keys: absolute, '/'-separated (the engine normalises paths the
 * same way, so config problem files and previous-report paths compare equal to document paths).
 */
export function pathKey(path: string): string {
  const abs = resolve(path).replace(/\\/g, '/');
  return process.platform === 'win32' ? abs.replace(/^[A-Z]:/, (d) => d.toLowerCase()) : abs;
}

/** Whether `path` is `dir` or lies below it. */
export function isWithin(path: string, dir: string): boolean {
  const rel = relative(resolve(dir), resolve(path));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
