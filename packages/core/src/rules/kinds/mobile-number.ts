import { defineKind } from '../kind.js';
import { inText, reportMasked, scanParagraphs } from '../scope.js';

// 13812345678, 138-1234-5678, 138 1234 5678, +86 138…: the separators must agree.
const CANDIDATE = /(?:\+?86[- ]?)?(1[3-9]\d)([- \u00a0]?)(\d{4})\2(\d{4})/g;
// A count or an amount (15012345678元) is not a phone number.
const UNIT_AFTER = /^[\s]?[元条次件个人户宗项万亿千]/;

export function maskMobile(digits: string): string {
  return `${digits.slice(0, 3)}****${digits.slice(7)}`;
}

export default defineKind({
  name: 'mobile-number',
  summary: '手机号码不得出现在公开的报告中',
  docs:
    '查找中国大陆手机号码：11 位、以 13–19 开头，可写作连续数字、按 3-4-4 位用连字符或空格分隔，或带 +86 前缀。' +
    '前后紧挨其他数字或字母的（更长的编号的一部分）、后面紧跟计量单位的（如「15012345678元」）不算。' +
    '个人手机号码属于个人信息，公开发布的报告中不应出现；需要联系方式时写单位的办公电话。' +
    '诊断信息中的号码已脱敏；编辑器中提供改为脱敏形式的建议。',
  options: {},
  messages: { default: '疑似手机号码「{{masked}}」：公开的报告不得含有个人联系方式，请删除或改用单位电话' },
  placeholders: { masked: '脱敏后的号码' },
  fixable: 'suggestion',
  example: `kind: mobile-number
severity: error`,
  compile() {
    return (rc) => {
      const text = rc.doc.text;
      scanParagraphs(rc.doc, CANDIDATE, (m, start, end) => {
        rc.checkpoint();
        const before = text[start - 1] ?? '';
        const after = text.slice(end, end + 2);
        if (/[0-9A-Za-z+]/.test(before) || /^[0-9A-Za-z]/.test(after) || /^[.．][0-9]/.test(after) || UNIT_AFTER.test(after)) return false;
        if (inText(rc.doc, start, end)) reportMasked(rc, start, end, maskMobile(m[1]! + m[3]! + m[4]!));
        return true;
      });
    };
  },
});
