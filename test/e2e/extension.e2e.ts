/**
 * End-to-end test of the packaged extension in a real VS Code (code-server 4.100 = VS Code 1.100,
 * in Debian's Chromium): `npm run test:e2e` packages the .vsix, this test installs it into a fresh
 * profile with `--install-extension`, opens a folder with two seed reports, and checks through the
 * UI what a drafter sees. Screenshots go to test-artifacts/e2e/ (gitignored).
 *
 * Needs `bash scripts/ci/setup-code-server.sh` first (code-server, Chromium, fonts; cached).
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createProfile, installExtension, processesWith, startCodeServer, type RunningServer } from './code-server.js';
import { launchBrowser, Workbench } from './vscode-page.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ARTIFACTS = join(ROOT, 'test-artifacts/e2e');
const EXT = join(ROOT, 'packages/vscode-extension');
const FOLDER_NAME = '法治政府建设年度报告';
const OTHER_NAME = 'other-project';
const SEED_002 = '002_07fb1cf96b8e0586.txt';
const SEED_004 = '004_df76674e5aab05b8.txt';

const MISSING_PARTS_004 = ['学习贯彻习近平总书记重要讲话精神和党中央重大部署情况', '学习宣传贯彻习近平法治思想情况', '党政主要负责人履行推进法治建设第一责任人职责情况'];
const FOUND_PARTS_004 = ['推进法治政府建设的主要举措和成效', '推进法治政府建设存在的不足和原因', '下一年度推进法治政府建设的主要安排'];

let work: string;
let folder: string;
let server: RunningServer | undefined;
let browser: Browser | undefined;
let vscode: Workbench;
/** The installed extension's server bundle: its path is on the command line of the server process. */
let serverBundle: string;

