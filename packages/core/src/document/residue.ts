/**
 * What a page of a government website leaves behind when a report is copied from it: publication
 * metadata, 索引号 blocks, share and print buttons, breadcrumbs, page clocks, accessibility
 * switches, footers, SEO titles, site watermarks. None of it is part of the report. Patterns are
 * written in simplified script; texts in traditional script are matched after conversion.
 */

const LEAD = /^[\s\u3000•·●▪◆■◇○◎\-*|｜]*/;

/** A line that is residue by itself, whatever surrounds it. */
const STRONG: RegExp[] = [
  // Publication metadata and counters.
  /^(?:发布时间|发布日期|发文日期|更新时间|更新日期|信息提供日期|生成日期|浏览次数|访问次数|点击次数|阅读次数|点击数|阅读量|访问量)\s*[:：]/,
  /^(?:日期|时间)\s*[:：]\s*\d{4}\s*[-/.年]/,
  /^(?:阅读|点击|浏览)\s*[:：]?\s*\d+\s*(?:次)?$/,
  // A site's name with the day's date in web form: 某某区人民政府 2024-03-28.
  /^[\u4e00-\u9fff]{2,30}\s+\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/,
  /^(?:信息来源|文章来源|稿件来源|来源|作者|编辑|责任编辑|审核|审校|终审|二审|一审|初审)\s*[:：]/,
  /浏览次数|访问次数|点击次数|阅读次数/,
  /扫一扫在手机(?:上)?打开当前页|扫码(?:使用)?手机(?:浏览|打开|阅读)|扫一扫分享|微信扫一扫/,
  /^【?\s*(?:字号|字体)\s*[:：]?\s*(?:【|\[)?\s*(?:[大中小]|$)/,
  /【\s*(?:字号|字体)\s*[:：]|视力保护色|默认\s*[大中小]\s*[大中小]/,
  /^分享到|^分享\s*[:：]?\s*$/,
  /^【?(?:打印本页|打印正文|打印整页|打印内容|关闭窗口|关闭本页|返回顶部|收藏本页|加入收藏|设为首页|打印|关闭|返回|收藏|顶部|纠错|我要纠错)】?(?:\s+【?(?:打印本页|打印正文|打印整页|打印内容|关闭窗口|关闭本页|返回顶部|打印|关闭|分享|收藏|纠错)】?)*\s*$/,
  // A row of page buttons: 字号： 打印整页 打印内容 分享 / 【大】【中】【小】.
  /^(?:\s*[【[]?\s*(?:字号|字体|打印本页|打印正文|打印整页|打印内容|打印|关闭窗口|关闭|分享到|分享|收藏|返回顶部|返回|纠错|[大中小])\s*[】\]]?\s*[:：]?\s*[|｜/]?)+$/,
  /^(?:上一篇|下一篇|上一条|下一条)\s*[:：]/,
  /^(?:相关链接|相关文章|相关阅读|相关附件|推荐阅读|热点推荐)\s*[:：]?\s*$/,
  // Navigation: breadcrumbs and their continuation lines.
  /^(?:当前位置|您现在的位置|您的位置|您当前的位置|您所在的位置|所在位置|现在位置)\s*[:：]?/,
  /^首页\s*(?:[>＞»›]|$)/,
  /^[>＞»›]\s*\S/,
  /^(?:无障碍(?:阅读|浏览)?|关怀版|长者模式|适老化|返回首页|网站首页|手机版|English|用户登录|登录|注册)(?:\s*[|｜/]?\s*(?:无障碍(?:阅读|浏览)?|关怀版|长者模式|适老化|返回首页|网站首页|手机版|English|简体|繁体|用户登录|登录|注册))*\s*$/,
  /简体\s*[|｜/]\s*繁体|繁体\s*[|｜/]\s*简体|^(?:简体|繁体)$/,
  // Page clocks.
  /^今天是\s*[:：]?\s*(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年/,
  /(?:\d{4}年\d{1,2}月\d{1,2}日|\d{4}-\d{1,2}-\d{1,2})\s*(?:星期|周)[一二三四五六日天]\s*(?:农历.*)?$/,
  /农历[正一二三四五六七八九十冬腊]{1,2}月[初十廿二三]/,
  // 政府信息公开 metadata blocks (索引号, 发布机构, 文号 …).
  /^(?:索引号|索\s*引\s*号|发布机构|发文机构|发文机关|成文日期|发文字号|文号|文\s*号|主题分类|主题词|公开方式|公开范围|公开时限|有效性|内容概述|信息分类|组配分类|体裁分类|服务对象|所属机构|统一编号)\s*[:：]/,
  /^[0-9A-Z]{8,}\s*[/-]\s*\d{4}\s*-\s*\d+$/,
  // Footers.
  /Copyright|版权所有|©|ICP备|ICP证|公网安备|网站标识码|政府网站标识码/,
  /^(?:主办单位|承办单位|主办|承办|协办|技术支持|运维单位|网站主办|维护单位|网站维护|网站管理)\s*[:：]/,
  /^(?:网站地图|站点地图|联系我们|隐私声明|使用帮助|网站声明)(?:\s*[|｜]\s*(?:网站地图|站点地图|联系我们|隐私声明|使用帮助|网站声明))*\s*$/,
  /^(?:×|robots|用户登录)$/,
  // The file's name, as document-sharing sites print it above the text: 某街道2020年法治政府建设情况.docx.
  /^\S.{0,80}\.(?:docx?|wps|pdf|txt|rtf|ofd)$/i,
];

/**
 * What a site of model essays (范文网) wraps around a report copied from it: the editor's
 * introduction and farewell, upload and copyright notices, download buttons. These are sentences,
 * so they are tested before the rule that a sentence is never residue; no report says 小编.
 */
const TEMPLATE_SITE: RegExp[] = [
  /小编/,
  /^(?:以上|上文|上面)(?:就是|是|为).{0,60}(?:全部内容|的内容|相关内容)/,
  /供大家参考|仅供(?:大家)?参考(?:借鉴)?[。.!！]?$|欢迎(?:大家)?(?:阅读|参考|借鉴|下载)|希望(?:对|能)(?:你|您|大家)有所帮助/,
  /网友(?:投稿|上传)|用户(?:提供并)?上传|如有侵权|若内容存在侵权|侵权(?:请)?(?:联系|举报)/,
  /免费下载|下载(?:本文|文档|全文|此文)|全文阅读已结束|(?:查看|阅读)全文(?:请|需)/,
  /^(?:文档简介|版权说明|内容简介|热门文章|猜你喜欢|相关范文|范文大全|公文范文)\s*[:：]?/,
];

/** SEO titles: 〈page title〉_〈site〉 or 〈page title〉 - 〈site〉 (tested only on lines ending like a site's name). */
const SEO_END = /(?:网站|网|在线)$/;
const SEO = /^.{4,80}?\s*(?:_|\s[-—–|｜]\s)\s*[^_\s]{2,30}(?:门户网站|人民政府网|政府网|政府网站|网站|政务网|在线)$/;

/** Lines that are residue only next to residue (a label any text might use on its own). */
const WEAK = [
  /^(?:名称|标题|分类|来源|作者|编辑|地址|电话|联系电话|邮编|邮政编码|传真|邮箱|E-?mail)\s*[:：]/i,
  // A date or date-time on its own line, as pages print the publication date (a 落款 may be written so too: alone, it stays).
  /^\d{4}[-/]\d{1,2}[-/]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/,
];
const SENTENCE_END = /[。；;！？!?]/;
const MARKER_START = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])/;

