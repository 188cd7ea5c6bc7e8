// The bundles the .vsix ships (packages/vscode-extension/dist, made by `npm run build`): the
// server bundle runs on its own over node-ipc exactly as the client starts it, the checklist the
// view shows is built from its real answers, and the client bundle needs nothing but `vscode`.
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createProtocolConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-languageserver-protocol/node';
import type { ChecklistResult } from '@fzlint/server';
import { checklistTree, statusText, summarize, type ChecklistNode } from '../../packages/vscode-extension/src/checklist/model.js';
import { ROOT, seedPath } from '../helpers.js';
import { TestClient } from '../server/lsp-client.js';

const DIST = join(ROOT, 'packages/vscode-extension/dist');

let child: ChildProcess;
let client: TestClient;

beforeAll(async () => {
  child = fork(join(DIST, 'server.js'), ['--node-ipc'], { stdio: ['pipe', 'pipe', 'pipe', 'ipc'] });
  client = await TestClient.connect(createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child)), { folders: [join(ROOT, 'seeds')] });
});

afterAll(() => {
  client?.connection.dispose();
  child?.kill();
});

function labels(nodes: ChecklistNode[] | undefined): string[] {
  return (nodes ?? []).map((n) => `${n.label}${n.description ? ` | ${n.description}` : ''}`);
}

describe('bundled server (dist/server.js over node-ipc)', () => {
  test('seed 004: diagnostics for the missing parts, and the checklist tree marks them ✗', async () => {
    const uri = await client.open(seedPath('004'));
    const published = await client.diagnostics(uri, (p) => p.diagnostics.length > 0);
    expect(published.diagnostics.filter((d) => String(d.code).startsWith('gd2024/part-')).map((d) => d.code)).toEqual([
      'gd2024/part-speeches',
      'gd2024/part-xi-thought',
      'gd2024/part-first-responsible',
    ]);

    const result = (await client.connection.sendRequest('fzlint/checklist', { textDocument: { uri } })) as ChecklistResult;
    const tree = checklistTree(result);
    expect(tree.map((g) => `${g.label} ${g.description ?? ''}`.trim())).toEqual([
      '必备部分 3/6',
      '必备小节 0/1',
      '数据要点 3/6',
      '量化数据（主要举措各小节） 3/3',
      '上一年度问题整改和安排落实',
      '标题和落款 0/2',
    ]);
    expect(labels(tree[0]!.children)).toEqual([
      '✗ 一、学习贯彻习近平总书记重要讲话精神和党中央重大部署情况 | 缺少',
      '✗ 二、学习宣传贯彻习近平法治思想情况 | 缺少',
      '✗ 三、党政主要负责人履行推进法治建设第一责任人职责情况 | 缺少',
      '✓ 四、推进法治政府建设的主要举措和成效',
      '✓ 五、推进法治政府建设存在的不足和原因',
      '✓ 六、下一年度推进法治政府建设的主要安排',
    ]);
    // Found parts reveal their heading line; missing ones have no place to go.
    expect(tree[0]!.children!.map((n) => n.location?.range.start.line)).toEqual([undefined, undefined, undefined, 1, 11, 13]);
    expect(tree[0]!.children![3]!.location!.uri).toBe(uri);
    // No last year's report next to it: the reason is shown instead of items.
    expect(tree[4]!.children!.map((n) => n.label)).toEqual(['未与上一年度报告比较']);
    expect(tree[4]!.children![0]!.tooltip).toMatch(/^未找到「越秀区政务服务和数据管理局」2023年度的报告/);

    expect(statusText(summarize(result))).toBe('$(law) 法治报告 3/6 · $(error) 5 · $(warning) 2');
  });

  test("seed 000: last year's report (002) is found automatically; its problems are listed ✗ until addressed", async () => {
    const uri = await client.open(seedPath('000'));
    const result = (await client.connection.sendRequest('fzlint/checklist', { textDocument: { uri } })) as ChecklistResult;
    const previous = checklistTree(result).find((g) => g.id === 'previous')!;
    expect(previous.description).toBe('0/6');
    expect(previous.ok).toBe(false);
    const [file, ...items] = previous.children!;
    expect(file!.label).toBe('上一年度报告：002_07fb1cf96b8e0586.txt');
    expect(file!.description).toBe('自动查找');
    expect(file!.location?.uri).toMatch(/002_07fb1cf96b8e0586\.txt$/);
    expect(labels(items).slice(0, 3)).toEqual(['✗ 问题：数据壁垒待打破 | 未见整改', '✗ 问题：事项梳理存在较大难度 | 未见整改', '✗ 问题：内部管理和标准化建设方面存在一定困难 | 未见整改']);
    expect(items[0]!.tooltip).toContain('未找到整改说明');
  });

  test('an ordinary Markdown file gets no checklist (status not-report → empty tree, welcome text)', async () => {
    const uri = await client.open(join(ROOT, 'seeds', 'notes.md'), '# 会议记录\n\n一、项目进度\n\n本周完成了接口设计。\n', 'markdown');
    const result = (await client.connection.sendRequest('fzlint/checklist', { textDocument: { uri } })) as ChecklistResult;
    expect(result.status).toBe('not-report');
    expect(checklistTree(result)).toEqual([]);
  });
});

describe('client and template bundles', () => {
  test('dist/extension.js and dist/client.js require only vscode and Node built-ins (everything else is bundled)', () => {
    const allowed = new Set(['vscode', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    for (const file of ['extension.js', 'client.js']) {
      const code = readFileSync(join(DIST, file), 'utf8');
      const required = new Set([...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!));
      expect([...required].filter((m) => !allowed.has(m)), file).toEqual([]);
      expect(required.has('vscode'), file).toBe(true);
    }
  });

  test('activation loads neither the language client nor the engine (they are required on first use)', () => {
    const code = readFileSync(join(DIST, 'extension.js'), 'utf8');
    expect(code).not.toContain('LanguageClient');
    expect(code).not.toContain('stopwords');
    expect(code).toContain('dist/client.js');
    expect(code).toContain('dist/template.js');
    expect(readFileSync(join(DIST, 'client.js'), 'utf8')).toContain('LanguageClient');
  });

  test('dist/template.js loads in plain Node and builds the six-part skeleton', async () => {
    const template = createRequire(import.meta.url)(join(DIST, 'template.js')) as typeof import('../../packages/vscode-extension/src/template/index.js');
    const t = await template.buildReportTemplate({ year: 2024, unit: '广州市某区司法局', format: 'text', folderPath: join(ROOT, 'seeds') });
    expect(t.text?.split('\n')[0]).toBe('广州市某区司法局2024年法治政府建设年度报告');
    expect(t.text).toContain('六、2025年推进法治政府建设的主要安排');
  });
});
