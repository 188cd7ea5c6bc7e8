// Reports saved from government websites: the page around the report (navigation, breadcrumbs,
// publication line, share buttons, sidebar, footer) is not the report; its <h1> or <title> is
// its title.
import iconv from 'iconv-lite';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInput } from '../../packages/workspace/src/inputs/index.js';
import { json, runMain, tempDir, type EslintFile } from '../cli/cli-helpers.js';
import { ROOT } from '../helpers.js';

/** A folder for reports of the fictional 青禾县, held to the Guangdong template like the real ones they imitate. */
function reportDir(): string {
  const dir = tempDir();
  writeFileSync(join(dir, '.fzlint.yaml'), 'extends: fzlint:recommended\nregion: 广东\n');
  return dir;
}

const REPORT = readFileSync(join(ROOT, 'test/fixtures/inputs/report.txt'), 'utf8');
const [TITLE, ...BODY] = REPORT.split('\n').filter((l) => l.trim());
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

interface PageOptions {
  /** Where the title is: an <h1> above the content (default), only the <title>, or nowhere. */
  title?: 'h1' | 'head' | 'none';
  /** Wraps the content in this many extra <div>s. */
  depth?: number;
}

/** A page as a county government site serves a report (structure of such sites, text of our own). */
function govPage(options: PageOptions = {}): string {
  const rows = BODY.map((l) => (l.includes('\t') ? `<tr>${l.split('\t').map((c) => `<td>${esc(c)}</td>`).join('')}</tr>` : `<p style="text-indent:2em">${esc(l)}</p>`));
  const content = rows.join('\n').replace(/(<tr>.*<\/tr>\n?)+/s, (t) => `<table border="1">${t}</table>`);
  const nested = `${'<div>'.repeat(options.depth ?? 0)}${content}${'</div>'.repeat(options.depth ?? 0)}`;
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>${options.title === 'none' ? '政务公开' : `${esc(TITLE!)}_青禾县人民政府门户网站`}</title>
<script>var siteId = 12;</script></head>
<body>
<div class="top"><a href="/">青禾县人民政府</a> <span>2025年3月5日 星期三</span> <a>无障碍</a> <a>长者模式</a></div>
<nav class="menu"><ul><li><a>首页</a></li><li><a>政务公开</a></li><li><a>政务服务</a></li><li><a>互动交流</a></li><li><a>走进青禾</a></li></ul></nav>
<div class="position">当前位置：<a>首页</a> &gt; <a>政务公开</a> &gt; <a>法治政府建设</a></div>
<div class="main">
  <div class="article">
    ${options.title === 'h1' || options.title === undefined ? `<h1 class="title">${esc(TITLE!)}</h1>` : ''}
    <div class="info">发布时间：2025-03-01 10:20 来源：青禾县市场监督管理局 浏览次数：<span>236</span> 【字号：大 中 小】</div>
    <div class="content" id="zoom">
${nested}
    </div>
    <div class="share">分享到：<a>微信</a> <a>微博</a> 【打印本页】 【关闭窗口】</div>
  </div>
  <aside class="side"><h3>相关链接</h3><ul><li><a>青禾县2023年法治政府建设年度报告</a></li><li><a>关于开展2024年度普法考试的通知</a></li></ul></aside>
</div>
<footer class="footer"><p>主办：青禾县人民政府办公室 承办：青禾县政务服务数据管理局</p><p>网站标识码：0000000000 备案号：某ICP备00000000号</p></footer>
</body></html>`;
}

const lines = (text: string) => text.replace(/\n$/, '').split('\n');

describe('web pages: the report, not the page', () => {
  it('the main content with the <h1> as the first line; navigation, breadcrumbs, publication line, share bar, sidebar and footer dropped', async () => {
    const doc = await readInput('page.html', Buffer.from(govPage()));
    expect(lines(doc.text)).toEqual([TITLE, ...BODY]);
  });

  it('a content-management page: clock and accessibility bar, 来源/发布时间 line, the title repeated in bold inside the content', async () => {
    const html = `<html><head><title>${esc(TITLE!)}</title></head><body>
<div class="head"><span>青禾县人民政府 2025年3月5日 星期三</span><a>无障碍</a> <a>简体</a>| <a>繁体</a></div>
<div class="detail"><div class="biaoti">${esc(TITLE!)}</div><div class="laiyuan">来源：青禾县市场监督管理局 发布时间：2025-03-28 09:18</div>
<div class="TRS_Editor"><p align="center"><strong>${esc(TITLE!)}</strong></p>${BODY.map((l) => `<p>&nbsp;&nbsp;${esc(l)}</p>`).join('')}</div></div>
<div class="foot">主办单位：青禾县人民政府办公室 | 技术支持：某网络公司</div></body></html>`;
    expect(lines((await readInput('page.html', Buffer.from(html))).text)).toEqual([TITLE, ...BODY.map((l) => (l.includes('\t') ? l.replace('\t', ' ') : l))]);
  });

  it('a page without <h1>: the report-naming part of <title> becomes the title line', async () => {
    const doc = await readInput('page.html', Buffer.from(govPage({ title: 'head' })));
    expect(lines(doc.text)).toEqual([TITLE, ...BODY]);
  });

  it('a page whose content starts with the title (split over two lines) does not get it twice', async () => {
    const html = govPage({ title: 'head' }).replace('<div class="content" id="zoom">', '<div class="content" id="zoom"><p>青禾县市场监督管理局</p><p>2024年法治政府建设年度报告</p>');
    const doc = await readInput('page.html', Buffer.from(html));
    expect(lines(doc.text).slice(0, 3)).toEqual(['青禾县市场监督管理局', '2024年法治政府建设年度报告', BODY[0]]);
  });

  it('GBK pages and an HTML page saved as .doc (as some sites export) are read as web pages', async () => {
    const gbk = iconv.encode(govPage().replace('charset="utf-8"', 'charset="gbk"'), 'gbk');
    expect(lines((await readInput('page.htm', gbk)).text)).toEqual([TITLE, ...BODY]);
    const asDoc = await readInput('report.doc', Buffer.from(govPage()));
    expect(asDoc.kind).toBe('html');
    expect(asDoc.notes).toEqual(['扩展名为 .doc，但内容是网页（HTML），已按网页（HTML）读取']);
  });

  it('a page nested 5,000 elements deep does not crash (read whole, furniture elements left out)', async () => {
    const doc = await readInput('deep.html', Buffer.from(govPage({ depth: 5000 })));
    const text = lines(doc.text);
    expect(text).toEqual(expect.arrayContaining(BODY));
    expect(doc.text).not.toContain('互动交流');
    expect(doc.text).not.toContain('网站标识码');
  });

  it('through the command line: the saved page gives the findings of the typed report', async () => {
    const dir = reportDir();
    writeFileSync(join(dir, 'report.txt'), REPORT);
    writeFileSync(join(dir, 'page.html'), govPage());
    const r = await runMain(['-f', 'json', 'report.txt', 'page.html'], { cwd: dir });
    const [txt, html] = json<EslintFile[]>(r.stdout);
    expect(html!.messages.map((m) => m.ruleId)).toEqual(txt!.messages.map((m) => m.ruleId));
    expect((html as unknown as { report: { title: string } }).report.title).toBe(TITLE);
  });
});
