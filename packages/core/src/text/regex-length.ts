/**
 * The longest text (in UTF-16 code units) a RE2 pattern can match, when that is bounded and the
 * pattern looks at nothing outside its match (no ^ $ \b \B \A \z). Then every match containing an
 * occurrence of the pattern's required literal lies within that many characters of it, and only
 * those windows need scanning. Conservative: anything not understood gives undefined.
 */
export function maxMatchLength(source: string): number | undefined {
  const parser = new LengthParser(source);
  try {
    const n = parser.alternation();
    return parser.pos === source.length && Number.isFinite(n) ? n : undefined;
  } catch {
    return undefined;
  }
}

/** A code point is at most two UTF-16 units; every matched character is counted as two. */
const CHAR = 2;

class Unsupported extends Error {}

class LengthParser {
  pos = 0;

  constructor(private readonly src: string) {}

  alternation(): number {
    let max = this.sequence();
    while (this.src[this.pos] === '|') {
      this.pos++;
      max = Math.max(max, this.sequence());
    }
    return max;
  }

  private sequence(): number {
    let total = 0;
    while (this.pos < this.src.length && this.src[this.pos] !== '|' && this.src[this.pos] !== ')') {
      const atom = this.atom();
      total += this.quantified(atom);
    }
    return total;
  }

  private quantified(atom: number): number {
    let n = atom;
    for (;;) {
      const c = this.src[this.pos];
      if (c === '*' || c === '+') {
        this.pos++;
        n = atom === 0 ? 0 : Infinity;
      } else if (c === '?') {
        this.pos++;
      } else if (c === '{' && /^\{\d+(,\d*)?\}/.test(this.src.slice(this.pos))) {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.pos))!;
        this.pos += m[0].length;
        const upper = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]);
        n = atom === 0 ? 0 : n * upper;
      } else return n;
      // A lazy quantifier (x*?, x{1,3}?) matches the same texts.
      if (this.src[this.pos] === '?') this.pos++;
      atom = n;
    }
  }

  private atom(): number {
    const c = this.src[this.pos]!;
    if (c === '(') return this.group();
    if (c === '[') return this.characterClass();
    if (c === '\\') return this.escape();
    if (c === '^' || c === '$') throw new Unsupported();
    if (c === '*' || c === '+' || c === '?') throw new Unsupported();
    this.pos += c.codePointAt(0)! > 0xffff ? 2 : 1;
    return CHAR;
  }

  private group(): number {
    this.pos++;
    if (this.src[this.pos] === '?') {
      // (?:…) (?P<name>…) (?<name>…) and flag groups (?i) (?i:…); (?m) would change ^ and $, which are refused anyway.
      const m = /^\?(?:P?<[A-Za-z_][A-Za-z0-9_]*>|[imsU-]*:|[imsU-]+\))/.exec(this.src.slice(this.pos));
      if (!m) throw new Unsupported();
      this.pos += m[0].length;
      if (m[0].endsWith(')')) return 0;
    }
    const n = this.alternation();
    if (this.src[this.pos] !== ')') throw new Unsupported();
    this.pos++;
    return n;
  }

  private characterClass(): number {
    let i = this.pos + 1;
    if (this.src[i] === '^') i++;
    if (this.src[i] === ']') i++;
    for (; i < this.src.length; i++) {
      if (this.src.startsWith('[:', i)) {
        const close = this.src.indexOf(':]', i + 2);
        if (close < 0) throw new Unsupported();
        i = close + 1;
      } else if (this.src[i] === '\\') i++;
      else if (this.src[i] === ']') {
        this.pos = i + 1;
        return CHAR;
      }
    }
    throw new Unsupported();
  }

  private escape(): number {
    const c = this.src[this.pos + 1];
    if (c === undefined || 'bBAz'.includes(c)) throw new Unsupported();
    if (c === 'Q') {
      const close = this.src.indexOf('\\E', this.pos + 2);
      const end = close < 0 ? this.src.length : close;
      const literal = this.src.slice(this.pos + 2, end);
      this.pos = close < 0 ? end : end + 2;
      return [...literal].length * CHAR;
    }
    if (c === 'p' || c === 'P' || c === 'x') {
      this.pos += 2;
      if (this.src[this.pos] === '{') {
        const close = this.src.indexOf('}', this.pos);
        if (close < 0) throw new Unsupported();
        this.pos = close + 1;
      } else this.pos += c === 'x' ? 2 : 1;
      return CHAR;
    }
    if (c >= '0' && c <= '7') {
      const m = /^[0-7]{1,3}/.exec(this.src.slice(this.pos + 1))!;
      this.pos += 1 + m[0].length;
      return CHAR;
    }
    this.pos += 1 + (c.codePointAt(0)! > 0xffff ? 2 : 1);
    return CHAR;
  }
}
