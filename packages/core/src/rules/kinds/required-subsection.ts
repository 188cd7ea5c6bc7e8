import { defineKind } from '../kind.js';
import { headingAnchor, newline, unknownSection } from '../scope.js';

export default defineKind({
  name: 'required-subsection',
  summary: '某一部分中必须包含指定的小节（如第五部分的上一年度问题整改情况）',
  docs:
    '`section` 指向一个带 `within`（上级部分）的部分定义。在上级部分的所有下级标题（（一）、1.、一是……）以及各段首句中寻找匹配，' +
    '找不到时在上级部分标题上报告。上级部分本身缺失时不重复报告（由 required-section 负责）。',
  options: {
    section: { type: 'string', description: '小节的部分 id（其定义须有 within）' },
  },
  required: ['section'],
  messages: {
    default: '「{{parent}}」中缺少「{{section}}」',
  },
  placeholders: { parent: '上级部分名称', section: '小节名称' },
  fixable: 'suggestion',
  example: `kind: required-subsection
severity: error
section: rectification`,
  compile(rule, ctx) {
    const id = String(rule.options.section);
    const def = ctx.section(id);
    if (!def) {
      ctx.problem(['section'], unknownSection(id, ctx));
      return () => {};
    }
    if (!def.within) {
      ctx.problem(['section'], `部分 "${id}" 没有 within（上级部分），不能作为小节使用`);
      return () => {};
    }
    const parentId = def.within;
    return (rc) => {
      const parent = rc.sections.first(parentId);
      const found = rc.sections.first(id);
      if (found) {
        rc.record({ type: 'subsection', id, name: def.name, found: true, start: found.start, end: found.end });
        return;
      }
      rc.record({ type: 'subsection', id, name: def.name, found: false, detail: parent ? undefined : '缺少上级部分' });
      if (!parent) return;
      const nl = newline(rc.doc);
      const at = insertionPoint(rc.doc.text, parent.node ? parent.node.bodyStart : parent.end);
      const atLineStart = at === 0 || /[\r\n]/.test(rc.doc.text[at - 1] ?? '');
      rc.report({
        ...headingAnchor(parent),
        data: { parent: parent.def.name, section: def.name, sectionId: def.id },
        suggestions: [
          {
            title: `插入小节「${def.heading ?? def.name}」`,
            edits: [{ start: at, end: at, text: `${atLineStart ? '' : nl}（一）${def.heading ?? def.name}${nl}` }],
          },
        ],
      });
    };
  },
});

/** Moves an offset that sits at a line end to the start of the next line. */
function insertionPoint(text: string, at: number): number {
  if (text[at] === '\r' && text[at + 1] === '\n') return at + 2;
  if (text[at] === '\n' || text[at] === '\r') return at + 1;
  return at;
}
