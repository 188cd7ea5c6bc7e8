export interface Sentence {
  start: number;
  end: number;
  /** Index of the block (paragraph) it belongs to, in the list it was split from. */
  block: number;
}

const STOP = /[。！？!?；;\n\r]/g;

/** Splits body paragraphs into sentences at 。！？； (full or half width) and line breaks. */
export function splitSentences(text: string, blocks: ReadonlyArray<{ contentStart: number; end: number }>): Sentence[] {
  const out: Sentence[] = [];
  const push = (start: number, end: number, block: number) => {
    if (end > start && /\S/.test(text.slice(start, end))) out.push({ start, end, block });
  };
  blocks.forEach((b, block) => {
    const body = text.slice(b.contentStart, b.end);
    let start = 0;
    STOP.lastIndex = 0;
    for (let m = STOP.exec(body); m; m = STOP.exec(body)) {
      push(b.contentStart + start, b.contentStart + m.index + 1, block);
      start = m.index + 1;
    }
    push(b.contentStart + start, b.end, block);
  });
  return out;
}
