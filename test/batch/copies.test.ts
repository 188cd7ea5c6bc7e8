import { writeFileSync, mkdirSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_COPY_SETTINGS, findCopies, type CopyReport } from '@fzlint/core';
import { describe, expect, it } from 'vitest';
import { json, runMain, tempDir } from '../cli/cli-helpers.js';
import { ROOT } from '../helpers.js';

const BATCH = join(ROOT, 'test/fixtures/batch/reports');

interface EslintFile {
  filePath: string;
  messages: Array<{ ruleId: string; line: number; endLine: number; message: string }>;
}

/** The copy findings of a run, as `file:line message`. */
async function copyFindings(args: string[], cwd = ROOT): Promise<string[]> {
  const run = await runMain(['-f', 'json', ...args], { cwd });
  expect(run.stderr).toBe('');
  return json<EslintFile[]>(run.stdout)
    .flatMap((f) => f.messages.filter((m) => m.ruleId === 'fzlint/copied-passage').map((m) => `${f.filePath.slice(f.filePath.lastIndexOf('/reports/') + 9)}:${m.line}-${m.endLine} ${m.message}`))
    .sort();
}

describe('copied passages in a batch (fixture: 7 reports, 6 units, 2023 and 2024)', () => {
  it('finds the copied pair and the near copy with names swapped, and nothing else', async () => {
    expect(await copyFindings([BATCH])).toEqual([
      '2024/新会区人力资源和社会保障局.txt:11-11 与《新会区市场监督管理局》第10段基本相同（约 85% 的文字一致）',
      '2024/新会区市场监督管理局.txt:11-11 与《新会区人力资源和社会保障局》第10段基本相同（约 84% 的文字一致）',
      '2024/江海区司法局.txt:11-12 与《2024/蓬江区司法局》第10–11段相同',
      '2024/蓬江区司法局.txt:11-12 与《江海区司法局》第10–11段相同',
    ]);
  });

  it('names the other report and its lines in JSON', async () => {
    const run = await runMain(['-f', 'json', join(BATCH, '2024')]);
    const files = json<Array<{ filePath: string; messages: Array<{ ruleId: string; related?: Array<{ filePath: string; line: number; endLine: number; message: string }> }> }>>(run.stdout);
    const jianghai = files.find((f) => f.filePath.endsWith('江海区司法局.txt'))!;
    const copy = jianghai.messages.find((m) => m.ruleId === 'fzlint/copied-passage')!;
    expect(copy.related).toEqual([{ filePath: join(BATCH, '2024/蓬江区司法局.txt'), line: 11, column: 1, endLine: 12, endColumn: expect.any(Number), message: '《江海区司法局》第10–11段与此处相同' }]);
  });

  it('points each finding at the other report (SARIF related location)', async () => {
    const run = await runMain(['-f', 'sarif', join(BATCH, '2024')]);
    const sarif = json<{ runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }>; relatedLocations?: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } }; message: { text: string } }> }> }> }>(run.stdout);
    const copies = sarif.runs[0]!.results.filter((r) => r.ruleId === 'fzlint/copied-passage');
    expect(copies).toHaveLength(4);
    for (const c of copies) {
      const here = decodeURIComponent(c.locations[0]!.physicalLocation.artifactLocation.uri);
      const there = decodeURIComponent(c.relatedLocations![0]!.physicalLocation.artifactLocation.uri);
      expect(there).not.toBe(here);
      expect(c.relatedLocations![0]!.physicalLocation.region.startLine).toBe(11);
      expect(c.relatedLocations![0]!.message.text).toMatch(/^《.+》第10(–11)?段与此处(基本)?相同$/);
    }
  });

  it('is off for a single file, with --rule fzlint/copied-passage:off, and follows copies.threshold', async () => {
    expect(await copyFindings([join(BATCH, '2024/江海区司法局.txt')])).toEqual([]);
    expect(await copyFindings(['--rule', 'fzlint/copied-passage:off', BATCH])).toEqual([]);
    const dir = tempDir();
    cpSync(BATCH, join(dir, 'reports'), { recursive: true });
    writeFileSync(join(dir, '.fzlint.yaml'), 'extends: fzlint:recommended\ncopies:\n  threshold: 0.95\n');
    expect((await copyFindings(['reports'], dir)).map((f) => f.split(' ')[0])).toEqual(['2024/江海区司法局.txt:11-12', '2024/蓬江区司法局.txt:11-12']);
    writeFileSync(join(dir, '.fzlint.yaml'), 'extends: fzlint:recommended\nrules:\n  fzlint/copied-passage: off\n');
    expect(await copyFindings(['reports'], dir)).toEqual([]);
  });

  it('rejects a bad copies setting with its place in the config', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'r'));
    writeFileSync(join(dir, 'r/a.txt'), '某单位2024年法治政府建设年度报告\n');
    writeFileSync(join(dir, '.fzlint.yaml'), 'extends: fzlint:recommended\ncopies:\n  threshold: 2\n');
    const run = await runMain(['r'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\.fzlint\.yaml:3:\d+/);
  });
});

