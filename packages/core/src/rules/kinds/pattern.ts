import { findWords, shieldedBy } from '../../text/keywords.js';
import { compilePattern, PatternError, type SafePattern } from '../../text/regex.js';
import { defineKind } from '../kind.js';
import { checkScope, documentAnchor, headingAnchor, inText, resolveScope, SCOPE_SCHEMA } from '../scope.js';

interface Hit {
  start: number;
  end: number;
  text: string;
  groups: Array<string | undefined>;
}

/** Expands $& and $1…$9 in a replacement. */
export function expandReplacement(template: string, hit: { text: string; groups: Array<string | undefined> }): string {
  return template.replace(/\$(&|\d)/g, (_, g: string) => (g === '&' ? hit.text : (hit.groups[Number(g) - 1] ?? '')));
}

export default defineKind({
  name: 'pattern',
  summary: '禁止（或要求）出现某些词语或正则，可带替换修复',
  docs:
    '`mode: forbid`（默认）时，范围内每处匹配 `words`（字面词语）或 `patterns`（RE2 正则）的文字都会被报告；' +
    '匹配处若落在 `exceptions` 中某个词之内（如「法制审核」之于「法制」）则不报告。设置 `replace` 时提供修复，可用 $1…$9、$& 引用匹配；' +
    '`fix: suggestion` 时只作为编辑器中的建议，不被 --fix 自动应用。`mode: require` 时，范围内一处都没有才报告。' +
    '正则使用 RE2 语法（与 Vale 相同），匹配时间与文本长度成线性关系，不会因规则写法而卡死；不支持反向引用和前后断言。',
  options: {
    words: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1, description: '字面词语' },
    patterns: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1, description: 'RE2 正则表达式' },
    mode: { enum: ['forbid', 'require'], description: 'forbid（默认）或 require' },
    exceptions: { type: 'array', items: { type: 'string', minLength: 1 }, description: '包含匹配处的正确用法，不报告' },
    replace: { type: 'string', description: '替换文本，可用 $1…$9、$&' },
    fix: { enum: ['fix', 'suggestion'], description: 'replace 作为自动修复（fix，默认）或仅为建议（suggestion）' },
    ignoreCase: { type: 'boolean', description: '忽略大小写，默认 false' },
    scope: SCOPE_SCHEMA,
  },
  messages: {
    default: '不应使用「{{match}}」',
    replace: '「{{match}}」应为「{{replacement}}」',
    require: '缺少必要的表述：{{expected}}',
  },
  placeholders: { match: '匹配到的文字', replacement: '替换后的文字', expected: '要求的词语或正则' },
  fixable: 'fix',
  example: `kind: pattern
severity: warning
words: [法制宣传]
exceptions: [法制审核]
replace: 法治宣传`,
  compile(rule, ctx) {
    const o = rule.options;
    const words = (o.words as string[] | undefined) ?? [];
    const patterns: SafePattern[] = [];
    ((o.patterns as string[] | undefined) ?? []).forEach((p, i) => {
      try {
        patterns.push(compilePattern(p, { ignoreCase: o.ignoreCase === true, deferred: rule.origin.pack !== undefined }));
      } catch (e) {
        ctx.problem(['patterns', i], e instanceof PatternError ? e.message : String(e));
      }
    });
    if (!words.length && !(o.patterns as string[] | undefined)?.length) ctx.problem([], 'pattern 规则须至少提供 words 或 patterns 之一');
    const ids = checkScope(o.scope, ctx);
    const exceptions = (o.exceptions as string[] | undefined) ?? [];
    const replace = o.replace as string | undefined;
    if (replace !== undefined && !replace.includes('$')) {
      // A replacement the rule itself matches would be replaced again on every --fix pass.
      const at = (w: string) => replace.indexOf(w);
      const word = words.find((w) => at(w) >= 0 && !shieldedBy(replace, at(w), at(w) + w.length, exceptions));
      const pattern = patterns.find((p) => p.findAll(replace).some((m) => m.end > m.start && !shieldedBy(replace, m.start, m.end, exceptions)));
      if (word || pattern) ctx.problem(['replace'], `替换文本「${replace}」本身又符合本规则（${word ?? pattern!.source}），修复后仍会被报告`);
    }
    const asSuggestion = o.fix === 'suggestion';
    const require = o.mode === 'require';
    const lower = o.ignoreCase === true;
    const lowerWords = words.map((w) => w.toLowerCase());

    const findHits = (text: string, start: number, end: number): Hit[] => {
      const hits: Hit[] = [];
      const haystack = lower ? text.toLowerCase() : text;
      for (const w of findWords(haystack, lower ? lowerWords : words, start, end)) {
        hits.push({ start: w.start, end: w.end, text: text.slice(w.start, w.end), groups: [] });
      }
      for (const p of patterns) {
        for (const m of p.findAll(text, start, end)) {
          if (m.end > m.start) hits.push({ start: m.start, end: m.end, text: text.slice(m.start, m.end), groups: m.groups });
        }
      }
      return hits.filter((h) => !shieldedBy(text, h.start, h.end, exceptions)).sort((a, b) => a.start - b.start);
    };

    return (rc) => {
      const { ranges, missing } = resolveScope(rc, ids);
      const text = rc.doc.text;
      if (require) {
        const any = ranges.some((r) => findHits(text, r.start, r.end).some((h) => inText(rc.doc, h.start)));
        if (!any && !(ids && ranges.length === 0 && missing.length)) {
          const anchor = ranges[0]?.match ? headingAnchor(ranges[0].match) : documentAnchor(rc.doc);
          rc.report({ ...anchor, messageId: 'require', data: { expected: [...words, ...patterns.map((p) => p.source)].join('、') } });
        }
        return;
      }
      let lastEnd = -1;
      for (const r of ranges) {
        for (const h of findHits(text, r.start, r.end)) {
          rc.checkpoint();
          if (h.start < lastEnd || !inText(rc.doc, h.start, h.end)) continue;
          lastEnd = h.end;
          const replacement = replace !== undefined ? expandReplacement(replace, h) : undefined;
          const fix = replacement !== undefined ? { title: `改为「${replacement}」`, edits: [{ start: h.start, end: h.end, text: replacement }] } : undefined;
          rc.report({
            start: h.start,
            end: h.end,
            messageId: replacement !== undefined ? 'replace' : 'default',
            data: { match: h.text, replacement },
            fix: asSuggestion ? undefined : fix,
            suggestions: asSuggestion && fix ? [fix] : undefined,
          });
        }
      }
    };
  },
});
