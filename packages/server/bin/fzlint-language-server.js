#!/usr/bin/env node
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

const args = process.argv.slice(2);
const transport = args.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket=') || a.startsWith('--pipe=') || a.startsWith('--clientProcessId'));
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(USAGE);
} else if (args.includes('--version') || args.includes('-v')) {
  const { SERVER_VERSION } = await import('../dist/version.js');
  process.stdout.write(`${SERVER_VERSION}\n`);
} else if (!transport) {
  process.stderr.write(`fzlint-language-server：没有指定通信方式\n\n${USAGE}`);
  process.exitCode = 2;
} else {
  const { keepAlive, startServer } = await import('../dist/index.js');
  const { existsSync } = await import('node:fs');
  const docs = new URL('../docs/rules.html', import.meta.url);
  keepAlive(startServer({ docsUrl: existsSync(docs) ? docs.href : undefined }));
}
