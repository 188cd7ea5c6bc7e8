import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SERVER_BIN } from './lsp-client.js';
import { Workspace } from './workspace.js';

/**
 * A client that is not VS Code: Debian's neovim (0.7) with its built-in LSP client, headless.
 * CI installs it (scripts/ci/setup-neovim.sh); without nvim locally the test is skipped and says so.
 */
const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const hasNvim = nvim.status === 0;
if (!hasNvim) console.warn('跳过 Neovim 测试：本机没有 nvim（安装：bash scripts/ci/setup-neovim.sh；CI 会自动安装）');

let ws: Workspace | undefined;
afterEach(() => {
  ws?.dispose();
  ws = undefined;
});

describe('Neovim built-in LSP client', () => {
  it.skipIf(!hasNvim)(`receives the diagnostics for seed 004 (${hasNvim ? nvim.stdout.split('\n')[0] : 'nvim not installed'})`, () => {
    ws = new Workspace();
    const report = ws.seed('004');
    const out = ws.path('diagnostics.json');
    const run = spawnSync('nvim', ['--headless', '--clean', '-n', '-c', `luafile ${join(import.meta.dirname, 'neovim-client.lua')}`, report], {
      cwd: ws.root,
      encoding: 'utf8',
      timeout: 60000,
      env: { ...process.env, FZLINT_SERVER: SERVER_BIN, FZLINT_OUT: out, FZLINT_ROOT: ws.root },
    });
    expect(run.error).toBeUndefined();
    const result = JSON.parse(readFileSync(out, 'utf8')) as { ok: boolean; server: boolean; diagnostics: Array<{ lnum: number; col: number; severity: number; message: string; source: string; code?: string }> };
    expect(result.ok).toBe(true);
    expect(result.server).toBe(true);
    const missing = result.diagnostics.filter((d) => d.message.startsWith('缺少「'));
    expect(missing.map((d) => [d.lnum, d.col, d.severity])).toEqual([
      [1, 0, 1],
      [1, 0, 1],
      [1, 0, 1],
    ]);
    expect(missing.map((d) => d.message.slice(0, 12))).toEqual(['缺少「学习贯彻习近平总书', '缺少「学习宣传贯彻习近平', '缺少「党政主要负责人履行']);
    expect(result.diagnostics.every((d) => d.source === 'fzlint')).toBe(true);
  });
});
