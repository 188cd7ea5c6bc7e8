import type { TextRegion } from '@fzlint/core';

/**
 * The regions of a .docx (headers, footnotes …) after an edit of the text: an edit before them
 * moves them; an edit inside or across them drops them all (the text no longer says where a
 * region begins, so it is checked as body text).
 */
export function regionsAfterEdit(regions: readonly TextRegion[], before: string, after: string): TextRegion[] {
  if (!regions.length || before === after) return [...regions];
  let prefix = 0;
  const limit = Math.min(before.length, after.length);
  while (prefix < limit && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < limit - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  const changedEnd = before.length - suffix;
  const firstStart = Math.min(...regions.map((r) => r.start));
  if (changedEnd > firstStart) return [];
  const delta = after.length - before.length;
  return regions.map((r) => ({ ...r, start: r.start + delta, end: r.end + delta }));
}
