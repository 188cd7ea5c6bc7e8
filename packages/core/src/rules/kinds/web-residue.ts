import { defineKind } from '../kind.js';

export default defineKind({
  name: 'web-residue',
  summary: '从网页复制时残留的发布信息、分享按钮等行',
  docs:
    '识别「发布时间：… 浏览次数」「扫一扫在手机打开当前页」「【打印】【关闭】」「当前位置：首页>…」等网页残留行。' +
    '这些行不参与其他检查；本规则把它们标出，并提供删除整行的修复。',
  options: {},
  messages: { default: '网页残留内容，应删除：「{{line}}」' },
  placeholders: { line: '残留行（截取）' },
  fixable: 'fix',
  example: `kind: web-residue
severity: info`,
  compile() {
    return (rc) => {
      const { lines, lineKinds, text } = rc.doc;
      lineKinds.forEach((kind, i) => {
        if (kind !== 'residue') return;
        const start = lines.lineStarts[i]!;
        const end = lines.lineEnd(i);
        const next = i + 1 < lines.lineCount ? lines.lineStarts[i + 1]! : text.length;
        const shown = text.slice(start, end).trim();
        rc.report({
          start: start + (text.slice(start, end).length - text.slice(start, end).trimStart().length),
          end,
          data: { line: shown.length > 30 ? `${shown.slice(0, 30)}…` : shown },
          fix: { title: '删除此行', edits: [{ start, end: next, text: '' }] },
        });
      });
    };
  },
});
