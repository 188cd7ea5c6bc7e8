// The extension manifest (packages/vscode-extension/package.json) agrees with the server, the
// engine and the code: every server setting contributed with its default and resource scope,
// every command registered, editions offered that exist, VS Code versions consistent.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS } from '@fzlint/server';
import { createEngine } from '@fzlint/core';
import { ROOT } from '../helpers.js';

const EXT = join(ROOT, 'packages/vscode-extension');
const manifest = JSON.parse(readFileSync(join(EXT, 'package.json'), 'utf8'));
const contributes = manifest.contributes;
const HAN = /\p{Script=Han}/u;
const NLS_ZH = JSON.parse(readFileSync(join(EXT, 'package.nls.json'), 'utf8')) as Record<string, string>;
const NLS_EN = JSON.parse(readFileSync(join(EXT, 'package.nls.en.json'), 'utf8')) as Record<string, string>;

/** A manifest string as VS Code shows it: `%key%` replaced from package.nls.json (the default, Chinese). */
function shown(value: string): string {
  const m = /^%([^%]+)%$/.exec(value);
  return m ? NLS_ZH[m[1]!]! : value;
}

/** Every string value in the manifest, with its JSON path. */
function strings(value: unknown, path = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, `${path}.${k}`));
  return [];
}

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
      expect(shown(p.markdownDescription ?? p.description ?? ''), key).toMatch(HAN);
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
    const titles = Object.fromEntries(commands.map((c) => [c.command, shown(c.title)]));
    expect(titles).toMatchObject({
      'fzlint.insertTemplate': '插入报告模板',
      'fzlint.fixAll': '修复全部问题',
      'fzlint.showChecklist': '显示合规清单',
      'fzlint.reloadRules': '重新加载规则',
      'fzlint.createConfig': '创建配置文件',
      'fzlint.showRuleDoc': '查看规则说明',
    });
    for (const c of commands) expect(shown(c.title), c.command).toMatch(HAN);
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
    expect(shown(trust.description)).toMatch(HAN);
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
    expect(contributes.views.explorer).toEqual([expect.objectContaining({ id: 'fzlint.checklist', when: 'fzlint.active' })]);
    expect(shown(contributes.views.explorer[0].name)).toBe('合规清单');
  });
});

/** The files a `files` entry names: a path, or a folder and `*.ext`. */
function filesOf(entry: string): string[] {
  if (!entry.includes('*')) return existsSync(join(EXT, entry)) ? [entry] : [];
  const dir = dirname(entry);
  const pattern = new RegExp(`^${entry.slice(dir.length + 1).replace(/\./g, '\\.').replace(/\*/g, '[^/]*')}$`);
  return existsSync(join(EXT, dir)) ? readdirSync(join(EXT, dir)).filter((f) => pattern.test(f)).map((f) => `${dir}/${f}`) : [];
}

function packaged(path: string): boolean {
  return (manifest.files as string[]).some((entry) => filesOf(entry).includes(path));
}

