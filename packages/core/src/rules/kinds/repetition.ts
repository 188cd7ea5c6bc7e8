import { charIndexOf } from '../../text/char-index.js';
import { isHan, isHanCode } from '../../text/cjk.js';
import { shieldedBy } from '../../text/keywords.js';
import { defineKind } from '../kind.js';
import { inText } from '../scope.js';

/**
 * Reduplication that is correct Chinese and must never be reported, whatever the rule's `allow`
 * adds. AA forms only matter with `minLength: 1`; AABB (认认真真) and 一X一X (一步一步) are
 * recognised by shape.
 */
export const LEGITIMATE_REDUPLICATION: readonly string[] = [
  // AA: adverbs, quantities, kinship and other lexicalised doubles.
  '常常', '往往', '渐渐', '刚刚', '仅仅', '纷纷', '频频', '屡屡', '久久', '默默', '悄悄', '匆匆', '早早', '慢慢', '好好',
  '多多', '稍稍', '深深', '紧紧', '牢牢', '实实', '偏偏', '明明', '白白', '恰恰', '统统', '通通', '处处', '事事', '时时',
  '人人', '个个', '件件', '条条', '样样', '层层', '步步', '节节', '天天', '年年', '月月', '日日', '夜夜', '家家', '户户',
  '村村', '项项', '桩桩', '环环', '面面', '点点', '滴滴', '丝丝', '声声', '句句', '种种', '一一', '大大', '区区', '堂堂',
  '源源', '绵绵', '徐徐', '蒸蒸', '欣欣', '勃勃', '孜孜', '兢兢', '津津', '井井', '历历', '栩栩', '熊熊', '冉冉', '滔滔',
  '茫茫', '洋洋', '累累', '赫赫', '谢谢', '妈妈', '爸爸', '哥哥', '姐姐', '弟弟', '妹妹', '爷爷', '奶奶', '叔叔', '星星',
  '宝宝', '娃娃', '猩猩', '刷刷', '看看', '想想', '试试', '问问', '听听', '说说', '谈谈', '走走', '等等',
  // ABAB: verbs doubled in speech ("研究研究") and vivid adjectives.
  '研究研究', '讨论讨论', '学习学习', '商量商量', '考虑考虑', '调查调查', '了解了解', '检查检查', '整理整理', '总结总结',
  '交流交流', '沟通沟通', '琢磨琢磨', '休息休息', '活动活动', '锻炼锻炼', '打扫打扫', '比较比较', '体验体验', '熟悉熟悉',
  '雪白雪白', '通红通红', '冰凉冰凉', '笔直笔直', '滚烫滚烫', '碧绿碧绿',
];

/** Words that contain a doubled character across a word boundary and are correct (不了了之、为了了解). */
export const LEGITIMATE_CONTEXTS: readonly string[] = ['不了了之', '为了了解', '除了了解', '目的的', '有的的确'];

const BUILTIN = new Set(LEGITIMATE_REDUPLICATION);

/** AABB (认认真真、方方面面) and 一X一X (一步一步、一件一件) are reduplication by shape. */
function legitimateShape(text: string, start: number, unit: number): boolean {
  const a = text.slice(start, start + unit);
  if (unit === 2 && a[0] === '一') return true;
  if (unit === 1) {
    // AABB: the doubled pair is followed or preceded by another doubled pair.
    const next = text[start + 2];
    const prev = text[start - 1];
    if (isHan(next) && next === text[start + 3] && next !== a) return true;
    if (isHan(prev) && prev === text[start - 2] && prev !== a) return true;
  }
  return false;
}

/** The shortest period of text[i, i + n) not below `min`: 2 for 学习学习, n for 政务服务. */
function primitiveLength(text: string, i: number, n: number, min: number): number {
  for (let p = Math.max(1, min); p < n; p++) {
    if (n % p) continue;
    let k = p;
    while (k < n && text.charCodeAt(i + k) === text.charCodeAt(i + k - p)) k++;
    if (k === n) return p;
  }
  return n;
}

/**
 * Length of the unit written twice at `i` (before `end`), or 0. The longest unit wins:
 * 政务服务政务服务 is one repetition, not two of 政务.
 */
