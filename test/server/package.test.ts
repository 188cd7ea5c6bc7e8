import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { tempDir } from '../cli/cli-helpers.js';
import { cleanUpAfterEachTest } from './cleanup.js';
import { TestClient } from './lsp-client.js';
import { Workspace } from './workspace.js';

/**
 * The published language server: `npm pack` in packages/server gives a tarball that installs with
 * no network (no dependencies: the bundle carries the engine, the host layer and the protocol
 * library) and serves an editor from wherever it is installed. `npm test` has just built the
 * bundle, so the pack skips its prepack build.
 */
cleanUpAfterEachTest();

let prefix: string;
let bin: string;
let files: string[];
let manifest: Record<string, unknown>;

beforeAll(() => {
  const out = tempDir();
  const packed = JSON.parse(execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', out], { cwd: join(ROOT, 'packages/server'), encoding: 'utf8' })) as Array<{ filename: string; files: Array<{ path: string }> }>;
  files = packed[0]!.files.map((f) => f.path);
  prefix = join(out, 'prefix');
  execFileSync('npm', ['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', join(out, packed[0]!.filename)], { cwd: out, encoding: 'utf8', env: { ...process.env, npm_config_cache: join(out, 'empty-cache') } });
  bin = join(prefix, 'bin', 'fzlint-language-server');
  manifest = JSON.parse(readFileSync(join(prefix, 'lib/node_modules/@fzlint/server/package.json'), 'utf8'));
}, 120_000);

describe('the @fzlint/server package (npm pack, installed offline)', () => {
  it('holds the bundle, the Chinese PDF CMaps, the rule docs and its README; no dependencies', () => {
    for (const f of ['bin/fzlint-language-server.js', 'bundle/index.js', 'bundle/pdfjs/cmaps/UniGB-UCS2-H.bcmap', 'docs/rules.html', 'README.md']) expect(files).toContain(f);
    expect(files.some((f) => f.startsWith('dist/'))).toBe(false);
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(readdirSync(join(prefix, 'lib/node_modules/@fzlint/server'))).not.toContain('node_modules');
    const version = spawnSync(bin, ['--version'], { encoding: 'utf8', env: { PATH: process.env.PATH } });
    expect(version.stdout.trim()).toBe(manifest.version);
  });

  it('serves an editor: a report opened gets its diagnostics, linked to the installed rule docs', async () => {
    const ws = new Workspace();
    const client = await TestClient.start({ bin, folders: [ws.root], settings: { debounceMs: 0 } });
    const uri = await client.open(ws.seed('004'));
    const { diagnostics } = await client.current(uri);
    const part = diagnostics.find((d) => d.code === 'gd2024/part-speeches');
    expect(part).toBeDefined();
    const href = part!.codeDescription!.href;
    const installed = realpathSync(join(prefix, 'lib/node_modules/@fzlint/server/docs/rules.html'));
    expect(realpathSync(fileURLToPath(href.replace(/#.*/, '')))).toBe(installed);
    expect(readFileSync(installed, 'utf8')).toContain('id="gd2024/part-speeches"');
    expect(client.stderr.join('')).toBe('');
  });
});
