// Builds the web page: the engine (with the rule packs embedded in the core by scripts/build.mjs),
// the .docx reader and the page's script bundled for the browser, then inlined with the style
// into one HTML file that works from disk (file://) or from `fzlint serve`. It loads nothing else.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Where the page goes: shipped with the command (`fzlint serve` serves it). */
export const PAGE_OUTPUT = join(webDir, '../cli/web/fzlint.html');

/**
 * The page uses only the built-in rule packs, which the core loads without validating them; the
 * JSON Schema validator (ajv, a tenth of the page) is for users' own config files, which the page
 * never reads. A stand-in says so if it were ever reached.
 */
const withoutConfigValidator = {
  name: 'without-config-validator',
  setup(build) {
    build.onResolve({ filter: /^ajv$/ }, () => ({ path: 'ajv', namespace: 'fzlint-web-stub' }));
    build.onLoad({ filter: /.*/, namespace: 'fzlint-web-stub' }, () => ({
      contents: "export class Ajv { constructor() { throw new Error('网页版只使用内置规则，不读取自定义配置'); } }",
      loader: 'js',
    }));
  },
};

export async function buildWebPage() {
  let esbuild;
  try {
    esbuild = createRequire(join(webDir, '../cli/package.json'))('esbuild');
  } catch (e) {
    console.warn(`fzlint: web page not built (esbuild unavailable: ${e.message})`);
    return undefined;
  }
  const result = await esbuild.build({
    entryPoints: [join(webDir, 'dist/main.js')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: ['chrome109', 'firefox115', 'safari16'],
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'warning',
    plugins: [withoutConfigValidator],
  });
  // A script inside <script> must not contain its end tag; `<\/` means the same in JS strings and regexes.
  const script = result.outputFiles[0].text.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
  const style = readFileSync(join(webDir, 'src/page.css'), 'utf8');
  const template = readFileSync(join(webDir, 'src/page.html'), 'utf8');
  const html = template.replace('/*STYLE*/', () => style).replace('/*SCRIPT*/', () => script);
  mkdirSync(dirname(PAGE_OUTPUT), { recursive: true });
  writeFileSync(PAGE_OUTPUT, html);
  return PAGE_OUTPUT;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildWebPage();