function doubledAt(text: string, i: number, end: number, min: number, max: number, allow: readonly string[]): number {
  const first = text.charCodeAt(i);
  const top = Math.min(max, (end - i) >> 1);
  for (let n = top; n >= min; n--) {
    // Cheap test first: almost every position fails on its first character.
    if (text.charCodeAt(i + n) !== first) continue;
    let k = 1;
    while (k < n && text.charCodeAt(i + k) === text.charCodeAt(i + n + k) && isHanCode(text.charCodeAt(i + k))) k++;
    if (k < n) continue;
    const match = text.slice(i, i + 2 * n);
    if (BUILTIN.has(match) || legitimateShape(text, i, n)) continue;
    if (shieldedBy(text, i, i + 2 * n, LEGITIMATE_CONTEXTS) || shieldedBy(text, i, i + 2 * n, allow)) continue;
    return n;
  }
  return 0;
}

export default defineKind({
  name: 'repetition',
  summary: '同一词语连写两次（如「方法方法」），合法的重叠词除外',
  docs:
    '逐段查找紧挨着重复出现的汉字串（长度 `minLength`～`maxLength`，默认 2～6 个字），如「方法方法」「政务服务政务服务」，' +
    '这多是复制粘贴或输入时的笔误。合法的重叠不报告：内置名单（常常、人人、层层、研究研究、雪白雪白……）、' +
    'AABB 式（认认真真、方方面面、原原本本）和「一X一X」式（一步一步），以及 `allow` 中的词语（匹配处落在其中即不报告，' +
    '如「大数据数据库」）。单字重复（`minLength: 1`）默认不查：公文中「我局局长」「市市场监管局」之类跨词相连很常见，误报太多。' +
    '修复为删去重复的一份；`fix: suggestion` 时只作为建议。',
  options: {
    minLength: { type: 'integer', minimum: 1, maximum: 10, description: '重复单元的最少字数，默认 2' },
    maxLength: { type: 'integer', minimum: 1, maximum: 10, description: '重复单元的最多字数，默认 6' },
    allow: { type: 'array', items: { type: 'string', minLength: 2 }, description: '合法的重叠或含重叠的词语，匹配处落在其中不报告' },
    fix: { enum: ['fix', 'suggestion'], description: '删去重复作为自动修复（fix，默认）或仅为建议（suggestion）' },
  },
  messages: { default: '「{{unit}}」重复了：「{{match}}」，应删去一个', run: '「{{unit}}」连写了 {{count}} 次：「{{match}}」，应只保留一个' },
  placeholders: { unit: '重复的词语', match: '连写的文字', count: '连写的次数（三次及以上时）' },
  fixable: 'fix',
  example: `kind: repetition
severity: warning
allow: [大数据数据库]`,
  compile(rule, ctx) {
    const o = rule.options;
    const min = (o.minLength as number | undefined) ?? 2;
    const max = (o.maxLength as number | undefined) ?? 6;
    if (min > max) ctx.problem(['minLength'], `minLength（${min}）不能大于 maxLength（${max}）`);
    const allow = (o.allow as string[] | undefined) ?? [];
    const asSuggestion = o.fix === 'suggestion';

    return (rc) => {
      const text = rc.doc.text;
      // A unit is doubled only where its first character recurs within maxLength positions: the
      // character index's chain rules out almost every position with one lookup.
      const next = charIndexOf(text)?.next;
      for (let bi = 0, list = rc.doc.blocks; bi < list.length; bi++) {
        const block = list[bi]!;
        rc.checkpoint();
        const end = block.end;
        let i = block.contentStart;
        while (i < end) {
          if (next && (next[i]! < 0 || next[i]! - i > max)) {
            i++;
            continue;
          }
          rc.checkpoint();
          const found = isHanCode(text.charCodeAt(i)) ? doubledAt(text, i, end, min, max, allow) : 0;
          if (!found || !inText(rc.doc, i, i + 2 * found)) {
            i++;
            continue;
          }
          // 学习学习学习学习 is 学习 four times, not 学习学习 twice.
          const size = primitiveLength(text, i, found, min);
          const unit = text.slice(i, i + size);
          // 方法方法方法…: the whole run is one finding, and one fix keeps a single copy (a fix per
          // pair would need a --fix pass per halving).
          let runEnd = i + 2 * size;
          while (runEnd + size <= end && text.startsWith(unit, runEnd) && inText(rc.doc, runEnd, runEnd + size)) runEnd += size;
          const count = (runEnd - i) / size;
          const fix = { title: `删去重复的「${unit}」`, edits: [{ start: i + size, end: runEnd, text: '' }] };
          rc.report({
            start: i,
            end: runEnd,
            messageId: count > 2 ? 'run' : 'default',
            data: { unit, match: text.slice(i, runEnd), count },
            fix: asSuggestion ? undefined : fix,
            suggestions: asSuggestion ? [fix] : undefined,
          });
          i = runEnd;
        }
      }
    };
  },
});
