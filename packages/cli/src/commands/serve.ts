import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_SERVE_PORT, type CliArgs } from '../args.js';
import { CliError, EXIT_OK } from '../exit-codes.js';
import type { MainOptions } from '../options.js';
import { WEB_PAGE_CSP, webPagePath } from '../web-page.js';

/** Only this machine can reach the page: a report never travels over a network, not even a local one. */
const HOST = '127.0.0.1';

/**
 * `fzlint serve`: serves the self-contained web page on 127.0.0.1 until Ctrl+C (or SIGTERM). The
 * page checks reports in the browser; the server only hands out the page itself.
 */
export async function runServe(args: CliArgs, options: MainOptions): Promise<number> {
  const path = webPagePath();
  let page: Buffer;
  try {
    page = await readFile(path);
  } catch {
    throw new CliError(`找不到网页文件 ${path}：从源码运行时请先执行 npm run build，安装的 fzlint 请重新安装`);
  }
  const server = createServer((req, res) => respond(req, res, page));
  const port = args.port ?? DEFAULT_SERVE_PORT;
  await listen(server, port);
  const { port: actual } = server.address() as AddressInfo;
  options.stdout.write(`fzlint 网页版已启动：http://${HOST}:${actual}/\n在浏览器中打开上面的网址；也可以不启动服务，直接打开 ${path}\n报告只在浏览器中检查，不会上传。按 Ctrl+C 停止。\n`);
  await stopped(server);
  return EXIT_OK;
}

function respond(req: IncomingMessage, res: ServerResponse, page: Buffer): void {
  const path = new URL(req.url ?? '/', `http://${HOST}`).pathname;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('只支持 GET 请求');
    return;
  }
  if (path === '/favicon.ico') {
    // Browsers ask for it by themselves; an empty answer keeps a 404 out of the page's console.
    res.writeHead(204).end();
    return;
  }
  if (path !== '/' && path !== '/fzlint.html') {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('没有这个页面：请打开 /');
    return;
  }
  res.writeHead(200, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': page.length,
    'Content-Security-Policy': WEB_PAGE_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : page);
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EADDRINUSE') reject(new CliError(`端口 ${port} 已被占用：请用 --port 指定其他端口（--port 0 自动选择空闲端口）`));
      else if (e.code === 'EACCES') reject(new CliError(`没有权限监听端口 ${port}：请用 --port 指定 1024 以上的端口`));
      else reject(new CliError(`无法启动网页服务：${e.message}`));
    });
    server.listen(port, HOST, () => resolve());
  });
}

/** Resolves when Ctrl+C or SIGTERM has closed the server (open connections are closed too). */
function stopped(server: Server): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop).off('SIGTERM', stop);
      server.closeAllConnections();
      server.close(() => resolve());
    };
    process.on('SIGINT', stop).on('SIGTERM', stop);
  });
}
