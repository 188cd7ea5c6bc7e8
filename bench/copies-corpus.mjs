// A reviewer's batch for the copy-detection benchmark: N reports of one year by N units, each
// about the size of a real report (≈ 4,500 characters), written from pools of phrases so that
// no two reports share a paragraph by chance — except the formulas every report opens and closes
// with, and one copied paragraph in every fiftieth report (a planted pair). The words are the
// benchmark's own; only the shape follows real reports (six parts, measures with figures).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PLACES = ['江门', '佛山', '肇庆', '韶关', '清远', '阳江', '茂名', '湛江', '梅州', '河源', '汕尾', '潮州', '揭阳', '云浮', '惠州', '中山', '珠海', '东莞', '汕头', '广州'];
const OFFICES = ['司法局', '市场监督管理局', '交通运输局', '卫生健康局', '生态环境局', '人力资源和社会保障局', '自然资源局', '住房和城乡建设局', '应急管理局', '农业农村局', '文化广电旅游体育局', '教育局', '民政局', '财政局', '水务局', '商务局', '城市管理和综合执法局', '政务服务数据管理局', '退役军人事务局', '医疗保障局'];
const TOPICS = ['行政执法', '合法性审查', '行政复议应诉', '政务公开', '普法宣传', '矛盾纠纷化解', '规范性文件管理', '重大行政决策', '法律顾问', '执法监督', '信用监管', '营商环境', '公共法律服务', '数字政府', '安全生产', '基层治理'];
const VERBS = ['建立', '修订', '推行', '试点', '完善', '梳理', '上线', '印发', '组建', '开通', '细化', '升级'];
const THINGS = ['工作台账', '操作指引', '会商机制', '评查标准', '预警平台', '服务专窗', '清单目录', '督办制度', '联络员队伍', '线上专栏', '案例汇编', '培训课程'];
const PLACES_SMALL = ['镇街', '社区', '园区', '窗口', '村居', '企业', '学校', '市场', '工地', '口岸'];
const UNITS = ['件', '宗', '次', '场', '人次', '家', '条', '个'];
const RESULTS = ['办结率', '满意率', '采纳率', '覆盖率', '按时答复率', '纠错率'];

/** A deterministic pseudo-random sequence (mulberry32), so every run benchmarks the same batch. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick(rand, list) {
  return list[Math.floor(rand() * list.length)];
}

/** Characters for the names every report has of its own (a programme, a hall, a village). */
const NAME_CHARS = '安宁和顺兴旺福德康泰祥瑞丰华新民永昌东南西北平山水田林河湖海春秋明光清远长青红金玉石云龙凤鹤松竹梅兰桂荷莲星月阳春晓晨溪泉桥湾岭峰岗坪塘埔围沙洲港滨江城乡镇村里坊街巷园苑庭阁楼台亭书文礼信诚勤俭仁义智勇善美和合同心惠利通达畅盈盛荣耀辉煌嘉欣悦乐怡雅静慧敏捷锦绣宏伟';

function name(rand, length) {
  let out = '';
  for (let i = 0; i < length; i++) out += NAME_CHARS[Math.floor(rand() * NAME_CHARS.length)];
  return out;
}

/** A clause of a report's own words: made-up names and terms between the usual verbs and nouns. */
function clause(rand) {
  switch (Math.floor(rand() * 4)) {
    case 0:
      return `在${name(rand, 2)}${pick(rand, PLACES_SMALL)}${pick(rand, VERBS)}“${name(rand, 4)}”${pick(rand, THINGS)}`;
    case 1:
      return `${name(rand, 2)}${pick(rand, TOPICS)}${name(rand, 2)}事项${3 + Math.floor(rand() * 900)}${pick(rand, UNITS)}`;
    case 2:
      return `${pick(rand, RESULTS)}${name(rand, 3)}达到${(80 + rand() * 20).toFixed(1)}%`;
    default:
      return `与${name(rand, 3)}${pick(rand, PLACES_SMALL)}共建${name(rand, 2)}${pick(rand, THINGS)}`;
  }
}

/** One sentence of a measure: three to five clauses. */
function sentence(rand) {
  return Array.from({ length: 3 + Math.floor(rand() * 3) }, () => clause(rand)).join('，');
}

function paragraph(rand, marker) {
  const count = 3 + Math.floor(rand() * 3);
  return `${marker}${pick(rand, TOPICS)}工作取得新进展。${Array.from({ length: count }, () => sentence(rand)).join('；')}。`;
}

const OPENING = (unit) => `2024年，在市委、市政府的坚强领导下，${unit}坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大和二十届二中、三中全会精神，深入学习贯彻习近平法治思想，认真落实中央和省、市关于法治政府建设的各项部署，现将有关情况报告如下。`;
const CLOSING = '2025年，我们将继续坚持以习近平法治思想为指导，紧紧围绕中心工作，统筹推进科学立法、严格执法、公正司法、全民守法，为推进中国式现代化提供坚实法治保障。';
const HEADINGS = ['一、深入学习贯彻习近平总书记重要讲话精神和党中央重大决策部署情况', '二、深入学习宣传贯彻习近平法治思想情况', '三、党政主要负责人履行推进法治建设第一责任人职责情况', '四、推进法治政府建设的主要举措和成效', '五、推进法治政府建设存在的不足和原因', '六、2025年推进法治政府建设的主要安排'];
const LEVEL2 = ['（一）', '（二）', '（三）', '（四）', '（五）', '（六）'];

/** The texts of `count` reports (one unit each, all 2024). */
export function copyCorpus(count) {
  const texts = [];
  for (let i = 0; i < count; i++) {
    const rand = random(i + 1);
    const unit = `${PLACES[i % PLACES.length]}市${OFFICES[Math.floor(i / PLACES.length) % OFFICES.length]}${i >= PLACES.length * OFFICES.length ? `第${Math.floor(i / (PLACES.length * OFFICES.length)) + 1}分局` : ''}`;
    const lines = [`${unit}2024年法治政府建设年度报告`, '', OPENING(unit)];
    HEADINGS.forEach((h, k) => {
      lines.push(h);
      const n = k === 3 ? 6 : 2;
      for (let j = 0; j < n; j++) lines.push(paragraph(rand, LEVEL2[j]));
      if (k === 5) lines.push(CLOSING);
    });
    lines.push('', unit, '2025年2月20日');
    texts.push({ unit, text: `${lines.join('\n')}\n` });
  }
  // Every fiftieth report copies a measure (its （三）) from the report before it (its （二）).
  for (let i = 50; i < count; i += 50) {
    const source = texts[i - 1].text.split('\n');
    const copy = texts[i].text.split('\n');
    copy[copy.indexOf(HEADINGS[3]) + 3] = source[source.indexOf(HEADINGS[3]) + 2].replace('（二）', '（三）');
    texts[i].text = copy.join('\n');
  }
  return texts;
}

/** Writes the corpus as .txt files into `dir` (emptied first); returns their paths. */
export function writeCopyCorpus(dir, count) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return copyCorpus(count).map((r, i) => {
    const file = join(dir, `${String(i).padStart(4, '0')}-${r.unit}.txt`);
    writeFileSync(file, r.text);
    return file;
  });
}
