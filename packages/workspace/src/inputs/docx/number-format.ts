/**
 * The numeral systems of Word's w:numFmt, rendered as Word and WPS display them. Reports use
 * chineseCounting (一、 第一部分), decimal (1.), decimalEnclosedCircle (①) and, in older
 * templates, ideographTraditional (甲、乙、丙).
 */
const DIGITS = '〇一二三四五六七八九';
const LEGAL_DIGITS = '零壹贰叁肆伍陆柒捌玖';
const TIANGAN = '甲乙丙丁戊己庚辛壬癸';
const DIZHI = '子丑寅卯辰巳午未申酉戌亥';
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const PARENTHESIZED = '⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇';
const FULLSTOP = '⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛';

export function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'none':
    case 'bullet':
      return '';
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? CIRCLED[n - 1]! : String(n);
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? PARENTHESIZED[n - 1]! : `(${n})`;
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? FULLSTOP[n - 1]! : `${n}.`;
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'koreanCounting':
      return chineseCounting(n, DIGITS, '十百千', '万');
    case 'chineseLegalSimplified':
    case 'japaneseLegal':
      return chineseCounting(n, LEGAL_DIGITS, '拾佰仟', '万', true);
    case 'ideographDigital':
    case 'taiwaneseDigital':
    case 'japaneseDigitalTenThousand':
      return String(n).replace(/\d/g, (d) => DIGITS[Number(d)]!);
    case 'ideographTraditional':
      return n >= 1 ? TIANGAN[(n - 1) % 10]! : String(n);
    case 'ideographZodiac':
      return n >= 1 ? DIZHI[(n - 1) % 12]! : String(n);
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerLetter':
      return letters(n);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    default:
      // decimal, decimalHalfWidth, ordinal, cardinalText … and anything unknown.
      return String(n);
  }
}

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 101 → 一百〇一, 110 → 一百一十. */
function chineseCounting(n: number, digits: string, units: string, wan: string, legal = false): string {
  if (n <= 0) return digits[0]!;
  if (n >= 10_000) return `${chineseCounting(Math.floor(n / 10_000), digits, units, wan, legal)}${wan}${n % 10_000 ? (n % 10_000 < 1000 ? digits[0] : '') + chineseCounting(n % 10_000, digits, units, wan, legal) : ''}`;
  const parts = [Math.floor(n / 1000), Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10];
  let out = '';
  let zero = false;
  parts.forEach((d, i) => {
    const unit = i < 3 ? units[2 - i]! : '';
    if (d === 0) {
      if (out) zero = true;
      return;
    }
    if (zero) out += digits[0];
    zero = false;
    // 十一 rather than 一十一 (in the legal form too: 拾壹).
    out += d === 1 && i === 2 && !out ? unit : digits[d]! + unit;
  });
  return out;
}

function letters(n: number): string {
  if (n <= 0) return String(n);
  // Word repeats the letter: 27 → aa, 28 → bb.
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: Array<[number, string]> = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table) while (n >= v) (out += s), (n -= v);
  return out;
}
