// The extension manifest (packages/vscode-extension/package.json) agrees with the server, the
// engine and the code: every server setting contributed with its default and resource scope,
// every command registered, editions offered that exist, VS Code versions consistent.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS } from '@fzlint/server';
import { createEngine } from '@fzlint/core';
import { ROOT } from '../helpers.js';

const EXT = join(ROOT, 'packages/vscode-extension');
const manifest = JSON.parse(readFileSync(join(EXT, 'package.json'), 'utf8'));
const contributes = manifest.contributes;
const HAN = /\p{Script=Han}/u;

function minVersion(range: string): number[] {
  const m = /^\^?(\d+)\.(\d+)\.(\d+)$/.exec(range);
  if (!m) throw new Error(`unexpected version range ${range}`);
  return m.slice(1).map(Number);
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

describe('extension manifest', () => {
  test('settings: exactly the server settings, same defaults, resource scope, Chinese descriptions', () => {
    const props = contributes.configuration.properties as Record<string, { default: unknown; scope: string; markdownDescription?: string; description?: string }>;
    expect(Object.keys(props).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).map((k) => `fzlint.${k}`).sort());
    for (const [key, value] of Object.entries(DEFAULT_SETTINGS)) {
      const p = props[`fzlint.${key}`]!;
      expect(p.default, key).toEqual(value);
      expect(p.scope, key).toBe('resource');
      expect(p.markdownDescription ?? p.description, key).toMatch(HAN);
    }
  });

  test('fzlint.edition offers the editions the built-in rules define', async () => {
    const config = await createEngine({ readFile: async () => '' }).loadConfig({ cwd: ROOT });
    const offered = contributes.configuration.properties['fzlint.edition'].enum as string[];
    expect(offered.filter((e) => e && e !== 'auto').sort()).toEqual(config.editions.map((e) => e.id).sort());
  });

  test('commands: Chinese titles, each registered by the client', () => {
    const source = readFileSync(join(EXT, 'src/extension.ts'), 'utf8');
    const registered = [...source.matchAll(/registerCommand\('([^']+)'/g)].map((m) => m[1]);
    const commands = contributes.commands as Array<{ command: string; title: string }>;
    expect(commands.map((c) => c.command).sort()).toEqual([...registered].sort());
    const titles = Object.fromEntries(commands.map((c) => [c.command, c.title]));
    expect(titles).toMatchObject({
      'fzlint.insertTemplate': '插入报告模板',
      'fzlint.fixAll': '修复全部问题',
      'fzlint.showChecklist': '显示合规清单',
      'fzlint.reloadRules': '重新加载规则',
      'fzlint.createConfig': '创建配置文件',
    });
    for (const c of commands) expect(c.title, c.command).toMatch(HAN);
    const menuCommands = Object.values(contributes.menus as Record<string, Array<{ command: string }>>).flat().map((m) => m.command);
    for (const c of menuCommands) expect(registered, c).toContain(c);
  });

  test('activation: Markdown, plain text and workspaces with .fzlint.yaml only', () => {
    expect(manifest.activationEvents).toEqual(['onLanguage:markdown', 'onLanguage:plaintext', 'workspaceContains:**/.fzlint.yaml', 'workspaceContains:**/.fzlint.yml']);
  });

  test('VS Code versions: engines.vscode ≥ 1.91 covers the language client and the API types used', () => {
    const engine = minVersion(manifest.engines.vscode);
    expect(compare(engine, [1, 91, 0])).toBeGreaterThanOrEqual(0);
    expect(compare(engine, [1, 100, 0])).toBeLessThanOrEqual(0); // code-server 4.100 (the e2e test) can install it
    const languageClient = JSON.parse(readFileSync(join(ROOT, 'node_modules/vscode-languageclient/package.json'), 'utf8'));
    expect(compare(engine, minVersion(languageClient.engines.vscode))).toBeGreaterThanOrEqual(0);
    const types = JSON.parse(readFileSync(join(ROOT, 'node_modules/@types/vscode/package.json'), 'utf8'));
    expect(compare(minVersion(types.version), engine)).toBeLessThanOrEqual(0);
    const server = JSON.parse(readFileSync(join(ROOT, 'node_modules/vscode-languageserver-protocol/package.json'), 'utf8'));
    const clientProtocol = JSON.parse(readFileSync(join(ROOT, 'node_modules/vscode-languageclient/package.json'), 'utf8')).dependencies['vscode-languageserver-protocol'];
    expect(clientProtocol).toBe(server.version);
  });

  test('workspace trust: limited, with a Chinese reason, restricting only settings that exist', () => {
    const trust = manifest.capabilities.untrustedWorkspaces;
    expect(trust.supported).toBe('limited');
    expect(trust.description).toMatch(HAN);
    for (const key of trust.restrictedConfigurations) expect(contributes.configuration.properties).toHaveProperty([key]);
  });

  test('yamlValidation points at the schema the build copies into the package', () => {
    const [entry] = contributes.yamlValidation;
    expect(entry.fileMatch).toContain('.fzlint.yaml');
    const schema = join(EXT, entry.url);
    expect(existsSync(schema)).toBe(true);
    expect(readFileSync(schema, 'utf8')).toBe(readFileSync(join(ROOT, 'schema/fzlint.schema.json'), 'utf8'));
  });

  test('the checklist view lives in the Explorer and is shown only once the extension is active', () => {
    expect(contributes.views.explorer).toEqual([expect.objectContaining({ id: 'fzlint.checklist', name: '合规清单', when: 'fzlint.active' })]);
  });
});
