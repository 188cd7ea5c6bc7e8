import { RE2JS } from 're2js';
import { maxMatchLength } from './regex-length.js';

/**
 * Regular expressions from rule files run on RE2 (re2js): matching time is linear in the input,
 * so no rule can hang the engine, e.g. `(a+)+$` on a 1 MB line. RE2 syntax is Go's / Vale's:
 * no backreferences or lookaround. To stay fast, each pattern's longest required literal is
 * extracted, and RE2 only runs on paragraphs that contain it.
 */
export interface PatternMatch {
  start: number;
  end: number;
  /** Capture groups (undefined when a group did not participate). */
  groups: Array<string | undefined>;
}

export interface SafePattern {
  source: string;
  /** All non-overlapping matches inside text[start, end). */
  findAll(text: string, start?: number, end?: number): PatternMatch[];
  test(text: string): boolean;
}

export class PatternError extends Error {}

const META = new Set(['\\', '.', '+', '*', '?', '(', ')', '[', ']', '{', '}', '|', '^', '$']);

export function isLiteral(source: string): boolean {
  for (const ch of source) if (META.has(ch)) return false;
  return true;
}

/**
 * The longest run of literal characters every match must contain, or '' when none is certain.
 * Conservative: gives up on top-level alternation and skips anything inside groups or classes.
 */
export function requiredLiteral(source: string): string {
  let best = '';
  let run = '';
  let depth = 0;
  const flush = () => {
    if (run.length > best.length) best = run;
    run = '';
  };
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      const next = source[i + 1];
      i++;
      // An escaped punctuation character is literal; \d \w \p{…} are classes.
      if (depth === 0 && next !== undefined && /[^\w\s]/.test(next) && !quantified(source, i + 1)) run += next;
      else {
        flush();
        if (next === 'p' || next === 'P') i = skipBraces(source, i + 1);
      }
      continue;
    }
    if (ch === '[') {
      flush();
      i = skipClass(source, i);
      continue;
    }
    if (ch === '(') {
      flush();
      depth++;
      continue;
    }
    if (ch === ')') {
      depth = Math.max(0, depth - 1);
      flush();
      continue;
    }
    if (ch === '|') {
      if (depth === 0) return '';
      flush();
      continue;
    }
    if (ch === '{') {
      // A repetition count {2,4}: its digits are not literal text.
      flush();
      const close = source.indexOf('}', i);
      if (close > 0) i = close;
      continue;
    }
    if (depth > 0) continue;
    if (META.has(ch)) {
      flush();
      continue;
    }
    if (quantified(source, i + 1)) {
      flush();
      continue;
    }
    run += ch;
  }
  flush();
  return best;
}

function quantified(source: string, i: number): boolean {
  const c = source[i];
  // `+` keeps the character required, so only the optional quantifiers end a literal run here.
  return c === '*' || c === '?' || c === '{';
}

function skipBraces(source: string, i: number): number {
  if (source[i + 1] !== '{') return i + 1;
  const close = source.indexOf('}', i + 1);
  return close < 0 ? source.length : close;
}

function skipClass(source: string, i: number): number {
  let j = i + 1;
  if (source[j] === '^') j++;
  if (source[j] === ']') j++;
  for (; j < source.length; j++) {
    if (source[j] === '\\') j++;
    else if (source[j] === ']') return j;
  }
  return source.length;
}

export interface PatternOptions {
  ignoreCase?: boolean;
  /**
   * Compile on first use instead of now. For the built-in packs, whose patterns the test suite
   * compiles: a pattern whose required literal never occurs is then never compiled at all.
   */
  deferred?: boolean;
}

export function compilePattern(source: string, options: PatternOptions = {}): SafePattern {
  const build = () => {
    try {
      return RE2JS.compile(source, options.ignoreCase ? RE2JS.CASE_INSENSITIVE : 0);
    } catch (e) {
      throw new PatternError(describeRe2Error(source, e));
    }
  };
  let compiled = options.deferred ? undefined : build();
  const regex = () => (compiled ??= build());
  const literal = options.ignoreCase || source.includes('(?') ? '' : requiredLiteral(source);
  const scan = (text: string, start: number, end: number, out: PatternMatch[], limit: number) => {
    const m = regex().matcher(text.slice(start, end));
    let from = 0;
    while (out.length < limit && m.find(from)) {
      const s = m.start();
      const e = m.end();
      const groups: Array<string | undefined> = [];
      for (let g = 1; g <= m.groupCount(); g++) groups.push(m.group(g) ?? undefined);
      out.push({ start: start + s, end: start + e, groups });
      from = e > s ? e : e + 1;
      if (from > end - start) break;
    }
  };
  // Every match contains the literal and is at most `reach` long: only the text within `reach`
  // of each occurrence of the literal can match.
  const reach = literal ? maxMatchLength(source) : undefined;
  return {
    source,
    findAll(text, start = 0, end = text.length) {
      const out: PatternMatch[] = [];
      if (literal) {
        const first = text.indexOf(literal, start);
        if (first < 0 || first + literal.length > end) return out;
        if (reach !== undefined) {
          scanWindows(text, start, end, first, literal, reach, (s, e) => scan(text, s, e, out, Infinity));
          return out;
        }
      }
      if (!literal || end - start < 4096) {
        scan(text, start, end, out, Infinity);
        return out;
      }
      // Long input: only scan lines that contain the required literal. Each character is looked
      // at once: the backward scan stops at `pos`, the forward scan at the line's end.
      let pos = start;
      while (pos < end) {
        const hit = text.indexOf(literal, pos);
        if (hit < 0 || hit >= end) break;
        let lineStart = hit;
        while (lineStart > pos && !isBreak(text.charCodeAt(lineStart - 1))) lineStart--;
        let lineEnd = hit;
        while (lineEnd < end && !isBreak(text.charCodeAt(lineEnd))) lineEnd++;
        scan(text, lineStart, lineEnd, out, Infinity);
        pos = lineEnd + 1;
      }
      return out;
    },
    test(text) {
      if (literal && !text.includes(literal)) return false;
      return regex().matcher(text).find();
    },
  };
}

/**
 * Calls `visit` for the stretches of text[start, end) within `reach` of an occurrence of
 * `literal` (the first at `first`), overlapping stretches joined. A match that overlaps a
 * stretch's edge would contain an occurrence whose stretch overlaps this one, so scanning the
 * stretches finds exactly the matches a scan of the whole range finds.
 */
function scanWindows(text: string, start: number, end: number, first: number, literal: string, reach: number, visit: (s: number, e: number) => void): void {
  let winStart = Math.max(start, first - reach);
  let winEnd = Math.min(end, first + literal.length + reach);
  for (let hit = text.indexOf(literal, first + 1); hit >= 0 && hit + literal.length <= end; hit = text.indexOf(literal, hit + 1)) {
    const s = Math.max(start, hit - reach);
    if (s > winEnd) {
      visit(winStart, winEnd);
      winStart = s;
    }
    winEnd = Math.min(end, hit + literal.length + reach);
  }
  visit(winStart, winEnd);
}

function isBreak(c: number): boolean {
  return c === 10 || c === 13;
}

function describeRe2Error(source: string, e: unknown): string {
  const raw = e instanceof Error ? e.message : String(e);
  if (/\(\?[=!<]/.test(source)) return `正则表达式不受支持：不支持前后断言（lookaround），规则使用 RE2 语法（${raw}）`;
  if (/\\[1-9]/.test(source)) return `正则表达式不受支持：不支持反向引用，规则使用 RE2 语法（${raw}）`;
  return `正则表达式无效：${raw}`;
}
