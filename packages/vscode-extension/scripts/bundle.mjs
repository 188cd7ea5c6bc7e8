// Bundles the VS Code extension after `tsc -b` (called by scripts/bundle.mjs): the activation
// code (src/extension.ts), the language client (src/client.ts), the language server
// (src/server-main.ts → @fzlint/server) and the report template (src/template/index.ts) as
// CommonJS for Node 20 with `vscode` external, and copies the rule packs and the JSON Schema the
// manifest points to. The .vsix is made from these by `npm run package`.
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export async function bundleExtension(root) {
  const ext = join(root, 'packages/vscode-extension');
  const { build } = await import('esbuild');
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    minify: true,
    keepNames: true,
    legalComments: 'none',
    logLevel: 'warning',
    absWorkingDir: ext,
    // @fzlint/server's compiled modules, not its published (ESM) bundle.
    conditions: ['fzlint-source'],
  };
  await Promise.all([
    build({ ...common, entryPoints: [join(ext, 'src/extension.ts')], outfile: join(ext, 'dist/extension.js') }),
    // The language client is loaded when the first report opens, not at activation (src/language-server.ts).
    build({ ...common, entryPoints: [join(ext, 'src/client.ts')], outfile: join(ext, 'dist/client.js') }),
    build({ ...common, entryPoints: [join(ext, 'src/server-main.ts')], outfile: join(ext, 'dist/server.js') }),
    // The report template needs the whole engine; the client requires it only when the command runs.
    build({ ...common, entryPoints: [join(ext, 'src/template/index.ts')], outfile: join(ext, 'dist/template.js') }),
  ]);

  // yamlValidation points at schema/fzlint.schema.json; the packs' own `$schema: ../schema/…` resolves beside it.
  rmSync(join(ext, 'rules'), { recursive: true, force: true });
  mkdirSync(join(ext, 'rules'), { recursive: true });
  for (const f of readdirSync(join(root, 'rules')).filter((f) => f.endsWith('.yaml'))) copyFileSync(join(root, 'rules', f), join(ext, 'rules', f));
  mkdirSync(join(ext, 'schema'), { recursive: true });
  copyFileSync(join(root, 'schema/fzlint.schema.json'), join(ext, 'schema/fzlint.schema.json'));
}