const MANIFEST = JSON.parse(readFileSync(join(EXT, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
/**
 * The manifest's strings as code-server shows them: its UI is English (no language pack can be
 * installed offline), so VS Code takes them from package.nls.en.json. Runtime strings (vscode.l10n)
 * stay Chinese: VS Code reads no runtime bundle when the UI language is English.
 */
const UI = JSON.parse(readFileSync(join(EXT, 'package.nls.en.json'), 'utf8')) as Record<string, string>;
const command = (key: string) => `fzlint: ${UI[`command.${key}`]}`;
/** The Extensions view of code-server 4.100 shows the default (Chinese) display name, the rest of the UI the English one. */
const DISPLAY_NAME = new RegExp(
  [UI['extension.displayName']!, JSON.parse(readFileSync(join(EXT, 'package.nls.json'), 'utf8'))['extension.displayName'] as string].map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'),
);

function vsixPath(): string {
  const path = join(EXT, `${MANIFEST.name}-${MANIFEST.version}.vsix`);
  if (!existsSync(path)) throw new Error(`${path} 不存在：npm run test:e2e 先运行 npm run package`);
  return path;
}

async function screenshot(name: string): Promise<void> {
  await vscode.page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

beforeAll(async () => {
  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  work = mkdtempSync(join(tmpdir(), 'fzlint-e2e-'));
  folder = join(work, FOLDER_NAME);
  mkdirSync(folder);
  for (const seed of [SEED_002, SEED_004]) copyFileSync(join(ROOT, 'seeds', seed), join(folder, seed));
  // A workspace with neither reports nor .fzlint.yaml.
  mkdirSync(join(work, OTHER_NAME));
  writeFileSync(join(work, OTHER_NAME, 'data.json'), '{ "name": "其他项目" }\n');
  writeFileSync(join(work, OTHER_NAME, 'main.py'), 'print("hello")\n');

  const profile = createProfile(join(work, 'profile'), {
    'editor.codeActionsOnSave': { 'source.fixAll.fzlint': 'explicit' },
    'editor.wordWrap': 'on',
  });
  const installed = await installExtension(profile, vsixPath());
  expect(installed).toMatch(/successfully installed/);
  expect(readdirSync(profile.extensionsDir)).toContain(`${MANIFEST.publisher}.${MANIFEST.name}-${MANIFEST.version}`);

  serverBundle = join(profile.extensionsDir, `${MANIFEST.publisher}.${MANIFEST.name}-${MANIFEST.version}`, 'dist/server.js');
  server = await startCodeServer(profile, folder);
  browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  vscode = new Workbench(page, UI['view.checklist.name']!);
  await vscode.open(server.url, SEED_002);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (server) writeFileSync(join(ARTIFACTS, 'code-server.log'), server.log());
  if (work) rmSync(work, { recursive: true, force: true });
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await screenshot(`failure-${ctx.task.name.slice(0, 24).replace(/[^\w\u4e00-\u9fff]+/g, '-')}`).catch(() => undefined);
});

describe('fzlint in VS Code', () => {
  test('a workspace with neither reports nor .fzlint.yaml: no language server, no checklist view', async () => {
    // A second window of the same code-server, with its own extension host. VS Code may activate the
    // extension there anyway (it opens internal plain-text models); the server must not start.
    const page = await browser!.newPage({ viewport: { width: 1440, height: 900 } });
    try {
      const other = new Workbench(page, UI['view.checklist.name']!);
      await other.open(`${server!.url}/?folder=${encodeURIComponent(join(work, OTHER_NAME))}`, 'data.json');
      await other.openFile('data.json');
      await other.runningExtensions('JSON Language Features');
      expect(processesWith(serverBundle)).toEqual([]);
      expect(await other.checklistPane().count()).toBe(0);
    } finally {
      await page.close();
    }
  });

  test('seed 004: the Problems panel lists the missing parts; the status bar counts them', async () => {
    await vscode.widenSidebar(560);
    await vscode.openFile(SEED_004);
    // Activation, the server's start and the first check: the slowest step of a cold start.
    await vscode.statusItem('法治报告 3/6').waitFor({ timeout: 60_000 });
    expect(processesWith(serverBundle)).toHaveLength(1);
    await vscode.showProblems();
    for (const part of MISSING_PARTS_004) await vscode.problemRow(`缺少「${part}」部分`).waitFor();
    await vscode.problemRow('缺少「上一年度存在问题的整改情况」').waitFor();
    await screenshot('problems-004');
  });

  test('seed 004: the checklist view marks the missing parts ✗ (in red) and the others ✓', async () => {
    await vscode.collapseFolders(FOLDER_NAME);
    await vscode.runCommand(command('showChecklist'));
    await vscode.checklistPane().waitFor();
    for (const part of MISSING_PARTS_004) {
      const row = vscode.checklistRow(new RegExp(`✗ .*${part}`));
      await row.waitFor();
      await row.locator('[class*="monaco-decoration-itemColor"]').waitFor();
    }
    for (const part of FOUND_PARTS_004) await vscode.checklistRow(new RegExp(`✓ .*${part}`)).waitFor();
    await vscode.checklistRow(/✗ 上一年度存在问题的整改情况/).waitFor();
    await vscode.checklistDecorated();
    await screenshot('checklist-004');
  });

  test('clicking a checklist item reveals its place in the report', async () => {
    // 五、 is the heading on line 12 of seed 004 ("二、2024年推进法治政府建设存在的不足").
    await vscode.checklistRow(/✓ 五、推进法治政府建设存在的不足和原因/).click();
    await vscode.statusItem('Ln 12,').waitFor();
  });

  test('seed 002: a quick fix applies (法制宣传 → 法治宣传)', async () => {
    await vscode.openFile(SEED_002);
    await vscode.statusItem('法治报告 4/4').waitFor();
    await vscode.showProblems();
    await vscode.filterProblems('002_');
    // Double-click: go to the problem with the focus in the editor, as a drafter does.
    await vscode.problemRow('「法制宣传」应为「法治宣传」').dblclick();
    await vscode.statusItem('Ln 5,').waitFor();
    await vscode.page.locator('.editor-instance .monaco-editor.focused').waitFor();
    await vscode.page.keyboard.press('Control+.');
    const fix = vscode.codeActionItem('改为「法治宣传」');
    await fix.waitFor();
    await vscode.codeActionItem('查看规则说明（').waitFor(); // the rule's documentation is offered too
    await screenshot('quickfix-002');
    await vscode.page.keyboard.press('Enter'); // the preferred fix is focused
    await fix.waitFor({ state: 'hidden' });
    await vscode.problemRow('「法制宣传」应为「法治宣传」').waitFor({ state: 'detached' });
    await vscode.problemRow('「现进技术」应为「先进技术」').waitFor();
  });

  test('seed 002: saving runs source.fixAll.fzlint (editor.codeActionsOnSave)', async () => {
    await vscode.page.locator('.editor-instance .monaco-editor.focused').waitFor(); // the save goes to the report
    await vscode.page.keyboard.press('Control+S');
    await vscode.problemRow('「现进技术」应为「先进技术」').waitFor({ state: 'detached' });
    const path = join(folder, SEED_002);
    await expect.poll(() => readFileSync(path, 'utf8'), { timeout: 30_000, interval: 200 }).toContain('等先进技术应用');
    const saved = readFileSync(path, 'utf8');
    expect(saved).toContain('法治宣传');
    expect(saved).not.toContain('法制宣传');
    expect(saved).not.toContain('现进技术');
    expect(saved.length).toBe(readFileSync(join(ROOT, 'seeds', SEED_002), 'utf8').length);
  });

  test('修复全部问题 applies every certain fix of seed 004 (方法方法 → 方法)', async () => {
    await vscode.openFile(SEED_004);
    await vscode.showProblems();
    await vscode.filterProblems('004_');
    await vscode.problemRow('「方法」重复了').waitFor();
    await vscode.runCommand(command('fixAll'));
    await vscode.statusItem('修复全部 fzlint 问题（1 处）').waitFor();
    await vscode.problemRow('「方法」重复了').waitFor({ state: 'detached' });
    await vscode.goToLine(13);
    expect(await vscode.visibleText()).toContain('教育方法还需进一步创新');
  });

  test('重新加载规则 restarts the server; the report is checked again', async () => {
    await vscode.runCommand(command('reloadRules'));
    await vscode.statusItem('已重新加载规则并重新检查').waitFor({ timeout: 60_000 });
    await vscode.statusItem('法治报告 3/6').waitFor();
    await vscode.problemRow(`缺少「${MISSING_PARTS_004[0]}」部分`).waitFor();
  });

  test('the status bar item opens the checklist', async () => {
    await vscode.closePanel();
    await vscode.runCommand('View: Show Explorer');
    await vscode.collapseChecklist();
    await vscode.statusItem('法治报告 3/6').click();
    await vscode.checklistRow(/✓ .*推进法治政府建设的主要举措和成效/).waitFor();
  });

  test('插入报告模板 fills a new document with the six parts; the checklist finds all six', async () => {
    await vscode.runCommand('File: New Untitled Text File');
    await vscode.page.locator('.tabs-container .tab.active[aria-label^="Untitled"]').waitFor();
    await vscode.runCommand(command('insertTemplate'));
    await vscode.quickInput().locator('.quick-input-message', { hasText: '报告年度' }).waitFor();
    await vscode.page.keyboard.press('Control+A');
    await vscode.page.keyboard.type('2024');
    await vscode.page.keyboard.press('Enter');
    await vscode.quickInput().locator('.quick-input-message', { hasText: '报告单位' }).waitFor();
    await vscode.page.keyboard.type('广州市越秀区政务服务和数据管理局');
    await vscode.page.keyboard.press('Enter');
    await vscode.statusItem('法治报告 6/6').waitFor({ timeout: 30_000 });
    const text = await vscode.visibleText();
    expect(text).toContain('广州市越秀区政务服务和数据管理局2024年法治政府建设年度报告');
    // The last part is named with the year after the report's, as reports write it.
    expect(text).toContain('六、2025年推进法治政府建设的主要安排');
    await vscode.checklistRow(/✓ 六、下一年度推进法治政府建设的主要安排/).waitFor(); // the requirement, by its name in the format
    await vscode.checklistRow(/必备小节\s*1\/1/).waitFor();
    await vscode.checklistDecorated();
    await screenshot('template');
  });

  test('创建配置文件 writes .fzlint.yaml extending fzlint:recommended and opens it', async () => {
    await vscode.runCommand(command('createConfig'));
    await vscode.page.locator('.tabs-container .tab.active[aria-label^=".fzlint.yaml"]').waitFor();
    expect(readFileSync(join(folder, '.fzlint.yaml'), 'utf8')).toMatch(/^extends: fzlint:recommended/m);
  });

  test('查看规则说明: the rule id in the Problems panel opens the rule in the docs panel', async () => {
    await vscode.openFile(SEED_004);
    await vscode.showProblems();
    await vscode.filterProblems('004_');
    const row = vscode.problemRow(`缺少「${MISSING_PARTS_004[0]}」部分`);
    // The rule id after the message is a link (VS Code's Link widget), rewritten by the client to the command.
    await row.locator('.monaco-link', { hasText: 'gd2024/part-speeches' }).click();
    await vscode.page.locator('.tabs-container .tab[aria-label^="规则说明：gd2024/part-speeches"]').waitFor();
    const doc = await vscode.webviewWith('h3.fzlint-current', 'gd2024/part-speeches');
    expect(await doc.locator('h3.fzlint-current').count()).toBe(1);
    // The rule's own text follows its heading.
    expect(await doc.locator('h3.fzlint-current + p').innerText()).toMatch(/\p{Script=Han}/u);
    await screenshot('rule-doc');
  });

  test('the walkthrough opens with its five steps and the Chinese page of the first', async () => {
    await vscode.runCommand('Welcome: Open Walkthrough...');
    await vscode.page.keyboard.type(UI['walkthrough.title']!.slice(0, 30));
    await vscode.page.locator('.quick-input-list .monaco-list-row', { hasText: UI['walkthrough.title'] }).first().click();
    const steps = vscode.page.locator('.gettingStartedContainer .getting-started-step');
    for (const id of ['openReport', 'checklist', 'fixProblems', 'createConfig', 'yamlExtension']) {
      await steps.filter({ hasText: UI[`walkthrough.${id}.title`] }).first().waitFor();
    }
    await vscode.webviewWith('h1', '打开或新建一份报告');
    await screenshot('walkthrough');
  });

  test("the extension page shows the Chinese README (icon, no broken images)", async () => {
    await vscode.page.keyboard.press('Control+Shift+X');
    await vscode.page.locator('.extensions-viewlet').waitFor();
    await vscode.page.keyboard.type('@installed fzlint');
    await vscode.page.locator('.extensions-viewlet .monaco-list-row', { hasText: DISPLAY_NAME }).first().click();
    // Other webviews (the walkthrough's page, the rule docs) are open too: the one with the README's title.
    const readme = await vscode.webviewWith('h1', 'fzlint：法治政府建设年度报告检查');
    await readme.locator('h2', { hasText: '保存时自动修复' }).waitFor();
    expect(await readme.locator('img').count()).toBe(0);
    await screenshot('extension-page');
  });
});
