// pdf.js reads Chinese fonts that carry no encoding of their own through its CMaps. A bundled host
// (the CLI's bundle/, the extension's dist/) ships the ones Chinese reports need in pdfjs/cmaps next
// to its code, where the PDF reader looks first (packages/workspace/src/inputs/pdf/read-pdf.ts).
import { cpSync, mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Simplified (GB) and traditional (CNS, Big5) character collections; Identity-H is built into pdf.js. */
const CHINESE_CMAP = /^(Adobe-GB1|Adobe-CNS1|GB|UniGB|B5|ETen|HKscs|CNS|UniCNS)/;

export function copyPdfAssets(fromPackageDir, destDir) {
  const pdfjs = dirname(createRequire(join(fromPackageDir, 'package.json')).resolve('pdfjs-dist/package.json'));
  const cmaps = join(destDir, 'pdfjs', 'cmaps');
  mkdirSync(cmaps, { recursive: true });
  for (const f of readdirSync(join(pdfjs, 'cmaps'))) {
    if (CHINESE_CMAP.test(f) || f === 'LICENSE') cpSync(join(pdfjs, 'cmaps', f), join(cmaps, f));
  }
}
