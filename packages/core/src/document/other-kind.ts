/**
 * Documents that a reviewer's folder or a drafter's copy-paste brings along but that are not
 * 法治政府建设年度报告: the 政府信息公开 annual report, a 政策解读 of the report, a 政府工作报告, a
 * 述职/述法 report, a plan. Told by how the title ends, so that 「关于《某区2024年法治政府建设
 * 年度报告》的解读」 is a 解读 and 「某区2024年法治政府工作报告」 stays a report.
 */
const OTHER_KINDS: ReadonlyArray<{ name: string; title: RegExp; unless?: RegExp }> = [
  { name: '政府信息公开工作年度报告', title: /(?:政府信息公开|政务公开)(?:工作)?(?:年度)?报告$/ },
  { name: '政策解读', title: /(?:政策|文件|文字|图文|新闻|图解)?解读$/ },
  { name: '政府工作报告', title: /(?<!法治)政府工作报告$/ },
  { name: '述职（述法）报告', title: /述(?:职|法|职述廉|职述法)报告$/ },
  // 「2023年法治政府建设工作总结和2024年工作计划」 is a report that ends with its plans.
  { name: '工作要点或计划', title: /(?:工作要点|实施方案|工作计划|工作安排)$/, unless: /总结|情况|报告/ },
];

/** The kind of document the title names when it is not an annual rule-of-law government report. */
export function otherDocumentKind(title: string): string | undefined {
  const t = title.replace(/\s+/g, '').replace(/[（(][^）)]{0,20}[）)]$/, '');
  return OTHER_KINDS.find((k) => k.title.test(t) && !k.unless?.test(t))?.name;
}