/** Whether a line is residue by itself (strong patterns). */
export function isResidueLine(line: string): boolean {
  if (line.length > 240) return false;
  const s = line.replace(LEAD, '').trimEnd();
  if (!s) return false;
  if (TEMPLATE_SITE.some((re) => re.test(s))) return true;
  // A sentence of the report (most lines; 网站全年访问次数12万次。 too): page furniture does not end like one.
  if (s.length >= 8 && /[。；;！？!?]$/.test(s)) return false;
  // A title with 发布时间…浏览次数 glued to it is a title: the glued run is residue, not the line.
  const glued = trailingAt(s);
  const head = glued > 0 && glued !== Infinity ? s.slice(0, glued).trim() : '';
  if (head.length >= 4 && !STRONG.some((re) => re.test(head))) return false;
  return STRONG.some((re) => re.test(s)) || (SEO_END.test(s) && SEO.test(s));
}

/** Where publication metadata glued to the end of a line starts (Infinity when there is none). */
function trailingAt(line: string): number {
  let at = Infinity;
  for (let i = 0; i < TRAILING.length; i++) {
    // Most lines have none of the words these patterns start with: a cheap test first.
    if (!TRAILING_HINT[i]!.test(line)) continue;
    const m = TRAILING[i]!.exec(line);
    if (m && m.index < at) at = m.index;
  }
  return at;
}

/**
 * Residue flags for the lines of a text (`null` for blank lines). A weak label line, or a short
 * label-free line caught between two residue lines (a publisher's name, a column name in a
 * metadata block), is residue too.
 */