// A paragraph of one unit's own measures, and pieces the variations use.
const OWN =
  '（二）执法监督常态化。我们每季度抽查行政处罚案卷，从立案、调查取证到法制审核逐环节打分，全年评查案卷212宗，发现并整改问题35个，对评查中发现的共性问题印发提示函，督促承办人员限期补正。';
const OTHER =
  '（二）公共法律服务提质。街道公共法律服务工作站全部实现律师值班，全年解答法律咨询4870人次，办理法律援助案件265件，法律援助案件质量评估优良率保持在九成以上。';
const FORMULA = '2024年，在区委、区政府的坚强领导下，我局坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大和二十届二中、三中全会精神，深入学习贯彻习近平法治思想，现将有关情况报告如下。';

function report(unit: string, body: string[], year: number | undefined = 2024): CopyReport {
  return { text: `${unit}${year ?? ''}年法治政府建设年度报告\n${body.join('\n')}\n`, year, unit, settings: { ...DEFAULT_COPY_SETTINGS } };
}

function pairs(reports: CopyReport[]): string[] {
  return findCopies(reports).flatMap((list, i) => list.map((m) => `${i}→${m.other}${m.identical ? ' identical' : ''}`));
}

describe('copy search: variations of a copied paragraph', () => {
  const filler = (n: number) => [`（一）第${n}项工作。本单位围绕年度任务开展了第${n}轮专项检查，形成问题清单并逐项销号，相关台账已归档备查。`];

  it.each([
    ['the same paragraph', OWN],
    ['half-width punctuation and spaces', OWN.replace(/，/g, ', ').replace(/（/g, '(').replace(/）/g, ')')],
    ['other figures', OWN.replace('212', '187').replace('35', '9')],
    ['a unit name and a few words swapped', OWN.replace('我们', '本局').replace('逐环节打分', '逐个环节打分').replace('限期补正', '按期补正')],
    ['full-width digits', OWN.replace('212', '２１２')],
  ])('%s is found on both reports', (_label, copy) => {
    const found = pairs([report('甲区司法局', [OWN, ...filler(1)]), report('乙区司法局', [...filler(2), copy])]);
    expect(found.map((f) => f.replace(' identical', ''))).toEqual(['0→1', '1→0']);
  });

  it('reads paragraphs of files with CRLF or lone CR line ends', () => {
    const a = report('甲区司法局', [OWN, ...filler(1)]);
    const b = report('乙区司法局', [...filler(2), OWN]);
    a.text = a.text.replace(/\n/g, '\r');
    b.text = b.text.replace(/\n/g, '\r\n');
    const found = findCopies([a, b]);
    expect(found.map((l) => l.length)).toEqual([1, 1]);
    expect(a.text.slice(found[0]![0]!.start, found[0]![0]!.end)).toBe(OWN);
    expect(b.text.slice(found[1]![0]!.start, found[1]![0]!.end)).toBe(OWN);
  });

  it('tells an identical copy from a near one', () => {
    expect(pairs([report('甲区司法局', [OWN]), report('乙区司法局', [OWN])])).toEqual(['0→1 identical', '1→0 identical']);
    expect(pairs([report('甲区司法局', [OWN]), report('乙区司法局', [OWN.replace('我们', '本局')])])).toEqual(['0→1', '1→0']);
  });

  it('does not take paragraphs on the same topic in the usual words for copies', () => {
    expect(pairs([report('甲区司法局', [OWN]), report('乙区司法局', [OTHER])])).toEqual([]);
  });

  it('does not count the formulas many units share, however long', () => {
    // Two reports with the same opening cannot tell a formula from a copy; three units can.
    expect(pairs([report('甲区司法局', [FORMULA, OWN]), report('乙区司法局', [FORMULA, OTHER])])).toEqual(['0→1 identical', '1→0 identical']);
    expect(pairs([report('甲区司法局', [FORMULA, OWN]), report('乙区司法局', [FORMULA, OTHER]), report('丙区司法局', [FORMULA, ...filler(3)])])).toEqual([]);
    // A formula inside a paragraph does not make the rest of it a copy.
    const closing = (plan: string) => `${FORMULA.replace('现将有关情况报告如下。', '')}重点是${plan}。`;
    const withClosing = [
      report('甲区司法局', [closing('完成镇街法制审核人员轮训，推动复议决定书网上公开')]),
      report('乙区司法局', [closing('建设园区法律服务驿站，扩大律师进企业的覆盖面')]),
      report('丙区司法局', [closing('推广欠薪预警监测，提升仲裁办案效率')]),
    ];
    expect(pairs(withClosing)).toEqual([]);
    // A paragraph three units have is a shared text (a notice's wording), not one unit's copy …
    const three = [report('甲区司法局', [OWN]), report('乙区司法局', [OWN]), report('丙区司法局', [OWN])];
    expect(pairs(three)).toEqual([]);
    // … unless copies.commonIn says it takes more units.
    for (const r of three) r.settings!.commonIn = 4;
    expect(pairs(three)).toHaveLength(6);
  });

  it('compares only reports of the same year by different units', () => {
    expect(pairs([report('甲区司法局', [OWN], 2023), report('乙区司法局', [OWN], 2024)])).toEqual([]);
    expect(pairs([report('甲区司法局', [OWN], 2024), report('甲区司法局', [OWN], 2024)])).toEqual([]);
    expect(pairs([report('甲区司法局', [OWN], undefined), report('乙区司法局', [OWN], 2024)])).toHaveLength(2);
  });

  it('reports only on reports whose finding is on, and not below minChars', () => {
    const [a, b] = [report('甲区司法局', [OWN]), report('乙区司法局', [OWN])];
    delete b.settings;
    expect(pairs([a, b])).toEqual(['0→1 identical']);
    a.settings!.minChars = 500;
    expect(pairs([a, b])).toEqual([]);
  });

  it('does not compare titles, headings or text after the body', () => {
    const heading = '一、深入学习宣传贯彻习近平法治思想和党中央关于法治政府建设的决策部署情况';
    expect(pairs([report('甲区司法局', [heading, ...filler(1)]), report('乙区司法局', [heading, ...filler(2)])])).toEqual([]);
    const a = report('甲区司法局', filler(1));
    const b = report('乙区司法局', filler(2));
    a.bodyEnd = a.text.length;
    a.text += `${OWN}\n`;
    b.bodyEnd = b.text.length;
    b.text += `${OWN}\n`;
    expect(pairs([a, b])).toEqual([]);
  });
});
