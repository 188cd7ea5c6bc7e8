// The published fzlint and @fzlint/server packages are esbuild bundles of their compiled code
// (dist/): a few files instead of ~150 modules start twice as fast, and the package carries its
// dependencies, so it installs with nothing to fetch. Shared chunks hold code loaded on demand
// (.docx, PDF, output formats …); the PDF reader finds the Chinese CMaps in bundle/pdfjs/.
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { copyPdfAssets } from './pdf-assets.mjs';

export async function bundleNodePackage(pkgDir, entryPoints) {
  const outdir = join(pkgDir, 'bundle');
  rmSync(outdir, { recursive: true, force: true });
  let esbuild;
  try {
    esbuild = createRequire(join(pkgDir, 'package.json'))('esbuild');
  } catch (e) {
    // Without esbuild (a production install) the program runs from dist/, only slower to start.
    console.warn(`fzlint: packages/${basename(pkgDir)} not bundled (esbuild unavailable: ${e.message}); its bin uses dist/`);
    return;
  }
  await esbuild.build({
    entryPoints,
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Bundled CommonJS dependencies (word-extractor, vscode-languageserver …) call require() for Node's built-ins.
    banner: { js: "import { createRequire as __fzlintRequire } from 'node:module'; const require = __fzlintRequire(import.meta.url);" },
    legalComments: 'none',
    logLevel: 'warning',
  });
  copyPdfAssets(pkgDir, outdir);
}
