export interface Sentence {
  start: number;
  end: number;
  /** Index of the block (paragraph) it belongs to, in the list it was split from. */
  block: number;
}

/** 。！？!?；; and line breaks end a sentence. */
function isStop(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f || c === 0xff1b || c === 0x3b || c === 10 || c === 13;
}

/** JavaScript's \s: Unicode white space, line terminators and the BOM. */
function isSpace(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x3000 || c === 0xfeff || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f
  );
}

/** Splits body paragraphs into sentences at 。！？； (full or half width) and line breaks. */
export function splitSentences(text: string, blocks: ReadonlyArray<{ contentStart: number; end: number }>): Sentence[] {
  const out: Sentence[] = [];
  for (let block = 0; block < blocks.length; block++) {
    const { contentStart, end } = blocks[block]!;
    // A sentence is kept when it has a character other than white space.
    let start = contentStart;
    let visible = false;
    for (let i = contentStart; i < end; i++) {
      const c = text.charCodeAt(i);
      if (isStop(c)) {
        if (visible || !isSpace(c)) out.push({ start, end: i + 1, block });
        start = i + 1;
        visible = false;
      } else if (!visible && !isSpace(c)) visible = true;
    }
    if (visible) out.push({ start, end, block });
  }
  return out;
}
