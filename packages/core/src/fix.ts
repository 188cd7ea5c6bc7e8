import type { Diagnostic, TextEdit } from './types.js';

export interface AppliedFixes {
  output: string;
  /** Diagnostics whose fix was applied. */
  applied: Diagnostic[];
}

/**
 * Applies the certain fixes of a lint result, ESLint-style: fixes sorted by position, a fix
 * whose edits overlap an already accepted one waits for the next pass.
 */
export function applyFixes(text: string, diagnostics: readonly Diagnostic[]): AppliedFixes {
  const candidates = diagnostics.filter((d) => d.fix && d.fix.edits.length).sort((a, b) => firstStart(a) - firstStart(b));
  const accepted: TextEdit[] = [];
  const applied: Diagnostic[] = [];
  for (const d of candidates) {
    const edits = d.fix!.edits;
    const clash = edits.some((e) => accepted.some((a) => overlaps(a, e)));
    if (clash) continue;
    accepted.push(...edits);
    applied.push(d);
  }
  return { output: applyEdits(text, accepted), applied };
}

function firstStart(d: Diagnostic): number {
  return Math.min(...d.fix!.edits.map((e) => e.start));
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.start === a.end || b.start === b.end) {
    // An insertion clashes with another insertion at the same point or an edit spanning its point.
    const [ins, other] = a.start === a.end ? [a, b] : [b, a];
    return other.start === other.end ? ins.start === other.start : other.start < ins.start && ins.start < other.end;
  }
  return a.start < b.end && b.start < a.end;
}

/** Applies non-overlapping edits (offsets into the original text). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    const start = Math.max(pos, Math.min(e.start, text.length));
    out += text.slice(pos, start) + e.text;
    pos = Math.max(start, Math.min(e.end, text.length));
  }
  return out + text.slice(pos);
}
