import type { Diagnostic } from '@fzlint/core';
import { h, SEVERITY_LABEL } from '../dom.js';

const RANK: Record<string, number> = { error: 3, warning: 2, info: 1 };

/**
 * Fills the layer behind the text area with the same text, each finding's exact range wrapped in
 * a <mark> (overlapping findings split into pieces, coloured by the most severe). The text itself
 * is transparent there: only the marks show through the text area.
 */
export function renderMarks(layer: HTMLElement, text: string, diagnostics: readonly Diagnostic[]): void {
  const cuts = new Set<number>([0, text.length]);
  for (const d of diagnostics) {
    cuts.add(clamp(d.start, text.length));
    cuts.add(clamp(d.end, text.length));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Array<Node | string> = [];
  // Findings on an empty range (a place, not a text) show as a thin bar at that place.
  const pointsAt = new Map<number, number[]>();
  diagnostics.forEach((d, i) => {
    if (d.start >= d.end) pointsAt.set(clamp(d.start, text.length), [...(pointsAt.get(clamp(d.start, text.length)) ?? []), i]);
  });
  for (let k = 0; k < points.length; k++) {
    const from = points[k]!;
    const at = pointsAt.get(from);
    if (at) out.push(mark('', at, diagnostics, from, from, 'point'));
    if (k === points.length - 1) break;
    const to = points[k + 1]!;
    const covering: number[] = [];
    diagnostics.forEach((d, i) => {
      if (d.start < d.end && d.start <= from && d.end >= to) covering.push(i);
    });
    const piece = text.slice(from, to);
    out.push(covering.length ? mark(piece, covering, diagnostics, from, to) : piece);
  }
  // A text area shows a last empty line after a final line break; a div needs a character there.
  out.push('\n ');
  layer.replaceChildren(...out);
}

function mark(text: string, indices: number[], diagnostics: readonly Diagnostic[], start: number, end: number, extra?: string): HTMLElement {
  const worst = indices.map((i) => diagnostics[i]!.severity).sort((a, b) => (RANK[b] ?? 0) - (RANK[a] ?? 0))[0]!;
  const title = indices.map((i) => `${SEVERITY_LABEL[diagnostics[i]!.severity]}：${diagnostics[i]!.message}`).join('\n');
  const attrs = { class: extra ? `${worst} ${extra}` : worst, 'data-findings': indices.join(' '), 'data-title': title, 'data-start': String(start), 'data-end': String(end) };
  return h('mark', attrs, text);
}

function clamp(n: number, max: number): number {
  return Math.max(0, Math.min(n, max));
}

/** The findings whose range holds the offset (an empty range: the offset itself). */
export function findingsAt(diagnostics: readonly Diagnostic[], offset: number): number[] {
  const out: number[] = [];
  diagnostics.forEach((d, i) => {
    if (d.start === d.end ? offset === d.start : d.start <= offset && offset <= d.end) out.push(i);
  });
  return out;
}
