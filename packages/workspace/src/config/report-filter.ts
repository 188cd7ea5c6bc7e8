import { relative } from 'node:path';
import picomatch from 'picomatch';
import type { ResolvedConfig } from '@fzlint/core';

type Matcher = (relativePath: string) => boolean;

export interface ReportQuestion {
  config: ResolvedConfig;
  path?: string;
  /** The file was named by the user (a command-line argument, a document opened in the editor), not found by walking a folder. */
  explicit: boolean;
  /**
   * The text, when a file must look like a report to be checked (an editor opens READMEs and notes
   * too). Without it every file that passes the globs is a report (the command line).
   */
  text?: string;
}

/**
 * Whether a file is a report to check, by the config's `ignores` and `files` globs (relative to
 * the config file's folder): `ignores` always excludes; `files` selects among files found by
 * walking a folder, and in an editor it decides which documents are reports. Without `files`, an
 * editor checks documents that look like reports (looksLikeReport).
 */
export class ReportFilter {
  private readonly compiled = new WeakMap<ResolvedConfig, { files?: Matcher; ignores?: Matcher }>();

  select({ config, path, explicit, text }: ReportQuestion): 'report' | 'ignored' | 'not-report' {
    const m = this.matchers(config);
    const fromFile = config.data.file !== undefined;
    if (path && fromFile && (m.ignores || m.files)) {
      const rel = relative(config.data.dir, path).replace(/\\/g, '/');
      const inside = !rel.startsWith('../') && rel !== '..';
      if (m.ignores && inside && m.ignores(rel)) return 'ignored';
      if (m.files) {
        if (inside && m.files(rel)) return 'report';
        return explicit && text === undefined ? 'report' : 'ignored';
      }
    }
    if (text === undefined) return 'report';
    return looksLikeReport(text) ? 'report' : 'not-report';
  }

  private matchers(config: ResolvedConfig): { files?: Matcher; ignores?: Matcher } {
    let m = this.compiled.get(config);
    if (!m) {
      const { files, ignores } = config.data;
      m = {
        files: files?.length ? picomatch(files, { dot: true }) : undefined,
        ignores: ignores?.length ? picomatch(ignores, { dot: true }) : undefined,
      };
      this.compiled.set(config, m);
    }
    return m;
  }
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
