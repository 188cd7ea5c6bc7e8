#!/usr/bin/env node
// `npm run package`: builds the workspace (tsc + bundles), checks that the .vsix would hold only
// what the extension needs, packages it with @vscode/vsce and checks its size.
// Prints the path of the .vsix on the last line (test/e2e reads it).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ext = join(dirname(fileURLToPath(import.meta.url)), '..');
const root = join(ext, '../..');
const MAX_BYTES = 2 * 1024 * 1024;
/** Everything the .vsix may contain (besides vsce's own manifest files). */
const ALLOWED = [
  /^package\.json$/,
  /^README\.md$/, // vsce lists the README whatever `files` says; the packaged one comes from --readme-path
  /^CHANGELOG\.md$/,
  /^dist\/(extension|client|server|template)\.js$/,
  /^rules\/[a-z0-9-]+\.yaml$/,
  /^schema\/fzlint\.schema\.json$/,
  /^docs\/(rules|rule-kinds)\.html$/,
  /^images\/icon\.png$/,
  /^package\.nls(\.en)?\.json$/,
  /^l10n\/bundle\.l10n\.en\.json$/,
  /^walkthrough\/[a-z0-9-]+\.md$/,
];

function fail(message) {
  console.error(`package: ${message}`);
  process.exit(1);
}

const vsce = join(dirname(createRequire(join(ext, 'package.json')).resolve('@vscode/vsce/package.json')), 'vsce');
const run = (args) => execFileSync(process.execPath, [vsce, ...args], { cwd: ext, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
// The README's screenshots (images/screenshot-*.png) are not packaged: VS Code's extension page
// shows README images only from https URLs. With FZLINT_IMAGES_BASE_URL (where images/ is served,
// e.g. the repository's raw files) vsce points the README's images there, as the Marketplace needs;
// without it the packaged README leaves the screenshots out rather than show broken images.
const imagesBaseUrl = process.env.FZLINT_IMAGES_BASE_URL;
const flags = ['--no-dependencies', '--skip-license', '--allow-missing-repository'];
// The README is packaged through --readme-path (so it is not in `files`).
if (imagesBaseUrl) flags.push('--baseImagesUrl', imagesBaseUrl, '--readme-path', 'README.md');
else flags.push('--no-rewrite-relative-links', '--readme-path', 'dist/README.md');

execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit', cwd: root });

const files = run(['ls', '--no-dependencies'])
  .split('\n')
  .map((l) => l.trim())
  .filter(Boolean);
const unexpected = files.filter((f) => !ALLOWED.some((re) => re.test(f)));
if (unexpected.length) fail(`这些文件不应打进 .vsix：${unexpected.join(', ')}`);
for (const needed of ['dist/extension.js', 'dist/client.js', 'dist/server.js', 'dist/template.js', 'schema/fzlint.schema.json', 'images/icon.png', 'CHANGELOG.md', 'package.nls.json', 'package.nls.en.json', 'l10n/bundle.l10n.en.json']) {
  if (!files.includes(needed)) fail(`.vsix 缺少 ${needed}`);
}
if (!files.some((f) => f.startsWith('rules/'))) fail('.vsix 缺少规则包 rules/*.yaml');
if (!files.some((f) => f.startsWith('walkthrough/'))) fail('.vsix 缺少入门演练的说明 walkthrough/*.md');

if (!imagesBaseUrl) {
  const readme = readFileSync(join(ext, 'README.md'), 'utf8').replace(/^!\[[^\]]*\]\(images\/screenshot-[^)]+\)\n\n?/gm, '');
  mkdirSync(join(ext, 'dist'), { recursive: true });
  writeFileSync(join(ext, 'dist/README.md'), readme);
}

const { name, version } = JSON.parse(readFileSync(join(ext, 'package.json'), 'utf8'));
const out = join(ext, `${name}-${version}.vsix`);
run(['package', ...flags, '--out', out]);
const size = statSync(out).size;
console.log(`package: ${relative(root, out)} ${(size / 1024).toFixed(0)} KiB, ${files.length} files`);
if (size > MAX_BYTES) fail(`.vsix 有 ${(size / 1024 / 1024).toFixed(2)} MiB，超过 2 MiB 的上限`);
console.log(out);