export function classifyResidue(lines: ReadonlyArray<string | null>): boolean[] {
  const flags = lines.map((l) => l !== null && isResidueLine(l));
  const neighbour = (i: number, step: -1 | 1) => {
    for (let j = i + step; j >= 0 && j < lines.length; j += step) if (lines[j] !== null) return j;
    return -1;
  };
  for (let pass = 0; pass < 3; pass++) {
    let changed = false;
    lines.forEach((line, i) => {
      if (line === null || flags[i]) return;
      const s = line.replace(LEAD, '').trim();
      if (s.length > 40 || SENTENCE_END.test(s) || MARKER_START.test(s)) return;
      const p = neighbour(i, -1);
      const n = neighbour(i, 1);
      const pr = p >= 0 && flags[p]!;
      const nr = n >= 0 && flags[n]!;
      if ((WEAK.some((re) => re.test(s)) && (pr || nr)) || (pr && nr && s.length <= 30 && !/报告|法治|依法行政|计划|总结/.test(s))) {
        flags[i] = true;
        changed = true;
      }
    });
    if (!changed) break;
  }
  return flags;
}

export interface ResidueRun {
  start: number;
  end: number;
  kind: 'trailing' | 'prefix' | 'watermark';
}

/** Publication metadata glued to the end of a line of text (a title, usually): a date stamp, or a source with a counter after it. */
const TRAILING = [
  /(?:发布时间|发布日期|更新时间|发文日期)\s*[:：]\s*\d{4}\s*[-/.年][^\n]*$/,
  /(?:信息来源|文章来源|来源|浏览次数|点击次数)\s*[:：][^\n]{0,40}?(?:发布时间|发布日期|更新时间|浏览次数|访问次数|点击次数|字号|分享到)[^\n]*$/,
  /(?:[【[]\s*(?:字体|字号|打印|关闭|收藏|分享|返回顶部)[^】\]\n]*[】\]]?\s*)+$/,
];
const TRAILING_HINT = [/发布|更新时间|发文日期/, /来源|浏览次数|点击次数/, /[【[]/];

/** A 【…】 label of the site in front of a title. */
const PREFIX = /^[\s\u3000]*[【[]\s*(?:权威发布|最新发布|最新|转载|原创|置顶|推荐|热点|重要|头条|公告|通知|发布|专题)\s*[】\]]\s*/;
/** A site's name and address dropped into a sentence: （某某区人民政府网 www.example.gov.cn）. */
const SITE = '[\\u4e00-\\u9fff]{2,24}(?:门户网站|政府网|网站|网)';
const SITE_URL = '(?:https?://)?www\\.[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+';
const WATERMARK = new RegExp(`[（(]\\s*(?:来源[:：]\\s*)?${SITE}\\s*${SITE_URL}(?:/[^\\s）)，。]*)?\\s*[）)]|(?<=[\\s\\u3000，,。；;])${SITE}\\s+${SITE_URL}(?:/\\S*)?`, 'g');
const WATERMARK_CONTEXT = /(?:在|通过|于|登录|访问|关注|的|即|为|至|到|经|由)$/;

/** Residue runs inside a line that is otherwise text, as offsets into the line. */
export function findResidueRuns(line: string): ResidueRun[] {
  if (line.length > 2000) return [];
  const out: ResidueRun[] = [];
  const prefix = /^[\s\u3000]*[【[]/.test(line) ? PREFIX.exec(line) : null;
  if (prefix && line.length - prefix[0].length >= 4) {
    const lead = /^[\s\u3000]*/.exec(line)![0].length;
    out.push({ start: lead, end: prefix[0].length, kind: 'prefix' });
  }
  const at = trailingAt(line);
  if (at !== Infinity && line.slice(0, at).trim().length >= 4) {
    out.push({ start: at, end: line.trimEnd().length, kind: 'trailing' });
  }
  if (!line.includes('www.')) return out.sort((a, b) => a.start - b.start);
  for (const m of line.matchAll(WATERMARK)) {
    const before = line.slice(0, m.index).trimEnd();
    // "在区政府网 www… 公开" is a sentence about the website, not a watermark.
    if (WATERMARK_CONTEXT.test(before) || !before) continue;
    if (out.some((r) => m.index < r.end && r.start < m.index + m[0].length)) continue;
    let end = m.index + m[0].length;
    while (end < line.length && /[ \u3000]/.test(line[end]!)) end++;
    out.push({ start: m.index, end, kind: 'watermark' });
  }
  return out.sort((a, b) => a.start - b.start);
}
