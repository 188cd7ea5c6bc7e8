import { App } from './app.js';
import { BrowserChecker } from './checker.js';

/** Starts the page: loads the rules (built in), then checks whatever is in the text area. */
async function start(): Promise<void> {
  const checker = await BrowserChecker.create();
  new App(checker);
  document.body.dataset.ready = 'true';
}

start().catch((e: unknown) => {
  const status = document.getElementById('status');
  if (status) status.textContent = `启动失败：${(e as Error)?.message ?? String(e)}`;
});
