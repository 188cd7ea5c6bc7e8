// Bundles the compiled CLI (dist/) into bundle/ with esbuild: one entry for the command, one for
// the worker threads, shared chunks for code loaded on demand (.docx, formats …). Loading a few
// files instead of ~150 modules halves start-up time. bin/fzlint.js uses the bundle when it is
// at least as new as dist/main.js, and dist/ otherwise.
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { copyPdfAssets } from '../../../scripts/pdf-assets.mjs';

const cliDir = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function bundleCli() {
  const outdir = join(cliDir, 'bundle');
  rmSync(outdir, { recursive: true, force: true });
  let esbuild;
  try {
    esbuild = createRequire(join(cliDir, 'package.json'))('esbuild');
  } catch (e) {
    // Without esbuild (a production install) the CLI runs from dist/, only slower to start.
    console.warn(`fzlint: CLI not bundled (esbuild unavailable: ${e.message}); bin/fzlint.js uses dist/`);
    return;
  }
  await esbuild.build({
    entryPoints: { fzlint: join(cliDir, 'dist/main.js'), worker: join(cliDir, 'dist/worker.js'), launch: join(cliDir, 'dist/launch.js') },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Bundled CommonJS dependencies (word-extractor …) call require() for Node's built-ins.
    banner: { js: "import { createRequire as __fzlintRequire } from 'node:module'; const require = __fzlintRequire(import.meta.url);" },
    legalComments: 'none',
    logLevel: 'warning',
  });
  // The PDF reader (in a bundle chunk) finds the Chinese CMaps in bundle/pdfjs/.
  copyPdfAssets(cliDir, outdir);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await bundleCli();
