import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import iconv from 'iconv-lite';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportDocx } from '../inputs/report-files.js';
import { readSeed, ROOT } from '../helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const PAGE = join(ROOT, 'packages/cli/web/fzlint.html');
const BIN = join(ROOT, 'packages/cli/bin/fzlint.js');
const ARTIFACTS = join(ROOT, 'test-artifacts');

if (!available) {
  if (process.env.CI) throw new Error(`${CHROMIUM} is missing: .ci/run must run scripts/ci/setup-chromium.sh`);
  console.warn(`[fzlint] skipping the web page browser test: ${CHROMIUM} is not installed (run scripts/ci/setup-chromium.sh)`);
}

/** Starts `fzlint serve --port 0` and resolves with the URL it prints. */
function serve(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(out)?.[0];
      if (url) resolve({ child, url });
    });
    child.stderr!.on('data', (chunk: Buffer) => reject(new Error(chunk.toString('utf8'))));
    child.on('exit', (code) => reject(new Error(`fzlint serve exited with ${code}: ${out}`)));
  });
}

/** Opens the page, recording console errors and every request that does not go to `origin`. */
async function open(browser: Browser, url: string, origin: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (req) => {
    if (!req.url().startsWith(origin)) problems.push(`request: ${req.url()}`);
  });
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]');
  return { page, problems };
}

/** Waits until the page has checked the text now in the text area. */
async function checked(page: Page): Promise<void> {
  const length = (await page.inputValue('#source')).length;
  await page.waitForFunction((n) => document.body.dataset.checked === String(n), length);
}

async function paste(page: Page, text: string): Promise<void> {
  await page.fill('#source', text);
  await checked(page);
}

const findingKeys = (page: Page) => page.locator('#finding-list li').evaluateAll((items) => items.map((li) => `${li.getAttribute('data-rule')}|${li.querySelector('.message')?.textContent}`));

