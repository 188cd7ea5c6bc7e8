// One report, every format a reviewer receives: typed text, a .docx with automatic numbering and
// a real table, a PDF laid out by a word processor, a Word 97 .doc and a saved-as .wps. The
// structural findings must not depend on the format: a reader that loses a number, splits a
// table or keeps a page number shows up here.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { json, runMain, tempDir, type EslintFile } from '../cli/cli-helpers.js';
import { ROOT } from '../helpers.js';
import { reportDocx, reportPdf } from './report-files.js';

/** A folder for reports of the fictional 青禾县, held to the Guangdong template like the real ones they imitate. */
function reportDir(): string {
  const dir = tempDir();
  writeFileSync(join(dir, '.fzlint.yaml'), 'extends: fzlint:recommended\nregion: 广东\n');
  return dir;
}

const FIXTURES = join(ROOT, 'test/fixtures/inputs');

/** What a finding says about the report, wherever it sits in the file. */
const finding = (m: EslintFile['messages'][number]) => `${m.ruleId} ${m.message}`;

describe.each([
  ['a complete report', 'report', 0],
  ['a report missing a part, with a rate over 100% in its table and no signature', 'report-broken', 3],
])('%s as .txt, .docx, .pdf, .doc', (_name, base, expected) => {
  it('gives the same findings in every format', async () => {
    const dir = reportDir();
    const text = readFileSync(join(FIXTURES, `${base}.txt`), 'utf8');
    copyFileSync(join(FIXTURES, `${base}.txt`), join(dir, 'report.txt'));
    writeFileSync(join(dir, 'report.docx'), reportDocx(text, { header: '青禾县市场监督管理局', footnote: '本报告数据截至2024年12月31日。' }));
    writeFileSync(join(dir, 'report.pdf'), await reportPdf(text, { header: '青禾县市场监督管理局' }));
    copyFileSync(join(FIXTURES, `${base}.doc`), join(dir, 'report.doc'));
    const files = ['report.txt', 'report.docx', 'report.pdf', 'report.doc'];
    const r = await runMain(['-f', 'json', ...files], { cwd: dir });
    const results = json<EslintFile[]>(r.stdout);
    expect(results.map((f) => f.filePath.slice(dir.length + 1))).toEqual(files);
    const [txt, ...others] = results.map((f) => f.messages.map(finding));
    expect(txt).toHaveLength(expected);
    for (const [i, other] of others.entries()) expect(other, files[i + 1]).toEqual(txt);
  });
});

it('the .wps fixture is the .doc format under WPS’s name and reads the same', async () => {
  const dir = reportDir();
  copyFileSync(join(FIXTURES, 'report.doc'), join(dir, 'a.doc'));
  copyFileSync(join(FIXTURES, 'report.wps'), join(dir, 'b.wps'));
  const [doc, wps] = json<Array<EslintFile & { report: Record<string, unknown> }>>((await runMain(['-f', 'json', 'a.doc', 'b.wps'], { cwd: dir })).stdout);
  expect(wps!.messages).toEqual(doc!.messages);
  expect(wps!.report).toMatchObject({ kind: 'doc', title: '青禾县市场监督管理局2024年法治政府建设年度报告', year: 2024 });
});
