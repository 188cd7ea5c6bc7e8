import { defineKind } from '../kind.js';
import { inText, reportMasked, scanParagraphs } from '../scope.js';

// 18 characters, optionally grouped 6-8-4 by spaces: 440106 19900101 123X.
const CANDIDATE = /(\d{6})([ \u00a0]?)(\d{8})\2(\d{3}[\dXx])/g;
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
// First two digits: the province-level division (GB/T 2260), 71 Taiwan, 81/82 Hong Kong/Macao, 83 residence permits.
const PROVINCES = new Set([11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83]);

/** The GB 11643 check character for the first 17 digits: Σ(digit × weight) mod 11 mapped to 1 0 X 9 … 2. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

function validBirthDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (y < 1900 || y > 2099 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Whether an 18-character string is a plausible citizen identity number with a correct check character. */
export function isIdentityNumber(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  if (!PROVINCES.has(Number(id.slice(0, 2)))) return false;
  if (!validBirthDate(id.slice(6, 14))) return false;
  return idCheckChar(id.slice(0, 17)) === id[17]!.toUpperCase();
}

export function maskIdentityNumber(id: string): string {
  return `${id.slice(0, 6)}********${id.slice(14)}`;
}

export default defineKind({
  name: 'id-number',
  summary: '公民身份号码（18 位、校验码正确）不得出现在公开的报告中',
  docs:
    '查找 18 位的公民身份号码（也识别按 6-8-4 位用空格分组的写法），只有行政区划代码的省级部分、出生日期和校验码都有效时才报告：' +
    '校验码按 GB 11643《公民身份号码》的规定计算（前 17 位分别乘以权数 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2，' +
    '求和后除以 11 的余数依次对应 1 0 X 9 8 7 6 5 4 3 2）。因此普通的长数字、编号不会被误报。' +
    '诊断信息中的号码已脱敏；编辑器中提供改为脱敏形式的建议（是否删除须由起草人决定，故不自动修复）。',
  options: {},
  messages: { default: '疑似公民身份号码「{{masked}}」：公开的报告不得含有个人身份信息，请删除或脱敏' },
  placeholders: { masked: '脱敏后的号码（隐去出生日期）' },
  fixable: 'suggestion',
  example: `kind: id-number
severity: error`,
  compile() {
    return (rc) => {
      const text = rc.doc.text;
      scanParagraphs(rc.doc, CANDIDATE, (m, start, end) => {
        rc.checkpoint();
        if (/[0-9A-Za-z]/.test(text[start - 1] ?? '') || /[0-9A-Za-z]/.test(text[end] ?? '')) return false;
        const id = m[1]! + m[3]! + m[4]!;
        if (isIdentityNumber(id) && inText(rc.doc, start, end)) reportMasked(rc, start, end, maskIdentityNumber(id.toUpperCase()));
        return true;
      });
    };
  },
});
