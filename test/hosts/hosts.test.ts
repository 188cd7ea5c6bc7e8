import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../../packages/server/src/server.js';
import type { ChecklistResult } from '../../packages/server/src/protocol.js';
import { json, runMain } from '../cli/cli-helpers.js';
import { TestClient } from '../server/lsp-client.js';
import { HOST_CASES, type HostCase } from './host-cases.js';

/** What a host decided for a case, in the terms of the table. */
interface Outcome {
  checked: boolean;
  previous: string | null;
  refusal?: string;
  rules: Set<string>;
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function workspace(c: HostCase): string {
  const root = mkdtempSync(join(tmpdir(), 'fzlint-hosts-'));
  dirs.push(root);
  for (const [rel, content] of Object.entries(c.files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), content);
  }
  return root;
}

type JsonFile = { messages: Array<{ ruleId: string | null; message: string }>; report: { previous?: string } };

async function viaCli(c: HostCase): Promise<Outcome> {
  const root = workspace(c);
  const r = await runMain(['-f', 'json', c.report, ...(c.previous ? ['--previous', c.previous] : [])], { cwd: root });
  // A last-year report that cannot be used stops the run before any output (exit 2), as a config error does.
  if (r.code === 2 && !r.stdout) return { checked: true, previous: null, refusal: r.stderr, rules: new Set() };
  const files = json<JsonFile[]>(r.stdout);
  if (!files.length) return { checked: false, previous: null, rules: new Set() };
  const [file] = files;
  const fatal = file!.messages.find((m) => m.ruleId === null);
  return {
    checked: true,
    previous: file!.report.previous ? relative(root, file!.report.previous) : null,
    refusal: fatal?.message,
    rules: new Set(file!.messages.map((m) => m.ruleId).filter((id): id is string => !!id)),
  };
}

async function viaServer(c: HostCase): Promise<Outcome> {
  const root = workspace(c);
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  startServer({ connection: createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient)) });
  const client = await TestClient.connect(createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer)), {
    folders: [root],
    settings: { debounceMs: 0, previous: c.previous ?? '' },
  });
  try {
    // The editor decodes the report; the server reads everything else itself.
    const uri = await client.open(join(root, c.report));
    const checklist = (await client.connection.sendRequest('fzlint/checklist', { textDocument: { uri } })) as ChecklistResult;
    if (checklist.status !== 'checked') return { checked: false, previous: null, rules: new Set() };
    const published = await client.current(uri);
    const refusal = published.diagnostics.find((d) => d.code === 'fzlint/previous-unreadable')?.message;
    return {
      checked: true,
      previous: checklist.previous.status === 'found' && checklist.previous.path ? relative(root, checklist.previous.path) : null,
      refusal,
      rules: new Set(published.diagnostics.map((d) => String(d.code))),
    };
  } finally {
    await client.stop();
  }
}

function check(outcome: Outcome, c: HostCase): void {
  expect(outcome.checked).toBe(c.expect.checked);
  if (!c.expect.checked) return;
  if (c.expect.previous !== undefined) expect(outcome.previous).toBe(c.expect.previous);
  if (c.expect.refused) expect(outcome.refusal).toContain(c.expect.refused);
  for (const id of c.expect.rules ?? []) expect(outcome.rules.has(id), id).toBe(true);
  for (const id of c.expect.notRules ?? []) expect(outcome.rules.has(id), id).toBe(false);
}

describe('one case table, two hosts: the command line and the language server decide alike', () => {
  for (const c of HOST_CASES) {
    it(c.name, async () => {
      const [cli, server] = [await viaCli(c), await viaServer(c)];
      check(cli, c);
      check(server, c);
      // Beyond the table's expectations, the two hosts agree with each other.
      expect(server.previous).toBe(cli.previous);
      // The rules both report (host-only findings aside) are the same.
      const engineRules = (s: Set<string>) => [...s].filter((id) => !id.startsWith('fzlint/')).sort();
      if (!c.expect.refused) expect(engineRules(server.rules)).toEqual(engineRules(cli.rules));
    });
  }
});
