#!/usr/bin/env node
import { existsSync, statSync } from 'node:fs';

const USAGE = `用法：fzlint-language-server --stdio | --node-ipc | --socket=端口

fzlint 的语言服务器（Language Server Protocol），由编辑器启动：VS Code 扩展、Neovim、
Emacs 等在配置中指定这条命令和一种通信方式。直接在终端运行没有意义。

选项：
  --stdio          通过标准输入输出通信（多数编辑器）
  --node-ipc       通过 Node.js IPC 通信（VS Code 扩展）
  --socket=端口    通过本机 TCP 端口通信
  -v, --version    显示版本
  -h, --help       显示帮助
`;

// The esbuild bundle (bundle/, the only code in the published package) unless, in a clone, the
// server, the engine or the host layer was compiled after it.
const mtime = (p) => statSync(new URL(p, import.meta.url), { throwIfNoEntry: false })?.mtimeMs;
const bundled = mtime('../bundle/index.js');
const compiled = ['../tsconfig.tsbuildinfo', '../../core/tsconfig.tsbuildinfo', '../../workspace/tsconfig.tsbuildinfo'].map(mtime);
const code = bundled !== undefined && compiled.every((t) => t === undefined || bundled >= t) ? '../bundle/index.js' : '../dist/index.js';

const args = process.argv.slice(2);
const transport = args.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket=') || a.startsWith('--pipe=') || a.startsWith('--clientProcessId'));
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(USAGE);
} else if (args.includes('--version') || args.includes('-v')) {
  const { SERVER_VERSION } = await import(code);
  process.stdout.write(`${SERVER_VERSION}\n`);
} else if (!transport) {
  process.stderr.write(`fzlint-language-server：没有指定通信方式\n\n${USAGE}`);
  process.exitCode = 2;
} else {
  const { keepAlive, startServer } = await import(code);
  const docs = new URL('../docs/rules.html', import.meta.url);
  keepAlive(startServer({ docsUrl: existsSync(docs) ? docs.href : undefined }));
}
