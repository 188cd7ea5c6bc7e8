export interface Sentence {
  start: number;
  end: number;
  /** Index of the block (paragraph) it belongs to, in the list it was split from. */
  block: number;
}

const STOP = new Set(['。', '！', '？', '!', '?', '；', ';', '\n', '\r']);

/** Splits body paragraphs into sentences at 。！？； (full or half width) and line breaks. */
export function splitSentences(text: string, blocks: ReadonlyArray<{ contentStart: number; end: number }>): Sentence[] {
  const out: Sentence[] = [];
  blocks.forEach((b, block) => {
    let start = b.contentStart;
    for (let i = b.contentStart; i < b.end; i++) {
      if (STOP.has(text[i]!)) {
        if (i + 1 > start && /\S/.test(text.slice(start, i))) out.push({ start, end: i + 1, block });
        start = i + 1;
      }
    }
    if (start < b.end && /\S/.test(text.slice(start, b.end))) out.push({ start, end: b.end, block });
  });
  return out;
}
