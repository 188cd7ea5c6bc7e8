import { findWords, shieldedBy } from '../../text/keywords.js';
import { defineKind } from '../kind.js';
import { checkScope, inText, resolveScope, SCOPE_SCHEMA } from '../scope.js';

export default defineKind({
  name: 'substitution',
  summary: '易错词对照表：把写错的词换成正确的词（如 再接再励 → 再接再厉）',
  docs:
    '`swap` 是「错误写法: 正确写法」的对照表（字面匹配，最长优先），适合维护一组易混淆、易写错的词语。' +
    '每处错误写法都会被报告并提供替换修复；匹配处落在 `exceptions` 中某个词之内时不报告。' +
    '需要正则或上下文判断的写法（如「截止」与「截至」）请用 pattern 规则。`fix: suggestion` 时替换只作为建议。',
  options: {
    swap: {
      type: 'object',
      additionalProperties: { type: 'string' },
      description: '对照表：错误写法: 正确写法',
    },
    exceptions: { type: 'array', items: { type: 'string', minLength: 1 }, description: '包含匹配处的正确用法，不报告' },
    fix: { enum: ['fix', 'suggestion'], description: '替换作为自动修复（fix，默认）或仅为建议（suggestion）' },
    scope: SCOPE_SCHEMA,
  },
  required: ['swap'],
  messages: { default: '「{{match}}」应为「{{replacement}}」' },
  placeholders: { match: '错误写法', replacement: '正确写法' },
  fixable: 'fix',
  example: `kind: substitution
severity: warning
swap:
  再接再励: 再接再厉
  一如继往: 一如既往`,
  compile(rule, ctx) {
    const swap = rule.options.swap as Record<string, string>;
    if (!Object.keys(swap).length) ctx.problem(['swap'], '对照表至少需要一项');
    const words = Object.keys(swap).filter(Boolean);
    const exceptions = (rule.options.exceptions as string[] | undefined) ?? [];
    for (const [wrong, right] of Object.entries(swap)) {
      if (!wrong) {
        ctx.problem(['swap'], '对照表中的错误写法不能为空');
        continue;
      }
      // A correction that contains a wrong form would be corrected again: fixes would never settle.
      const again = words.find((w) => {
        const at = right.indexOf(w);
        return at >= 0 && !shieldedBy(right, at, at + w.length, exceptions);
      });
      if (again === wrong) ctx.problem(['swap', wrong], `正确写法「${right}」包含错误写法「${wrong}」，修复后仍会被报告`);
      else if (again) ctx.problem(['swap', wrong], `正确写法「${right}」含有对照表中的另一错误写法「${again}」，修复后会再被替换，修复无法收敛`);
    }
    const asSuggestion = rule.options.fix === 'suggestion';
    const ids = checkScope(rule.options.scope, ctx);
    return (rc) => {
      const text = rc.doc.text;
      for (const r of resolveScope(rc, ids).ranges) {
        for (const w of findWords(text, words, r.start, r.end)) {
          rc.checkpoint();
          if (!inText(rc.doc, w.start, w.end) || shieldedBy(text, w.start, w.end, exceptions)) continue;
          const replacement = swap[w.word]!;
          const fix = { title: `改为「${replacement}」`, edits: [{ start: w.start, end: w.end, text: replacement }] };
          rc.report({
            start: w.start,
            end: w.end,
            data: { match: w.word, replacement },
            fix: asSuggestion ? undefined : fix,
            suggestions: asSuggestion ? [fix] : undefined,
          });
        }
      }
    };
  },
});
