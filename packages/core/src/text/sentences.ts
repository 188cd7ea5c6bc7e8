export interface Sentence {
  start: number;
  end: number;
  /** Index of the block (paragraph) it belongs to, in the list it was split from. */
  block: number;
}

// A regex finds the ends: native code, fast from the first report on (a JavaScript loop over
// every character is slow until the JIT has warmed up, which a one-shot CLI run never escapes).
const STOP = /[。！？!?；;\n\r]/g;
const VISIBLE = /\S/;

/** Splits body paragraphs into sentences at 。！？； (full or half width) and line breaks. */
export function splitSentences(text: string, blocks: ReadonlyArray<{ contentStart: number; end: number }>): Sentence[] {
  const out: Sentence[] = [];
  // A piece of white space only is not a sentence; almost every piece starts with a visible character.
  const push = (start: number, end: number, block: number) => {
    if (end > start && (VISIBLE.test(text[start]!) || VISIBLE.test(text.slice(start, end)))) out.push({ start, end, block });
  };
  for (let block = 0; block < blocks.length; block++) {
    const b = blocks[block]!;
    STOP.lastIndex = b.contentStart;
    let start = b.contentStart;
    // test() rather than exec(): no match object per sentence; the stop is the character before lastIndex.
    while (STOP.test(text) && STOP.lastIndex <= b.end) {
      push(start, STOP.lastIndex, block);
      start = STOP.lastIndex;
    }
    push(start, b.end, block);
  }
  return out;
}
