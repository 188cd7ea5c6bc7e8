// LSP benchmark: edit → diagnostics latency through the built server over stdio (debounce 0),
// the server's memory with 50 reports open, and whether it stays flat over 10,000 edits across
// them. Uses a real protocol client.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { row } from './util.mjs';

const EDITS = 200;

function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

/** A report of about `kb` KB (UTF-8): seed 001 whole, then body paragraphs of the other seeds until the size is reached. */
function report(root, kb, salt = '') {
  const seed = (n) => readFileSync(join(root, 'seeds', n), 'utf8');
  let text = seed('001_4d5ef86d9f493241.txt').replace('2024年法治政府建设年度报告', `2024年法治政府建设年度报告${salt}`);
  const filler = ['003_e57765646851685d.txt', '000_77e5e177b521e10d.txt', '002_07fb1cf96b8e0586.txt']
    .flatMap((n) => seed(n).split('\n').slice(1))
    .filter((l) => l.trim().length > 40 && !/^\s*[一二三四五六七八九十]+、/.test(l));
  let i = 0;
  while (Buffer.byteLength(text) < kb * 1024) text += `\n${filler[i++ % filler.length]}`;
  return text;
}

async function startServer(root) {
  const child = spawn(process.execPath, [join(root, 'packages/server/bin/fzlint-language-server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map();
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    const key = `${p.uri}@${p.version}`;
    waiting.get(key)?.(p);
    waiting.delete(key);
  });
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => ({ debounceMs: 0 })));
  connection.listen();
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(root).href,
    workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'bench' }],
    capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
  });
  await connection.sendNotification(InitializedNotification.type, {});
  const published = (uri, version) => new Promise((resolve) => waiting.set(`${uri}@${version}`, resolve));
  const stop = async () => {
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
    connection.dispose();
  };
  return { child, connection, published, stop };
}

async function open(server, uri, text) {
  const done = server.published(uri, 1);
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
  return done;
}

/** 200 single-character edits in the middle of the report (insert, then delete, alternately); each waits for its diagnostics. */
async function editLatency(root, kb) {
  const server = await startServer(root);
  const text = report(root, kb);
  const uri = pathToFileURL(join(root, `bench-${kb}kb.txt`)).href;
  const first = await open(server, uri, text);
  const lines = text.split('\n');
  const line = Math.floor(lines.length / 2);
  const times = [];
  for (let version = 2; version < EDITS + 2; version++) {
    const insert = version % 2 === 0;
    const range = insert ? { start: { line, character: 4 }, end: { line, character: 4 } } : { start: { line, character: 4 }, end: { line, character: 5 } };
    const done = server.published(uri, version);
    const t = performance.now();
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range, text: insert ? '字' : '' }] });
    await done;
    times.push(performance.now() - t);
  }
  await server.stop();
  return { p50: percentile(times, 50), p95: percentile(times, 95), bytes: Buffer.byteLength(text), diagnostics: first.diagnostics.length };
}

function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
}

/**
 * 10,000 single-character edits spread over 50 open reports (20 KB each), sent a round at a time
 * (one edit to each report, then their diagnostics awaited), every edit checked (debounce 0).
 * Each report gets as many inserts as deletes, so the texts end as they began: memory should too.
 * RSS is read after the first 1,000 edits (caches and JIT warm) and after all 10,000.
 */
async function rssOverEdits(root, { reports = 50, edits = 10_000 } = {}) {
  const server = await startServer(root);
  const docs = [];
  for (let i = 0; i < reports; i++) {
    const text = report(root, 20, `（${i}）`);
    const uri = pathToFileURL(join(root, `bench-edit-${i}.txt`)).href;
    await open(server, uri, text);
    docs.push({ uri, line: Math.floor(text.split('\n').length / 2), version: 1 });
  }
  const samples = [];
  for (let sent = 0; sent < edits; ) {
    const round = [];
    for (const doc of docs) {
      if (sent >= edits) break;
      const version = ++doc.version;
      const insert = version % 2 === 0;
      const range = insert ? { start: { line: doc.line, character: 4 }, end: { line: doc.line, character: 4 } } : { start: { line: doc.line, character: 4 }, end: { line: doc.line, character: 5 } };
      round.push(server.published(doc.uri, version));
      await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: doc.uri, version }, contentChanges: [{ range, text: insert ? '字' : '' }] });
      sent++;
    }
    await Promise.all(round);
    if (sent % 1000 === 0) samples.push({ edits: sent, rss: rssMb(server.child.pid) });
  }
  await server.stop();
  return samples;
}

