import { findCopies, LineIndex, type CopyMatch, type CopySettings, type Diagnostic, type Severity } from '@fzlint/core';
import type { InputPlace } from '../inputs/types.js';

export const COPY_RULE_ID = 'fzlint/copied-passage';

/** A report of a batch as the copy search needs it (plain data: it comes back from worker threads). */
export interface BatchReport {
  /** Absolute path (shown by `name`). */
  path: string;
  /** The text that was checked: the body, then regions (which are not compared). */
  text: string;
  bodyEnd?: number;
  year?: number;
  unit?: string;
  /** Word paragraphs or PDF pages, when lines of `text` are not lines of the file. */
  places?: InputPlace[];
  /** How this report's own copy findings are made; absent when fzlint/copied-passage is off for it. */
  copies?: CopySettings & { severity: Severity };
}

/**
 * Findings of passages copied between the reports of a batch (same year, different units): one on
 * each copy, with the other report's passage as a related location. Empty for fewer than two
 * reports. `name(path)` is how a report is named in messages (its file name, say).
 */
export function copyFindings(reports: readonly BatchReport[], name: (path: string) => string): Diagnostic[][] {
  const matches = findCopies(reports.map((r) => ({ text: r.text, bodyEnd: r.bodyEnd, year: r.year, unit: r.unit, settings: r.copies })));
  const indexes = new Map<number, LineIndex>();
  const lines = (i: number) => {
    let index = indexes.get(i);
    if (!index) indexes.set(i, (index = new LineIndex(reports[i]!.text)));
    return index;
  };
  return matches.map((list, i) => list.map((m) => finding(reports, i, m, lines, name)));
}

function finding(reports: readonly BatchReport[], i: number, m: CopyMatch, lines: (i: number) => LineIndex, name: (path: string) => string): Diagnostic {
  const self = reports[i]!;
  const other = reports[m.other]!;
  const same = m.identical ? '相同' : '基本相同';
  const share = m.identical ? '' : `（约 ${Math.floor(m.similarity * 100)}% 的文字一致）`;
  const message = `与《${name(other.path)}》${paragraphs(other, m.otherStart, m.otherEnd)}${same}${share}`;
  return {
    ruleId: COPY_RULE_ID,
    severity: self.copies!.severity,
    message,
    start: m.start,
    end: m.end,
    range: lines(i).rangeOf(m.start, m.end),
    related: [
      {
        path: other.path,
        start: m.otherStart,
        end: m.otherEnd,
        range: lines(m.other).rangeOf(m.otherStart, m.otherEnd),
        message: `《${name(self.path)}》${paragraphs(self, m.start, m.end)}与此处${same}`,
      },
    ],
    data: { other: other.path, similarity: Math.floor(m.similarity * 100) / 100, identical: m.identical, passages: m.passages },
  };
}

/** 第 12 段, 第 12–14 段 (Word paragraphs, or non-blank lines of a text file), else the reader's places (第 2 页第 5 行). */
export function paragraphs(report: BatchReport, start: number, end: number): string {
  const first = paragraphLabel(report, start);
  const last = paragraphLabel(report, Math.max(start, end - 1));
  if (first === last) return first;
  const a = /^第 ?(\d+) ?段$/.exec(first);
  const b = /^第 ?(\d+) ?段$/.exec(last);
  return a && b ? `第${a[1]}–${b[1]}段` : `${first}至${last}`;
}

function paragraphLabel(report: BatchReport, offset: number): string {
  const places = report.places;
  if (places?.length) {
    let label = places[0]!.label;
    for (const p of places) {
      if (p.start > offset) break;
      label = p.label;
    }
    return label.replace(/^第 (\d+) 段$/, '第$1段');
  }
  // Paragraphs of a text file: its non-blank lines (\n, \r\n or a lone \r ends one).
  let n = 0;
  for (const line of report.text.slice(0, offset + 1).split(/\r\n|\r|\n/)) if (line.trim()) n++;
  return `第${Math.max(1, n)}段`;
}
