import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { expectNoStack, runBin, runMain } from './cli-helpers.js';

const BIN = join(ROOT, 'packages/cli/bin/fzlint.js');

describe('fzlint serve', () => {
  it('has its own help in Chinese, and the main help names it', async () => {
    const r = await runMain(['serve', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('用法：fzlint serve [--port 端口]')).toBe(true);
    expect(r.stdout).toContain('127.0.0.1');
    expect((await runMain(['--help'])).stdout).toContain('fzlint serve [--port 端口]');
  });

  it('refuses --port elsewhere, a bad port and file arguments with exit code 2', async () => {
    for (const [argv, message] of [
      [['--port', '80', 'a.txt'], '--port 只能用于 fzlint serve'],
      [['serve', '--port', 'x'], '--port：「x」不是非负整数'],
      [['serve', '--port', '70000'], '不是有效的端口'],
      [['serve', 'a.txt'], 'fzlint serve 不接受文件参数'],
    ] as const) {
      const r = await runMain([...argv]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(message);
    }
  });

  it('says so in one line when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
    const port = (blocker.address() as { port: number }).port;
    try {
      const r = runBin(['serve', '--port', String(port)]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`fzlint：端口 ${port} 已被占用：请用 --port 指定其他端口（--port 0 自动选择空闲端口）\n`);
      expectNoStack(r.stderr);
    } finally {
      blocker.close();
    }
  });

  it('serves only the page, on 127.0.0.1, and stops with exit code 0 on SIGTERM', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString('utf8');
        const found = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
        if (found) resolve(found[0]);
      });
      child.on('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
    });
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<title>fzlint 网页版');
    expect((await fetch(new URL('fzlint.html', url))).status).toBe(200);
    expect((await fetch(new URL('../../etc/passwd', url))).status).toBe(404);
    expect((await fetch(new URL('src/app.ts', url))).status).toBe(404);
    expect((await fetch(url, { method: 'POST', body: 'x' })).status).toBe(405);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
