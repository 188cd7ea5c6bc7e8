import type { DocumentFormat } from '@fzlint/core';
import type { InputDocument, InputFinding, InputKind, InputPlace, InputRegion, RegionKind } from './types.js';

/** A line of extracted text and where a user finds it in the file. */
export interface PlacedLine {
  text: string;
  place?: string;
  /** Places inside the line, from an offset in `text` on (a PDF paragraph joined from several lines). */
  segments?: Array<{ offset: number; place: string }>;
}

export interface RegionLines {
  kind: RegionKind;
  label: string;
  lines: PlacedLine[];
}

export interface Composed {
  kind: InputKind;
  body: PlacedLine[];
  regions?: RegionLines[];
  findings?: (text: string, lineStarts: number[]) => InputFinding[];
  notes?: string[];
  notWritable: string;
  format?: DocumentFormat;
}

/**
 * Joins the body's lines and then each region's lines into the one text the engine checks,
 * recording where each region lies and the place of each line (consecutive lines with the same
 * place share one entry).
 */
export function compose(parts: Composed): InputDocument {
  let text = '';
  const places: InputPlace[] = [];
  const lineStarts: number[] = [];
  const mark = (start: number, place: string | undefined) => {
    if (place && places[places.length - 1]?.label !== place) places.push({ start, label: place });
  };
  const add = (line: PlacedLine, place: string | undefined) => {
    lineStarts.push(text.length);
    mark(text.length, place);
    for (const s of line.segments ?? []) mark(text.length + s.offset, s.place);
    text += `${line.text}\n`;
  };
  for (const line of parts.body) add(line, line.place);
  const regions: InputRegion[] = [];
  for (const r of parts.regions ?? []) {
    const lines = r.lines.filter((l) => l.text.trim());
    if (!lines.length) continue;
    const start = text.length;
    for (const line of lines) add(line, line.place ?? r.label);
    regions.push({ kind: r.kind, label: r.label, start, end: text.length, text: text.slice(start) });
  }
  const doc: InputDocument = { kind: parts.kind, text, format: parts.format ?? 'text', notWritable: parts.notWritable };
  if (regions.length) doc.regions = regions;
  if (places.length) doc.places = places;
  const findings = parts.findings?.(text, lineStarts);
  if (findings?.length) doc.findings = findings;
  if (parts.notes?.length) doc.notes = parts.notes;
  return doc;
}

/** Where an offset of InputDocument.text is in the original file (第 3 段, 页眉, 第 2 页第 5 行), if the reader knows. */
export function placeOf(input: Pick<InputDocument, 'places'>, offset: number): string | undefined {
  const places = input.places;
  if (!places?.length || offset < places[0]!.start) return undefined;
  let lo = 0;
  let hi = places.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (places[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return places[lo]!.label;
}
