const DIGITS: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** Characters that can appear in a Chinese numeral up to 999 (as used in outline markers). */
export const CHINESE_NUMERAL_CHARS = '〇零一二两三四五六七八九十百';

/** Parses 一 … 九百九十九 (and 〇/零 digit strings like 二〇二四). Returns undefined when not a numeral. */
export function parseChineseNumeral(s: string): number | undefined {
  if (!s) return undefined;
  if (!s.includes('十') && !s.includes('百')) {
    // Positional digit string: 二〇二四 → 2024, 三 → 3.
    let value = 0;
    for (const ch of s) {
      const d = DIGITS[ch];
      if (d === undefined) return undefined;
      value = value * 10 + d;
    }
    return value;
  }
  let total = 0;
  let current = 0;
  for (const ch of s) {
    if (ch === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else if (ch === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else {
      const d = DIGITS[ch];
      if (d === undefined) return undefined;
      current = d;
    }
  }
  return total + current;
}

const UNITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 11 → 十一, 21 → 二十一, 105 → 一百零五. */
export function formatChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n <= 0 || n > 999) return String(n);
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const ones = n % 10;
  let out = '';
  if (hundreds) out += UNITS[hundreds] + '百';
  if (tens) out += (tens === 1 && !hundreds ? '' : UNITS[tens]) + '十';
  else if (hundreds && ones) out += '零';
  if (ones) out += UNITS[ones];
  return out;
}
