import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ROOT } from '../helpers.js';

export interface ListedComment {
  id: number;
  author: string;
  paragraphs: string[];
  anchored: string;
  ranges: number;
  references: number;
}

/** The comments of a .docx with their anchored text, read by the independent Python reader. */
export function listComments(file: string): ListedComment[] {
  const r = spawnSync('python3', [join(ROOT, 'test/annotate/list-comments.py'), file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`list-comments.py failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as ListedComment[];
}

export function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

const squash = (s: string) => s.replace(/\s+/g, '');
/** What Word shows as automatic numbers (一、 （二）) is not text in the file. */
const NUMBERS = /[一二三四五六七八九十、（）()]/g;

/**
 * The comment is on the finding's text: the anchored text is the finding's text (a zero-width
 * finding: its whole line), less only what Word shows without storing it as text (automatic
 * numbers such as 一、 and （二）).
 */
export function expectAnchoredOn(anchored: string, source: string, start: number, end: number): void {
  let expected = source.slice(start, end);
  if (end <= start || !expected.trim()) {
    const lineStart = source.lastIndexOf('\n', start - 1) + 1;
    const lineEnd = source.indexOf('\n', start);
    expected = source.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
  }
  const a = squash(anchored);
  const e = squash(expected);
  expect(a.length, `comment anchored on nothing, expected 「${expected}」`).toBeGreaterThan(0);
  if (a === e) return;
  expect(a.replace(NUMBERS, ''), `anchored 「${anchored}」, expected 「${expected}」`).toBe(e.replace(NUMBERS, ''));
}
