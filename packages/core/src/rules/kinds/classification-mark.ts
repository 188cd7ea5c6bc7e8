import { defineKind } from '../kind.js';
import { inText } from '../scope.js';

const LEVELS = '绝密|机密|秘密';
const INTERNAL = '内部资料|内部文件|内部材料|内部刊物|内部参考|内部使用';
const HANDLING = '注意保存|注意保密|妥善保管|请勿外传|不得外传|严禁外传|不得公开|不宜公开|不得翻印';

/** Marks recognised anywhere in a paragraph. */
const INLINE: Array<{ re: RegExp; what: string }> = [
  // 秘密★1年, 机密★, 绝密 ★ 长期: the 密级 with its star (GB/T 9704 份号/密级和保密期限).
  { re: new RegExp(`(${LEVELS})\\s*[★☆]\\s*(\\d+\\s*[年个月]+|长期)?`, 'g'), what: '密级标志' },
  { re: new RegExp(`密\\s*级\\s*[:：]\\s*(${LEVELS}|内部)?`, 'g'), what: '密级标注' },
  { re: new RegExp(`(${INTERNAL})[\\s，,、:：]*(${HANDLING})`, 'g'), what: '内部资料标志' },
  { re: /[（(]?此件不公开[）)]?/g, what: '不公开标注' },
];

/** A paragraph that is nothing but a mark: 机密, 【内部资料】. */
const ALONE = new RegExp(`^[\\s【\\[〔（(]*(${LEVELS}|${INTERNAL})[\\s】\\]〕）)]*$`);

export default defineKind({
  name: 'classification-mark',
  summary: '密级标志（秘密★、机密★、绝密★）和「内部资料」等标注不得出现在公开的报告中',
  docs:
    '年度报告要向社会公开，公开前须经保密审查：带密级或「内部资料」标注的文件不能公开发布，文中出现这些标注说明混入了不该公开的内容，' +
    '或者用错了底稿。识别：密级和「★」连写（秘密★1年、机密★、绝密★）；「密级：」栏；「内部资料 注意保存」「内部文件，请勿外传」等；' +
    '「此件不公开」；以及单独成段的「机密」「内部资料」。正文中叙述性的词语（保守国家秘密法、商业秘密、非涉密系统）不报告。' +
    '`marks` 可追加本单位使用的其他标注（字面匹配）。',
  options: {
    marks: { type: 'array', items: { type: 'string', minLength: 1 }, description: '追加的标注词语（字面匹配，出现即报告）' },
  },
  messages: { default: '「{{match}}」是{{what}}：公开的报告不得含有涉密或内部内容，须经保密审查后删除' },
  placeholders: { match: '标注文字', what: '标注类别' },
  example: `kind: classification-mark
severity: error
marks: [工作秘密]`,
  compile(rule) {
    const marks = ((rule.options.marks as string[] | undefined) ?? []).filter(Boolean);
    return (rc) => {
      const text = rc.doc.text;
      const seen: Array<[number, number]> = [];
      const report = (start: number, end: number, what: string) => {
        if (seen.some(([s, e]) => start < e && s < end) || !inText(rc.doc, start, end)) return;
        seen.push([start, end]);
        rc.report({ start, end, data: { match: text.slice(start, end), what } });
      };
      for (let bi = 0, list = rc.doc.blocks; bi < list.length; bi++) {
        const block = list[bi]!;
        rc.checkpoint();
        const content = text.slice(block.contentStart, block.end);
        const alone = ALONE.exec(content);
        if (alone) {
          const at = block.contentStart + content.indexOf(alone[1]!);
          report(at, at + alone[1]!.length, /密/.test(alone[1]!) && !alone[1]!.startsWith('内部') ? '密级标志' : '内部资料标志');
          continue;
        }
        for (const { re, what } of INLINE) {
          re.lastIndex = 0;
          for (let m = re.exec(content); m; m = re.exec(content)) {
            const start = block.contentStart + m.index;
            report(start, start + m[0].trimEnd().length, what);
          }
        }
        for (const w of marks) {
          for (let i = content.indexOf(w); i >= 0; i = content.indexOf(w, i + w.length)) {
            report(block.contentStart + i, block.contentStart + i + w.length, '标注');
          }
        }
      }
    };
  },
});
