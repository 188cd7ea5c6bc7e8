import { defineKind } from '../kind.js';

const shorten = (s: string) => (s.length > 30 ? `${s.slice(0, 30)}…` : s);

export default defineKind({
  name: 'web-residue',
  summary: '从网页复制时残留的发布信息、分享按钮、页脚、水印等',
  docs:
    '识别整行的网页残留：「发布时间：… 浏览次数」「索引号／发布机构／文号」信息块、「扫一扫在手机打开当前页」「【打印】【关闭】」「• 分享到」、' +
    '「当前位置：首页>…」等导航、「今天是：…星期…」页面时钟、「无障碍 简体|繁体」、页脚（Copyright ©、ICP备、公网安备、网站标识码、主办／承办单位）、' +
    '「标题_某某政府门户网站」式的网页标题，以及夹在这些行之间的栏目名、发布单位名等短行；也识别行内的残留：粘在标题后面的「发布时间：…来源：…浏览次数」、' +
    '标题前的「【权威发布】」等栏目标签、插在句子中间的「（某某政府网 www.….gov.cn）」式水印。繁体转载页面转换为简体后识别。' +
    '这些内容不参与其他检查，也不会挡住标题。整行残留和粘连的发布信息可自动删除；句中的疑似水印只给出删除建议。',
  options: {},
  messages: {
    default: '网页残留内容，应删除：「{{line}}」',
    prefix: '网页栏目标签，应删除：「{{line}}」',
    trailing: '网页发布信息粘连在正文后，应删除：「{{line}}」',
    watermark: '疑似网站水印，应删除：「{{line}}」',
  },
  placeholders: { line: '残留内容（截取）' },
  fixable: 'fix',
  example: `kind: web-residue
severity: info`,
  compile() {
    return (rc) => {
      const { lines, lineKinds, text, residueRuns } = rc.doc;
      lineKinds.forEach((kind, i) => {
        if (kind !== 'residue') return;
        const start = lines.lineStarts[i]!;
        const end = lines.lineEnd(i);
        const next = i + 1 < lines.lineCount ? lines.lineStarts[i + 1]! : text.length;
        const shown = text.slice(start, end).trim();
        rc.report({
          start: start + (text.slice(start, end).length - text.slice(start, end).trimStart().length),
          end,
          data: { line: shorten(shown) },
          fix: { title: '删除此行', edits: [{ start, end: next, text: '' }] },
        });
      });
      for (const run of residueRuns) {
        if (lineKinds[run.line] === 'residue') continue;
        // The run with the white space that separated it from the text.
        let start = run.start;
        while (start > lines.lineStarts[run.line]! && /[ \t\u3000]/.test(text[start - 1]!) && run.kind === 'trailing') start--;
        const edit = { title: '删除', edits: [{ start, end: run.end, text: '' }] };
        const data = { line: shorten(text.slice(run.start, run.end).trim()) };
        if (run.kind === 'watermark') rc.report({ start: run.start, end: run.end, messageId: 'watermark', data, suggestions: [edit] });
        else rc.report({ start: run.start, end: run.end, messageId: run.kind, data, fix: edit });
      }
    };
  },
});