describe.skipIf(!available)('web page in headless Chromium (Debian package)', () => {
  let browser: Browser;
  beforeAll(async () => {
    if (!existsSync(PAGE)) throw new Error(`${PAGE} is missing: run node scripts/build.mjs`);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('served by `fzlint serve`: a pasted report gets inline marks, findings and a checklist; one fix changes the text and its finding goes away', async () => {
    const { child, url } = await serve();
    try {
      const { page, problems } = await open(browser, url, url);
      expect(await page.title()).toContain('fzlint 网页版');
      const seed = readSeed('000');
      await paste(page, seed);

      const marks = page.locator('#marks mark');
      expect(await marks.count()).toBeGreaterThan(0);
      // Each mark covers the exact text of a finding's range.
      const text = await page.inputValue('#source');
      const first = marks.filter({ hasNotText: /^$/ }).first();
      const [start, end] = [Number(await first.getAttribute('data-start')), Number(await first.getAttribute('data-end'))];
      expect(await first.textContent()).toBe(text.slice(start, end));
      expect(await first.getAttribute('data-title')).toMatch(/^(错误|警告|提示)：/);

      expect(await page.locator('#finding-list li').count()).toBeGreaterThan(0);
      expect(await page.locator('#report-info').textContent()).toContain('2022');
      expect(await page.locator('#checklist #parts li').count()).toBeGreaterThan(0);
      expect(await page.locator('#checklist #parts').textContent()).toContain('必备部分');

      const fixable = page.locator('#finding-list li:has(button.fix)').first();
      const key = `${await fixable.getAttribute('data-rule')}|${await fixable.locator('.message').textContent()}`;
      const before = await findingKeys(page);
      expect(before).toContain(key);
      await fixable.locator('button.fix').click();
      await checked(page);
      expect(await page.inputValue('#source')).not.toBe(seed);
      expect(await findingKeys(page)).not.toContain(key);
      expect(await page.locator('#status').textContent()).toContain('已应用');

      // The fix went through the browser's editing: 撤销 (Ctrl+Z) brings the text and the finding back.
      await page.focus('#source');
      await page.keyboard.press('Control+z');
      await checked(page);
      expect(await page.inputValue('#source')).toBe(seed);
      expect(await findingKeys(page)).toContain(key);
      const [rule, message] = key.split('|') as [string, string];
      await page.locator(`#finding-list li[data-rule="${rule}"]`, { hasText: message }).locator('button.fix').click();
      await checked(page);
      expect(await findingKeys(page)).not.toContain(key);

      // The pointer over a marked word shows its message (the marks lie behind the text area).
      const hovered = page.locator('#marks mark').filter({ hasNotText: /^$/ }).first();
      await page.locator('#source').evaluate((area, top) => {
        area.scrollTop = top;
        area.dispatchEvent(new Event('scroll'));
      }, Number(await hovered.evaluate((m: HTMLElement) => m.offsetTop)) - 40);
      const visible = (await hovered.boundingBox())!;
      await page.mouse.move(visible.x + Math.min(visible.width, 20) / 2, visible.y + visible.height / 2);
      await expect.poll(() => page.locator('#tip').isVisible()).toBe(true);
      expect(await page.locator('#tip').textContent()).toMatch(/^(错误|警告|提示)：/);

      // Clicking a marked word shows its finding under the text.
      const mark = page.locator('#marks mark').filter({ hasNotText: /^$/ }).first();
      const at = Number(await mark.getAttribute('data-start'));
      await page.evaluate((offset) => {
        const area = document.getElementById('source') as HTMLTextAreaElement;
        area.setSelectionRange(offset, offset);
        area.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      }, at);
      expect(await page.locator('#detail').isVisible()).toBe(true);
      expect(await page.locator('#detail .finding').count()).toBeGreaterThan(0);

      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'web-page.png') });
      expect(problems).toEqual([]);
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('opened from disk (file://): 全部自动修复 leaves no fixable finding and the text can be copied', async () => {
    const { page, problems } = await open(browser, pathToFileURL(PAGE).href, 'file:');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']).catch(() => undefined);
    // An empty page says what to do, not what an empty report lacks.
    expect(await page.locator('#status').textContent()).toBe('请粘贴报告全文，或打开 .txt、.md、.docx 文件');
    expect(await page.locator('#finding-list li').count()).toBe(0);
    const seeds = ['000', '001', '002', '003', '004'] as const;
    const seed = seeds.map((id) => readSeed(id)).find((t) => t.includes(',')) ?? readSeed('000');
    await paste(page, seed);
    const fixable = await page.locator('#finding-list button.fix').count();
    expect(fixable).toBeGreaterThan(0);
    await page.click('#fix-all');
    await checked(page);
    expect(await page.locator('#status').textContent()).toMatch(/已自动修复 \d+ 处/);
    expect(await page.locator('#finding-list button.fix').count()).toBe(0);
    const fixed = await page.inputValue('#source');
    expect(fixed).not.toBe(seed);

    await page.click('#copy');
    await expect.poll(() => page.locator('#status').textContent()).toContain('已复制');
    expect(problems).toEqual([]);
  });

  it('a .docx chosen in the file input is read in the page and checked, header included', async () => {
    const { page, problems } = await open(browser, pathToFileURL(PAGE).href, 'file:');
    const report = readSeed('001');
    const docx = reportDocx(report, { header: '内部资料 注意保存 联系电话 020-12345678' });
    await page.setInputFiles('#file-input', { name: '报告.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from(docx) });
    await page.waitForFunction(() => document.getElementById('file-name')?.textContent === '报告.docx');
    await checked(page);
    const text = await page.inputValue('#source');
    const firstLine = report.split('\n').find((l) => l.trim())!.trim();
    expect(text).toContain(firstLine);
    expect(text).toContain('内部资料');
    expect(await page.locator('#notes').textContent()).toMatch(/页眉、页脚、脚注等 \d+ 处内容/);
    expect(await page.locator('#finding-list li').count()).toBeGreaterThan(0);
    expect(await page.locator('#checklist #parts li.found').count()).toBeGreaterThan(0);
    expect(await page.locator('#status').textContent()).toMatch(/已检查/);
    expect(problems).toEqual([]);
  });

  it('a GB18030 text file dropped on the page is decoded and checked', async () => {
    const { page, problems } = await open(browser, pathToFileURL(PAGE).href, 'file:');
    const seed = readSeed('004');
    await page.evaluate((data) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], '草稿.txt', { type: 'text/plain' }));
      for (const type of ['dragover', 'drop']) document.body.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
    }, [...iconv.encode(seed, 'gb18030')]);
    await page.waitForFunction(() => document.getElementById('file-name')?.textContent === '草稿.txt');
    await checked(page);
    expect(await page.inputValue('#source')).toBe(seed.replace(/\r\n?/g, '\n'));
    expect(await page.locator('#notes').textContent()).toContain('按 GB18030/GBK 编码读取');
    expect(await page.locator('#finding-list li').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.body.classList.contains('dragging'))).toBe(false);
    expect(problems).toEqual([]);
  });

  it('makes no request but for the page itself, and its content security policy refuses any other', async () => {
    const { child, url } = await serve();
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on('request', (req) => requests.push(req.url()));
      const answered: string[] = [];
      page.on('response', (res) => answered.push(res.url()));
      const refused: string[] = [];
      await page.exposeFunction('reportRefused', (what: string) => refused.push(what));
      await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { reportRefused(s: string): void }).reportRefused(e.violatedDirective)));
      await page.goto(url);
      await page.waitForSelector('body[data-ready="true"]');
      await paste(page, readSeed('002'));
      await page.click('#fix-all');
      await checked(page);
      await page.setInputFiles('#file-input', { name: '报告.docx', mimeType: 'application/octet-stream', buffer: Buffer.from(reportDocx(readSeed('003'))) });
      await page.waitForFunction(() => document.getElementById('file-name')?.textContent === '报告.docx');
      await checked(page);
      expect(requests.filter((r) => !r.startsWith(url))).toEqual([]);

      // Were the page ever to try, the browser would refuse: nothing may be fetched, loaded or sent.
      const fetched = await page.evaluate(() => fetch('http://127.0.0.1:9/').then(() => 'fetched', () => 'refused'));
      expect(fetched).toBe('refused');
      await page.evaluate(() => document.body.append(Object.assign(document.createElement('img'), { src: 'http://127.0.0.1:9/x.png' })));
      await expect.poll(() => refused).toEqual(expect.arrayContaining(['connect-src', 'img-src']));
      expect(answered.filter((r) => !r.startsWith(url))).toEqual([]);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
