/**
 * Path helpers for the pure engine (no node:path): paths are '/'-separated; Windows paths are
 * accepted and normalised ("C:\\a\\b" → "C:/a/b").
 */

export function toPosix(p: string): string {
  return p.replace(/\\/g, '/');
}

export function isAbsolute(p: string): boolean {
  const s = toPosix(p);
  return s.startsWith('/') || /^[A-Za-z]:\//.test(s);
}

export function normalize(p: string): string {
  const s = toPosix(p);
  const prefix = /^[A-Za-z]:\//.test(s) ? s.slice(0, 3) : s.startsWith('/') ? '/' : '';
  const out: string[] = [];
  for (const seg of s.slice(prefix.length).split('/')) {
    if (!seg || seg === '.') continue;
    if (seg === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!prefix) out.push('..');
    } else out.push(seg);
  }
  return prefix + out.join('/') || (prefix ? prefix : '.');
}

export function dirname(p: string): string {
  const s = normalize(p);
  const i = s.lastIndexOf('/');
  if (i < 0) return '.';
  if (i === 0) return '/';
  if (/^[A-Za-z]:\/$/.test(s.slice(0, i + 1)) && i === 2) return s.slice(0, 3);
  return s.slice(0, i);
}

export function join(...parts: string[]): string {
  return normalize(parts.filter(Boolean).join('/'));
}

export function resolve(base: string, p: string): string {
  return isAbsolute(p) ? normalize(p) : join(base, p);
}

/** Path of `to` relative to directory `from` (both absolute or both relative). */
export function relative(from: string, to: string): string {
  const a = normalize(from).split('/').filter(Boolean);
  const b = normalize(to).split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...new Array(a.length - i).fill('..'), ...b.slice(i)].join('/') || '.';
}
