import { relative } from 'node:path';
import picomatch from 'picomatch';
import type { ResolvedConfig } from '@fzlint/core';

type Matcher = (relativePath: string) => boolean;
const matchers = new WeakMap<ResolvedConfig, { files?: Matcher; ignores?: Matcher }>();

function compiled(config: ResolvedConfig) {
  let m = matchers.get(config);
  if (!m) {
    const { files, ignores } = config.data;
    m = {
      files: files?.length ? picomatch(files, { dot: true }) : undefined,
      ignores: ignores?.length ? picomatch(ignores, { dot: true }) : undefined,
    };
    matchers.set(config, m);
  }
  return m;
}

/**
 * Whether a document is a report the server should check. With a config file that lists `files`,
 * exactly those (minus `ignores`); otherwise a document that looks like a report. Everything
 * else — READMEs, notes, other Markdown — stays quiet.
 */
export function isReport(text: string, path: string | undefined, config: ResolvedConfig, fromFile: boolean): boolean {
  const m = compiled(config);
  if (path && fromFile) {
    const rel = relative(config.data.dir, path).replace(/\\/g, '/');
    const inside = !rel.startsWith('../') && rel !== '..';
    if (m.ignores && inside && m.ignores(rel)) return false;
    if (m.files) return inside && m.files(rel);
  }
  return looksLikeReport(text);
}

const OPENING_CHARS = 1200;
const TOPIC = /法治政府建设|依法行政/;
const REPORT = /年度报告|情况报告|工作报告|报告如下/;
const TITLE = /^(?:#{1,6}\s*)?(.{0,60}(?:法治政府建设|依法行政)[^。，,]{0,30}报告)\s*$/;
const FRONT_MATTER_KEYS = /^---\r?\n[\s\S]*?^(?:year|unit|previous)\s*:/m;
const PART_MARKER = /^[ \t\u3000]*(?:#{1,6}\s*)?(?:[一二三四五六七八九十]{1,2}\s?[、．.]|第[一二三四五六七八九十]部分(?:[、，,:：.．\s]|$))/m;

/**
 * A report when: its front matter sets year/unit/previous; or its first line is a title naming
 * 法治政府建设…报告; or its opening speaks of 法治政府建设 and a report and the text has a
 * part marker (一、 / 第一部分) at a line start — the last keeps a README that merely mentions
 * 年度报告 quiet.
 */
export function looksLikeReport(text: string): boolean {
  const opening = text.slice(0, OPENING_CHARS);
  if (opening.startsWith('---') && FRONT_MATTER_KEYS.test(opening)) return true;
  const firstLine = /^\s*(.*)/.exec(opening)?.[1] ?? '';
  if (TITLE.test(firstLine.trim())) return true;
  return TOPIC.test(opening) && REPORT.test(opening) && PART_MARKER.test(text);
}
