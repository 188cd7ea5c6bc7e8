import { formatChineseNumeral } from '../../text/chinese-numerals.js';
import { defineKind } from '../kind.js';
import type { SectionDefinition, SectionMatch } from '../sections.js';
import { documentAnchor, headingAnchor, lineStartOf, newline, unknownSection } from '../scope.js';

export default defineKind({
  name: 'required-section',
  summary: '报告必须包含某一部分（按关键词、别名或正则识别标题）',
  docs:
    '检查报告是否包含 `section` 指定的部分。部分由规则文件 `sections:` 中的定义识别：标题含关键词或匹配正则即可，不要求逐字一致。' +
    '缺少时，诊断显示在模板顺序中下一部分的标题上（没有则在文首），并把正文中提及该主题的位置作为相关位置列出；编辑器中提供插入标准标题的建议。' +
    '`satisfiedByMention: true` 时，正文提及该主题即视为满足（适用于旧版模板中常合并叙述的内容）。',
  options: {
    section: { type: 'string', description: '部分 id（在 sections 中定义）' },
    satisfiedByMention: { type: 'boolean', description: '正文提及该主题即视为满足，默认 false' },
  },
  required: ['section'],
  messages: {
    default: '缺少「{{section}}」部分',
    mentioned: '缺少「{{section}}」部分：正文虽有提及，但未单列成部分',
  },
  placeholders: { section: '部分名称' },
  fixable: 'suggestion',
  example: `kind: required-section
severity: error
section: problems
message: 缺少「{{section}}」部分`,
  compile(rule, ctx) {
    const id = String(rule.options.section);
    const def = ctx.section(id);
    if (!def) {
      ctx.problem(['section'], unknownSection(id, ctx));
      return () => {};
    }
    const byMention = rule.options.satisfiedByMention === true;
    return (rc) => {
      const found = rc.sections.matches(id);
      if (found.length) {
        rc.record({ type: 'section', id, name: def.name, found: true, start: found[0]!.start, end: found[0]!.end });
        return;
      }
      const mentions = rc.sections.mentions(def);
      if (byMention && mentions.length) {
        rc.record({ type: 'section', id, name: def.name, found: true, start: mentions[0]!.start, end: mentions[0]!.end, detail: '正文提及' });
        return;
      }
      rc.record({ type: 'section', id, name: def.name, found: false });
      const place = placement(def, rc.sections.definitions(), (d) => rc.sections.first(d.id));
      const doc = rc.doc;
      const anchor = place.anchor ? headingAnchor(place.anchor) : documentAnchor(doc);
      const nl = newline(doc);
      const heading = `${def.order ? `${formatChineseNumeral(def.order)}、` : ''}${def.heading ?? def.name}`;
      let at: number;
      let text: string;
      if (place.anchor && place.before) {
        at = lineStartOf(doc, place.anchor.start);
        text = `${heading}${nl}`;
      } else {
        at = place.anchor ? place.anchor.bodyEnd : doc.contentEnd;
        const atLineStart = at === 0 || /[\r\n]/.test(doc.text[at - 1] ?? '');
        text = `${atLineStart ? '' : nl}${heading}${nl}`;
      }
      rc.report({
        ...anchor,
        messageId: mentions.length ? 'mentioned' : 'default',
        data: { section: def.name, sectionId: def.id },
        related: mentions.map((m) => ({ start: m.start, end: m.end, message: `正文在此提及「${def.name}」相关内容（${m.word}）` })),
        suggestions: [{ title: `插入「${def.heading ?? def.name}」标题`, edits: [{ start: at, end: at, text }] }],
      });
    };
  },
});

/** Where a missing section belongs: before the next present section in template order, else after the previous one. */
function placement(
  def: SectionDefinition,
  all: SectionDefinition[],
  first: (d: SectionDefinition) => SectionMatch | undefined,
): { anchor?: SectionMatch; before: boolean } {
  if (def.order === undefined) return { before: false };
  const peers = all.filter((d) => d.order !== undefined && !d.within && d.level === def.level && d.id !== def.id);
  const later = peers
    .filter((d) => d.order! > def.order!)
    .map(first)
    .filter((m): m is SectionMatch => !!m)
    .sort((a, b) => a.def.order! - b.def.order!);
  if (later[0]) return { anchor: later[0], before: true };
  const earlier = peers
    .filter((d) => d.order! < def.order!)
    .map(first)
    .filter((m): m is SectionMatch => !!m)
    .sort((a, b) => b.def.order! - a.def.order!);
  return { anchor: earlier[0], before: false };
}
