/**
 * Lines left behind when a report is copied from a government website: publication
 * metadata, share/print buttons, breadcrumbs. They are not part of the report's text.
 */
const RESIDUE: RegExp[] = [
  /^[\s\u3000]*发布时间\s*[:：]/,
  /^[\s\u3000]*(?:信息)?来源\s*[:：]/,
  /浏览次数\s*[:：]?/,
  /扫一扫在手机(?:上)?打开当前页/,
  /^[\s\u3000]*【?\s*字号\s*[:：]?\s*[大中小]/,
  /^[\s\u3000]*【?(?:打印本页|关闭窗口|打印|关闭|返回顶部|收藏)】?[\s\u3000]*$/,
  /^[\s\u3000]*分享到\s*[:：]?/,
  /^[\s\u3000]*(?:上一篇|下一篇)\s*[:：]/,
  /^[\s\u3000]*(?:当前位置|您现在的位置|您的位置)\s*[:：]/,
  /^[\s\u3000]*首页\s*[>＞»]/,
];

export function isResidueLine(line: string): boolean {
  if (line.length > 200) return false;
  return RESIDUE.some((re) => re.test(line));
}
