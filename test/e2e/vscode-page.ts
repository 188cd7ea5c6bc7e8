/**
 * Drives the VS Code workbench in Chromium through playwright-core: the few UI actions the
 * end-to-end test needs, each waiting for a selector (never a fixed delay).
 */
import { chromium, type Browser, type Frame, type Locator, type Page } from 'playwright-core';

export const CHROMIUM = process.env.FZLINT_CHROMIUM ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export class Workbench {
  /** `checklistTitle`: the 合规清单 view's name in the UI language (package.nls*.json). */
  constructor(
    readonly page: Page,
    private readonly checklistTitle: string,
  ) {}

  /** Opens code-server and waits until the workbench and the Explorer's file list are there. */
  async open(url: string, firstFile: string): Promise<void> {
    await this.page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120_000 });
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 120_000 });
    await this.explorerRow(firstFile).waitFor({ timeout: 120_000 });
  }

  explorerRow(name: string): Locator {
    return this.page.locator(`.explorer-folders-view .monaco-list-row[aria-label^="${name}"]`).first();
  }

  /** Opens a file with Quick Open (Ctrl+P) and waits for its editor tab. */
  async openFile(name: string): Promise<void> {
    await this.page.keyboard.press('Control+P');
    await this.quickInput().waitFor();
    await this.page.keyboard.type(name);
    await this.page.locator(`.quick-input-list .monaco-list-row[aria-label*="${name}"]`).first().click();
    await this.page.locator(`.tabs-container .tab.active[aria-label^="${name}"]`).waitFor();
    await this.page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
  }

  /** Runs a command from the command palette (F1) by its title. */
  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    await this.quickInput().waitFor();
    await this.page.keyboard.type(title);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().click();
  }

  quickInput(): Locator {
    return this.page.locator('.quick-input-widget:visible');
  }

  /** The Problems panel (View: Focus Problems), its rows. */
  async showProblems(): Promise<void> {
    await this.runCommand('View: Focus Problems (Errors, Warnings, Infos)');
    await this.page.locator('.markers-panel').waitFor();
  }

  /** Types into the Problems panel's filter box ('' clears it). */
  async filterProblems(text: string): Promise<void> {
    const box = this.page.locator('.part.panel').getByPlaceholder(/^Filter \(e\.g\./);
    await box.fill(text);
  }

  problemRow(text: string): Locator {
    return this.page.locator('.markers-panel .monaco-list-row', { hasText: text }).first();
  }

  statusItem(text: string): Locator {
    return this.page.locator('.statusbar-item', { hasText: text }).first();
  }

  /** A row of the 合规清单 view. */
  checklistRow(text: string | RegExp): Locator {
    return this.checklistPane().locator('.monaco-list-row', { hasText: text }).first();
  }

  /** Waits until every ✗ row of the checklist carries its (red) decoration; they arrive after the rows. */
  async checklistDecorated(): Promise<void> {
    const undecorated = this.checklistPane().locator('.monaco-list-row:not(:has([class*="monaco-decoration-itemColor"]))', { hasText: '✗' });
    await undecorated.first().waitFor({ state: 'detached' });
  }

  checklistPane(): Locator {
    return this.page.locator('.pane', { has: this.page.locator('.pane-header', { hasText: this.checklistTitle }) }).first();
  }

  /** Gives the sidebar's height to the other views: collapses the Explorer's pane of the folder `title`. */
  async collapseFolders(title: string): Promise<void> {
    const header = this.page.locator('.pane-header[aria-expanded="true"]', { has: this.page.locator('h3.title', { hasText: title }) }).first();
    if (await header.count()) await header.click();
  }

  /** Collapses the 合规清单 pane (so a test can see something else open it). */
  async collapseChecklist(): Promise<void> {
    const header = this.page.locator('.pane-header[aria-expanded="true"]', { has: this.page.locator('h3.title', { hasText: this.checklistTitle }) }).first();
    if (await header.count()) await header.click();
    await this.page.locator('.pane-header[aria-expanded="false"]', { has: this.page.locator('h3.title', { hasText: this.checklistTitle }) }).waitFor();
  }

  /** Drags the sash between the sidebar and the editor so the sidebar is `width` pixels wide. */
  async widenSidebar(width: number): Promise<void> {
    const box = await this.page.locator('.part.sidebar').boundingBox();
    if (!box) throw new Error('没有找到侧边栏');
    const y = box.y + box.height / 2;
    await this.page.mouse.move(box.x + box.width - 1, y);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + width, y, { steps: 5 });
    await this.page.mouse.up();
  }

  /** An entry of the quick fix / code action menu (Ctrl+.). */
  codeActionItem(text: string): Locator {
    return this.page.locator('.action-widget .monaco-list-row', { hasText: text }).first();
  }

  async closePanel(): Promise<void> {
    if (!(await this.page.locator('.part.panel').isVisible())) return;
    await this.runCommand('View: Toggle Panel Visibility');
    await this.page.locator('.part.panel').waitFor({ state: 'hidden' });
  }

  /**
   * The names in Developer: Show Running Extensions, once `expected` (an extension that must be
   * running by then) is listed.
   */
  async runningExtensions(expected: string): Promise<string> {
    await this.runCommand('Developer: Show Running Extensions');
    const editor = this.page.locator('.runtime-extensions-editor');
    await editor.locator('.monaco-list-row', { hasText: expected }).first().waitFor();
    return editor.innerText();
  }

  /** Go to Line (Ctrl+G) in the active editor. */
  async goToLine(line: number): Promise<void> {
    await this.page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await this.page.keyboard.press('Control+G');
    await this.quickInput().waitFor();
    await this.page.keyboard.type(String(line));
    await this.page.keyboard.press('Enter');
    await this.statusItem(`Ln ${line},`).waitFor();
  }

  /** The text of the active editor's visible lines. */
  async visibleText(): Promise<string> {
    return (await this.page.locator('.editor-instance .monaco-editor .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
  }

  /**
   * The webview frame (walkthrough page, rule docs, extension page) showing `selector` with `text`.
   * Webviews are nested iframes in an overlay of the workbench; which one is which is not in the DOM.
   */
  async webviewWith(selector: string, text: string, timeout = 30_000): Promise<Frame> {
    const deadline = Date.now() + timeout;
    for (;;) {
      for (const frame of this.page.frames()) {
        if (await frame.locator(selector, { hasText: text }).count().catch(() => 0)) return frame;
      }
      if (Date.now() > deadline) throw new Error(`没有找到显示 ${selector}「${text}」的网页视图`);
      await this.page.waitForTimeout(250); // polling the frames: there is no event for content inside a webview
    }
  }
}
