#!/usr/bin/env node
// Debug aid: prints the outline and metadata the engine derives from a report.
// Usage: node scripts/outline.mjs FILE [--all]
import { readFileSync } from 'node:fs';
import { parseReport } from '../packages/core/dist/index.js';

const [file, flag] = process.argv.slice(2);
const doc = parseReport(readFileSync(file, 'utf8'), { path: file });
const { meta } = doc;
console.log('title:', meta.title?.text ?? '—');
console.log('year :', meta.year ? `${meta.year.value} (${meta.year.source})` : '—');
console.log('unit :', meta.unit ? `${meta.unit.value} (${meta.unit.source})` : '—');
console.log('sign :', meta.signature ? `${meta.signature.unit?.text ?? '—'} / ${meta.signature.date?.text ?? '—'}` : '—');
const walk = (n, indent) => {
  for (const c of n.children) {
    if (flag !== '--all' && c.kind === 'inline' && indent.length > 8) continue;
    const line = doc.lines.positionAt(c.start).line + 1;
    console.log(`${indent}${c.marker?.text ?? '#'}${c.midParagraph ? '*' : ''} [L${line} r${c.rank}] ${c.title.slice(0, 40)}`);
    walk(c, indent + '  ');
  }
};
walk(doc.outline, '');
