import type { XmlElement } from '../xml.js';

/**
 * Where a stretch of an extracted line comes from: `length` characters at `at` in the line are
 * the characters from `from` on of a w:t element's text. Characters no segment covers were made
 * by the reader (automatic numbers, tabs between table cells, line breaks).
 */
export interface TraceSegment {
  at: number;
  length: number;
  el: XmlElement;
  from: number;
}

/** Where a line of the body comes from: its paragraph (the first one of a table row) and its text's segments. */
export interface LineTrace {
  paragraph?: XmlElement;
  segments: TraceSegment[];
}

/** Segments moved `by` characters along the line. */
export function shifted(segments: readonly TraceSegment[], by: number): TraceSegment[] {
  return by === 0 ? [...segments] : segments.map((s) => ({ ...s, at: s.at + by }));
}

/** The parts of segments inside [from, to) of a line, as offsets of the cut-out [from, to). */
export function clipped(segments: readonly TraceSegment[], from: number, to: number): TraceSegment[] {
  const out: TraceSegment[] = [];
  for (const s of segments) {
    const start = Math.max(s.at, from);
    const end = Math.min(s.at + s.length, to);
    if (end <= start) continue;
    out.push({ at: start - from, length: end - start, el: s.el, from: s.from + (start - s.at) });
  }
  return out;
}
