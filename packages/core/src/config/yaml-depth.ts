/**
 * How deeply a YAML text nests, measured before it is parsed. The yaml parser recurses once per
 * level: a few hundred nested `{` or `[` exhaust the stack inside a regular expression, which V8
 * cannot recover from (the process dies with a fatal error, no catch runs). Config files and
 * front matter that nest beyond MAX_YAML_DEPTH are refused instead.
 */
export const MAX_YAML_DEPTH = 64;

export interface TooDeep {
  depth: number;
  /** Offset of the character that went past the limit. */
  offset: number;
}

/**
 * The first place where flow collections ({ [) or block indentation nest deeper than `max`.
 * Quoted strings and comments are skipped; the count is an upper bound of the parser's recursion.
 */
export function yamlTooDeep(text: string, max = MAX_YAML_DEPTH): TooDeep | undefined {
  let flow = 0;
  const indents: number[] = [];
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lineStart = true;
      indent = 0;
      continue;
    }
    if (lineStart) {
      if (c === 32) {
        indent++;
        continue;
      }
      lineStart = false;
      if (c !== 35 /* # */) {
        while (indents.length && indents[indents.length - 1]! >= indent) indents.pop();
        indents.push(indent);
        // A block sequence item ("- - - x") opens a level per dash.
        for (let j = i; text.charCodeAt(j) === 45 && text.charCodeAt(j + 1) === 32; j += 2) indents.push(indent + j - i + 1);
        if (indents.length > max) return { depth: indents.length, offset: i };
      }
    }
    if (c === 35 && (i === 0 || text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9)) {
      while (i + 1 < text.length && text.charCodeAt(i + 1) !== 10 && text.charCodeAt(i + 1) !== 13) i++;
    } else if (c === 34 /* " */ || c === 39 /* ' */) {
      i = closingQuote(text, i, c);
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++flow > max) return { depth: flow, offset: i };
    } else if ((c === 125 || c === 93) && flow > 0) flow--;
  }
  return undefined;
}

/** Offset of the quote closing the one at `i` (or the text's end); "" escapes with \, '' by doubling. */
function closingQuote(text: string, i: number, quote: number): number {
  for (let j = i + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (quote === 34 && c === 92) j++;
    else if (c === quote) {
      if (quote === 39 && text.charCodeAt(j + 1) === 39) j++;
      else return j;
    }
  }
  return text.length;
}

export function tooDeepMessage(d: TooDeep): string {
  return `YAML 嵌套超过 ${MAX_YAML_DEPTH} 层（至少 ${d.depth} 层），不予解析`;
}
