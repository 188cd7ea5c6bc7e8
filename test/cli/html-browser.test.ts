import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT, SEED_FILES, seedPath } from '../helpers.js';
import { runBin, tempDir } from './cli-helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const ARTIFACTS = join(ROOT, 'test-artifacts');

if (!available) {
  // CI installs Chromium (scripts/ci/setup-chromium.sh); only a local machine without it may skip.
  if (process.env.CI) throw new Error(`${CHROMIUM} is missing: .ci/run must run scripts/ci/setup-chromium.sh`);
  console.warn(`[fzlint] skipping the HTML report browser test: ${CHROMIUM} is not installed (run scripts/ci/setup-chromium.sh)`);
}

describe.skipIf(!available)('HTML report in headless Chromium (Debian package)', () => {
  it('opens without console errors or network requests, sorts, filters, opens details; screenshot kept', async () => {
    const dir = tempDir();
    for (const id of Object.keys(SEED_FILES) as Array<keyof typeof SEED_FILES>) copyFileSync(seedPath(id), join(dir, `${id}.txt`));
    writeFileSync(join(dir, 'scan.txt'), Buffer.from([0, 1, 2, 3]));
    const out = join(dir, 'report.html');
    const r = runBin(['-f', `html:${out}`, '.'], { cwd: dir });
    expect(r.code).toBe(2); // scan.txt cannot be checked; it still gets a row

    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
      page.on('request', (req) => {
        if (!req.url().startsWith('file:')) problems.push(`request: ${req.url()}`);
      });
      await page.goto(pathToFileURL(out).href);
      await page.waitForLoadState('load');

      const rows = page.locator('#overview tbody tr');
      expect(await rows.count()).toBe(6);
      expect(await page.locator('h1').textContent()).toBe('法治政府建设年度报告检查结果');

      // Sort by year (ascending): the 2021 report first; again: descending.
      const yearHeader = page.locator('#overview thead th', { hasText: '年度' }).locator('button');
      await yearHeader.click();
      const years = async () => (await page.locator('#overview tbody tr td:nth-child(3)').allTextContents()).filter((y) => y !== '—');
      expect(await years()).toEqual(['2021', '2022', '2024', '2024', '2024']);
      await yearHeader.click();
      expect(await years()).toEqual(['2024', '2024', '2024', '2022', '2021']);
      await page.locator('#overview thead th', { hasText: '错误' }).locator('button').click();

      // Filter by unit name and by "errors only".
      await page.fill('#filter', '花都');
      expect(await page.locator('#shown').textContent()).toBe('2');
      await page.fill('#filter', '');
      await page.check('#only-errors');
      const shownWithErrors = Number(await page.locator('#shown').textContent());
      expect(shownWithErrors).toBeGreaterThanOrEqual(3);
      expect(shownWithErrors).toBeLessThan(6);
      await page.uncheck('#only-errors');

      // A unit link opens that report's details.
      await page.locator('#overview a', { hasText: '越秀区政务服务和数据管理局' }).click();
      const details = page.locator('details.report[open]');
      await expect.poll(() => details.count()).toBe(1);
      expect(await details.locator('summary').textContent()).toContain('越秀区政务服务和数据管理局');
      expect(await details.locator('table tbody tr').count()).toBeGreaterThan(5);

      mkdirSync(ARTIFACTS, { recursive: true });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(ARTIFACTS, 'cli-html-report.png'), fullPage: true });
      expect(existsSync(join(ARTIFACTS, 'cli-html-report.png'))).toBe(true);
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60000);
});