describe('extension manifest: translations', () => {
  test('every %key% of package.json is defined in package.nls.json (Chinese) and package.nls.en.json (English)', () => {
    const used = strings(manifest).flatMap(([, v]) => [...v.matchAll(/^%([^%]+)%$/g)].map((m) => m[1]!));
    expect(used.length).toBeGreaterThan(40);
    for (const key of used) {
      expect(NLS_ZH[key], key).toMatch(HAN);
      expect(NLS_EN[key], key).toBeTruthy();
      expect(NLS_EN[key], key).not.toBe(NLS_ZH[key]);
    }
    // Nothing left over, and the same keys in both files.
    expect(Object.keys(NLS_ZH).sort()).toEqual([...new Set(used)].sort());
    expect(Object.keys(NLS_EN).sort()).toEqual(Object.keys(NLS_ZH).sort());
  });

  test('no user-facing manifest string is left untranslated', () => {
    const userFacing = /\.(displayName|description|title|name|label|contents|markdownDescription)$|\.enumDescriptions\[\d+\]$/;
    const literal = strings(manifest).filter(([path, v]) => userFacing.test(path) && HAN.test(v));
    expect(literal).toEqual([]);
  });

  test('command links in translated strings name commands that exist, the same in both languages', () => {
    const registered = new Set((contributes.commands as Array<{ command: string }>).map((c) => c.command));
    const links = (text: string) => [...text.matchAll(/\(command:([\w.]+)(\?[^)]*)?\)/g)].map((m) => m[1]!);
    for (const key of Object.keys(NLS_ZH)) {
      expect(links(NLS_EN[key]!), key).toEqual(links(NLS_ZH[key]!));
      for (const command of links(NLS_ZH[key]!)) expect(command.startsWith('fzlint.') ? registered.has(command) : command === 'workbench.extensions.search', command).toBe(true);
    }
  });

  test('runtime strings: every vscode.l10n.t message has an English translation with the same placeholders', () => {
    const l10nDir = join(EXT, manifest.l10n);
    const bundle = JSON.parse(readFileSync(join(l10nDir, 'bundle.l10n.en.json'), 'utf8')) as Record<string, string>;
    const sources = (dir: string): string[] =>
      readdirSync(join(EXT, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(`${dir}/${e.name}`) : e.name.endsWith('.ts') ? [`${dir}/${e.name}`] : []));
    const messages = new Set(sources('src').flatMap((f) => [...readFileSync(join(EXT, f), 'utf8').matchAll(/\bl10n\.t\('((?:[^'\\]|\\.)+)'/g)].map((m) => m[1]!)));
    expect(messages.size).toBeGreaterThan(30);
    expect(Object.keys(bundle).sort()).toEqual([...messages].sort());
    const placeholders = (s: string) => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();
    for (const [source, english] of Object.entries(bundle)) {
      expect(source).toMatch(/[\p{Script=Han}\uff00-\uffef]/u); // Chinese source strings
      expect(english, source).not.toMatch(/[\u3000-\u303f\uff00-\uffef]/); // no Chinese punctuation in the English text
      expect(placeholders(english), source).toEqual(placeholders(source));
    }
    expect(packaged('l10n/bundle.l10n.en.json')).toBe(true);
  });
});

describe('extension manifest: walkthrough and packaged files', () => {
  test('the walkthrough: Chinese steps, each with a packaged Markdown page and completion by its own command', () => {
    const [walkthrough] = contributes.walkthroughs as Array<{ id: string; title: string; steps: Array<{ id: string; title: string; description: string; media: { markdown: string }; completionEvents: string[] }> }>;
    expect(contributes.walkthroughs).toHaveLength(1);
    expect(shown(walkthrough!.title)).toMatch(HAN);
    const registered = new Set((contributes.commands as Array<{ command: string }>).map((c) => c.command));
    expect(walkthrough!.steps.map((s) => s.id)).toEqual(['openReport', 'checklist', 'fixProblems', 'createConfig', 'yamlExtension']);
    for (const step of walkthrough!.steps) {
      expect(shown(step.title), step.id).toMatch(HAN);
      expect(shown(step.description), step.id).toMatch(HAN);
      const page = readFileSync(join(EXT, step.media.markdown), 'utf8');
      expect(page, step.id).toMatch(/^# \p{Script=Han}/u);
      expect(packaged(step.media.markdown), step.media.markdown).toBe(true);
      expect(step.completionEvents.length, step.id).toBeGreaterThan(0);
      for (const event of step.completionEvents) {
        const command = /^onCommand:(.+)$/.exec(event)?.[1];
        if (command) expect(registered, event).toContain(command);
        else expect(event).toMatch(/^(onView:fzlint\.checklist|extensionInstalled:redhat\.vscode-yaml)$/);
      }
    }
  });

  test('the YAML extension is recommended by the walkthrough, not required', () => {
    expect(manifest.extensionDependencies).toBeUndefined();
    expect(readFileSync(join(EXT, 'walkthrough/yaml-extension.md'), 'utf8')).toContain('redhat.vscode-yaml');
  });

  test('every entry of "files" names files that exist after the build', () => {
    for (const entry of manifest.files as string[]) expect(filesOf(entry), entry).not.toEqual([]);
    for (const f of ['package.nls.json', 'package.nls.en.json']) expect(packaged(f), f).toBe(true);
  });
});
