import { defineKind } from '../kind.js';
import { endAnchor } from '../scope.js';

function parseMonthDay(s: string): { month: number; day: number } | undefined {
  const m = /^(\d{1,2})-(\d{1,2})$/.exec(s);
  if (!m) return undefined;
  const month = Number(m[1]);
  const day = Number(m[2]);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? { month, day } : undefined;
}

export default defineKind({
  name: 'signature',
  summary: '文末须有落款（单位名称和成文日期），成文日期不晚于报送期限',
  docs:
    '落款是文末的单位名称行和日期行（「专此报告。」之后）。日期行的月、日还空着（如模板的「2025年  月  日」）时报告成文日期未填写，而不是缺少落款。`deadline` 是报告年度次年的月-日（如 03-01 表示次年3月1日，' +
    '广东省县级以上政府部门的报送期限），成文日期晚于它时报告；成文日期早于报告年度也会报告。日期可写作 2025年1月7日 或 二〇二五年一月七日。',
  options: {
    requireUnit: { type: 'boolean', description: '落款须有单位名称，默认 true' },
    requireDate: { type: 'boolean', description: '落款须有成文日期，默认 true' },
    deadline: { type: 'string', pattern: '^\\d{1,2}-\\d{1,2}$', description: '次年的报送期限，月-日，如 03-01' },
  },
  messages: {
    default: '缺少落款：文末应署单位名称和成文日期',
    unit: '落款缺少单位名称',
    blankDate: '成文日期未填写：「{{date}}」应写明年、月、日',
    late: '成文日期（{{date}}）晚于报送期限（{{deadline}}）',
    early: '成文日期（{{date}}）早于报告年度（{{year}}年）',
  },
  placeholders: { date: '成文日期', deadline: '报送期限', year: '报告年度' },
  example: `kind: signature
severity: warning
deadline: "03-01"`,
  compile(rule, ctx) {
    const requireUnit = rule.options.requireUnit !== false;
    const requireDate = rule.options.requireDate !== false;
    const deadlineText = rule.options.deadline as string | undefined;
    const deadline = deadlineText ? parseMonthDay(deadlineText) : undefined;
    if (deadlineText && !deadline) ctx.problem(['deadline'], `报送期限 "${deadlineText}" 不是有效的月-日（如 03-01）`);
    return (rc) => {
      const sig = rc.doc.meta.signature;
      if (sig?.blankDate) {
        const blank = sig.blankDate;
        rc.record({ type: 'meta', name: '落款', found: false, start: sig.start, end: sig.end, detail: '成文日期未填写' });
        if (requireUnit && !sig.unit) rc.report({ start: blank.start, end: blank.end, messageId: 'unit' });
        if (requireDate) rc.report({ start: blank.start, end: blank.end, messageId: 'blankDate', data: { date: blank.text } });
        return;
      }
      if (!sig?.date) {
        rc.record({ type: 'meta', name: '落款', found: false });
        if (requireDate) rc.report(endAnchor(rc.doc));
        return;
      }
      rc.record({ type: 'meta', name: '落款', found: true, start: sig.start, end: sig.end, detail: `${sig.unit?.text ?? ''} ${sig.date.text}`.trim() });
      if (requireUnit && !sig.unit) rc.report({ start: sig.date.start, end: sig.date.end, messageId: 'unit' });
      const year = rc.year;
      if (!year) return;
      const d = sig.date;
      const dateKey = d.year * 10000 + d.month * 100 + d.day;
      if (d.year < year) {
        rc.report({ start: d.start, end: d.end, messageId: 'early', data: { date: d.text, year } });
      } else if (deadline && dateKey > (year + 1) * 10000 + deadline.month * 100 + deadline.day) {
        rc.report({
          start: d.start,
          end: d.end,
          messageId: 'late',
          data: { date: d.text, deadline: `${year + 1}年${deadline.month}月${deadline.day}日` },
        });
      }
    };
  },
});
