import fc from 'fast-check';

/**
 * Text that reads like a report: sentences made of the words the rules look for (rates and 率先,
 * counts and ordinals, outline markers, 法制/法治, dates, percentages, 落款 lines) put in every
 * position — the start of the document, of a paragraph, after punctuation, at the very end with and
 * without a final line break — in plain text and Markdown. Random strings rarely hit the paths a
 * real report takes (a clause that starts with 率先 and holds a percentage hung the engine).
 */

const RATES = ['率', '率先', '合格率', '参考率', '办结率', '按时办结率', '满意率', '覆盖率', '增长率', '出庭应诉率', '率先实现', '率先在全市', '占比', '占'];
const VERBS = ['为', '达', '达到', '均达', '同比增长', '同比提高', '提升至', '实现', '超过', '不低于', ''];
const COUNT_UNITS = ['次', '件', '宗', '场', '人次', '万余次', '个', '项', '份', '件次', '余件', '多人'];
const MARKERS = ['一、', '二、', '三、', '十一、', '（一）', '(二)', '（三）', '1.', '2.', '3、', '（1）', '(2)', '一是', '二是', '第一，', '第二，', '①', '第一部分'];
const TERMS = ['法制', '法治', '法制审核', '法制宣传', '法治宣传', '依法行政', '合法性审查', '规范性文件', '行政复议', '行政诉讼', '学法', '党组会议', '理论学习中心组', '12345热线', '依申请公开'];
const FILLER = ['全区', '我局', '深入推进', '进一步', '工作', '建设', '不断完善', '各项', '制度', '有关情况', '报告如下', '取得成效', '存在不足', '主要安排', '数据壁垒', '方法方法'];
const PUNCT = ['，', '。', '；', '、', '：', '！', '？', ',', ';', '.', ' ', '\u3000', '（', '）', '“', '”', '《', '》'];
const DATES = ['2024年', '2025年1月7日', '2023年度', '二〇二五年一月十日', '2024年3月15日', '12月31日', '今天是：2025年1月1日 星期三'];
const SIGNATURES = ['某某区司法局', '某某市人民政府', '中共某某县委 某某县人民政府', '某某区政务服务数据管理局'];

const digits = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 100000 }).map(String) },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 99 })).map(([a, b]) => `${a}.${b}`) },
  { weight: 1, arbitrary: fc.integer({ min: 20, max: 3000 }).map((n) => '7'.repeat(n)) },
  { weight: 1, arbitrary: fc.constantFrom('0', '00', '100', '1,234', '1，234', '２０', '97.48 ') },
);

const percent = fc.tuple(digits, fc.constantFrom('%', '％', '%%', ' %', ' %%', '‰', '个百分点')).map(([n, p]) => n + p);
const count = fc.oneof(
  fc.tuple(digits, fc.constantFrom(...COUNT_UNITS)).map(([n, u]) => n + u),
  fc.tuple(digits, fc.constantFrom(...COUNT_UNITS)).map(([n, u]) => `第${n}${u}`),
  fc.constantFrom('八届第14次常务会议', '第3次', '尊法学法守法用法', '2场次', '党工委专题学习4次'),
);
const rateClause = fc.tuple(fc.constantFrom(...RATES), fc.constantFrom(...VERBS), percent).map((a) => a.join(''));

const piece = fc.oneof(
  { weight: 4, arbitrary: rateClause },
  { weight: 3, arbitrary: count },
  { weight: 2, arbitrary: percent },
  { weight: 3, arbitrary: fc.constantFrom(...TERMS) },
  { weight: 4, arbitrary: fc.constantFrom(...FILLER) },
  { weight: 1, arbitrary: fc.constantFrom(...RATES) },
  { weight: 1, arbitrary: fc.constantFrom(...DATES) },
  { weight: 1, arbitrary: fc.constantFrom(...MARKERS) },
);

const clause = fc.array(piece, { minLength: 1, maxLength: 5 }).map((a) => a.join(''));

/** A paragraph: an optional outline marker, then clauses with punctuation between (and maybe at the end). */
const paragraph = fc
  .tuple(
    fc.option(fc.constantFrom(...MARKERS), { nil: '' }),
    fc.array(fc.tuple(clause, fc.constantFrom(...PUNCT)), { minLength: 1, maxLength: 6 }),
    fc.boolean(),
  )
  .map(([marker, clauses, closed]) => {
    const body = clauses.map(([c, p], i) => (i < clauses.length - 1 || closed ? c + p : c)).join('');
    return marker + body;
  });

const title = fc
  .tuple(fc.constantFrom(...SIGNATURES), fc.constantFrom('2023', '2024', '2025', '二〇二四'), fc.constantFrom('年法治政府建设年度报告', '年度法治政府建设工作情况的报告', '年法治政府建设情况'))
  .map(([unit, year, tail]) => unit + year + tail);

const signature = fc.tuple(fc.constantFrom(...SIGNATURES), fc.constantFrom(...DATES)).map(([u, d]) => `${u}\n${d}`);

const MARKDOWN_PREFIX = ['', '', '', '# ', '## ', '### ', '- ', '* ', '1. ', '> ', '**', '<!-- fzlint-disable-next-line -->\n'];

export interface ReportCase {
  text: string;
  path: string;
}

/** A report-like document, as text or Markdown, with or without title, 落款 and final line break. */
export const reportText: fc.Arbitrary<ReportCase> = fc
  .tuple(
    fc.option(title, { nil: undefined }),
    fc.array(fc.tuple(paragraph, fc.constantFrom(...MARKDOWN_PREFIX)), { minLength: 1, maxLength: 12 }),
    fc.option(signature, { nil: undefined }),
    fc.constantFrom('\n', '\r\n', '\n\n'),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([head, paragraphs, sign, eol, finalBreak, markdown]) => {
    const lines = paragraphs.map(([p, prefix]) => (markdown ? prefix + p : p));
    if (head) lines.unshift(markdown ? `# ${head}` : head);
    if (sign) lines.push(sign.replace('\n', eol));
    const text = lines.join(eol) + (finalBreak ? eol : '');
    return { text, path: markdown ? 'report.md' : 'report.txt' };
  });
