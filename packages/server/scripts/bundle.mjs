// Bundles the compiled language server (dist/) into bundle/ with esbuild: the published package
// carries its dependencies (the engine, the host layer, vscode-languageserver) in a few files and
// installs with nothing to fetch. bin/fzlint-language-server.js uses the bundle when it is at least
// as new as the last compile; in a clone without esbuild it runs from dist/.
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { copyPdfAssets } from '../../../scripts/pdf-assets.mjs';

const serverDir = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function bundleServer() {
  const outdir = join(serverDir, 'bundle');
  rmSync(outdir, { recursive: true, force: true });
  let esbuild;
  try {
    esbuild = createRequire(join(serverDir, 'package.json'))('esbuild');
  } catch (e) {
    console.warn(`fzlint: language server not bundled (esbuild unavailable: ${e.message}); bin/ uses dist/`);
    return;
  }
  await esbuild.build({
    entryPoints: { index: join(serverDir, 'dist/index.js') },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Bundled CommonJS dependencies (vscode-languageserver, word-extractor …) call require() for Node's built-ins.
    banner: { js: "import { createRequire as __fzlintRequire } from 'node:module'; const require = __fzlintRequire(import.meta.url);" },
    legalComments: 'none',
    logLevel: 'warning',
  });
  // The PDF reader (in a bundle chunk) finds the Chinese CMaps in bundle/pdfjs/.
  copyPdfAssets(serverDir, outdir);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await bundleServer();