/**
 * The same 10,000 edits to a language service in this process (no transport), with the heap
 * measured after a full garbage collection: what the server keeps, without the noise of RSS.
 */
async function heapOverEdits(root, { reports = 50, edits = 10_000 } = {}) {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc');
  const { LanguageService } = await import('../packages/server/dist/index.js');
  const { asyncFs } = await import('../packages/workspace/dist/index.js');
  const dir = mkdtempSync(join(tmpdir(), 'fzlint-bench-lsp-'));
  const service = new LanguageService({
    fs: asyncFs,
    capabilities: { workspace: { configuration: true } },
    workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'bench' }],
    settings: { pull: async () => ({ debounceMs: 0 }) },
    publishDiagnostics: () => {},
  });
  const { TextDocument } = await import('vscode-languageserver-textdocument');
  const docs = [];
  for (let i = 0; i < reports; i++) {
    const text = report(root, 20, `（${i}）`);
    const doc = TextDocument.create(pathToFileURL(join(dir, `bench-edit-${i}.txt`)).href, 'plaintext', 1, text);
    service.didOpen(doc);
    docs.push({ uri: doc.uri, line: Math.floor(text.split('\n').length / 2), version: 1 });
  }
  await service.idle();
  const heap = () => {
    gc();
    return process.memoryUsage().heapUsed / 2 ** 20;
  };
  const samples = [];
  for (let sent = 0; sent < edits; ) {
    for (const doc of docs) {
      if (sent >= edits) break;
      const version = ++doc.version;
      const insert = version % 2 === 0;
      const range = insert ? { start: { line: doc.line, character: 4 }, end: { line: doc.line, character: 4 } } : { start: { line: doc.line, character: 4 }, end: { line: doc.line, character: 5 } };
      service.didChange(doc.uri, version, [{ range, text: insert ? '字' : '' }]);
      sent++;
    }
    await service.idle();
    if (sent % 1000 === 0) samples.push({ edits: sent, heap: heap() });
  }
  service.dispose();
  rmSync(dir, { recursive: true, force: true });
  return samples;
}

async function rssWithReports(root, count) {
  const server = await startServer(root);
  for (let i = 0; i < count; i++) await open(server, pathToFileURL(join(root, `bench-open-${i}.txt`)).href, report(root, 20, `（${i}）`));
  await new Promise((r) => setTimeout(r, 200));
  const status = readFileSync(`/proc/${server.child.pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  await server.stop();
  return rssKb / 1024;
}

export async function benchLsp(root) {
  const rows = [];
  for (const [kb, target] of [
    [20, 20],
    [200, 100],
  ]) {
    const r = await editLatency(root, kb);
    const label = `lsp: edit→diagnostics ${kb} KB (${(r.bytes / 1024).toFixed(0)} KB, ${r.diagnostics} diagnostics, ${EDITS} edits, debounce 0)`;
    rows.push(row(`${label} p50`, r.p50, 'ms', '—', true));
    rows.push(row(`${label} p95`, r.p95, 'ms', `p95 ≤ ${target} ms`, r.p95 <= target));
  }
  const rss = await rssWithReports(root, 50);
  rows.push(row('lsp: server RSS with 50 reports (20 KB each) open', rss, 'MB', '≤ 150 MB', rss <= 150));
  const samples = await rssOverEdits(root);
  const first = samples[0];
  const last = samples[samples.length - 1];
  const peak = Math.max(...samples.map((s) => s.rss));
  rows.push(row(`lsp: server RSS over 10,000 edits across 50 reports (after 1,000: ${first.rss.toFixed(0)} MB, after 10,000: ${last.rss.toFixed(0)} MB, peak ${peak.toFixed(0)} MB) growth`, last.rss - first.rss, 'MB', '≤ 20 MB (flat)', last.rss - first.rss <= 20));
  const heaps = await heapOverEdits(root);
  const h0 = heaps[0];
  const h1 = heaps[heaps.length - 1];
  const hMax = Math.max(...heaps.map((s) => s.heap));
  rows.push(row(`lsp: language service heap after GC over the same edits, in-process (after 1,000: ${h0.heap.toFixed(1)} MB, after 10,000: ${h1.heap.toFixed(1)} MB, most ${hMax.toFixed(1)} MB) growth`, h1.heap - h0.heap, 'MB', '≤ 2 MB (flat)', h1.heap - h0.heap <= 2));
  return rows;
}
