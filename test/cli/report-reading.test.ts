// What the CLI says it read a report to be (title, year, unit, region, edition and where each came
// from), and the options that decide the region and the edition.
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedPath } from '../helpers.js';
import { json, runMain, tempDir, type EslintFile } from './cli-helpers.js';

type WithReport = EslintFile & { report: Record<string, unknown> };

const UNPLACED = '某局2024年法治政府建设年度报告\n2024年，某局坚持以习近平法治思想为指导，依法履行职责。现将有关情况报告如下：\n一、主要举措和成效\n全年开展学法活动12次。\n';

describe('report metadata in the output', () => {
  it('JSON `report` carries title, year, unit, region and edition, each with where it came from', async () => {
    const dir = tempDir();
    copyFileSync(seedPath('000'), join(dir, 'huadu-2022.txt'));
    copyFileSync(seedPath('004'), join(dir, 'yuexiu-2024.txt'));
    const r = await runMain(['-f', 'json', '.'], { cwd: dir });
    const files = json<WithReport[]>(r.stdout);
    const huadu = files.find((f) => f.filePath.endsWith('huadu-2022.txt'))!.report;
    expect(huadu).toMatchObject({
      title: '广州市花都区政务服务数据管理局2022年法治政府建设年度报告',
      year: 2022,
      unit: '广州市花都区政务服务数据管理局',
      region: '广东省',
      regionVia: '广州市',
      edition: 'national-2019',
      sources: { title: 'title', year: 'title', unit: 'title', region: 'unit', edition: 'year' },
    });
    expect(huadu.editionBecause).toContain('2023年度起');
    const yuexiu = files.find((f) => f.filePath.endsWith('yuexiu-2024.txt'))!.report;
    expect(yuexiu).toMatchObject({ year: 2024, unit: '越秀区政务服务和数据管理局', region: '广东省', regionVia: '越秀区', edition: 'guangdong-2024', sources: { year: 'opening', unit: 'opening', region: 'unit' } });
    expect(yuexiu.title).toBeUndefined();
  });

  it('stylish prints what was read under the file name', async () => {
    const dir = tempDir();
    copyFileSync(seedPath('001'), join(dir, 'longgang.txt'));
    const r = await runMain(['longgang.txt'], { cwd: dir });
    expect(r.stdout).toContain('《深圳市龙岗区政务服务和数据管理局2024年法治政府建设年度报告》 · 2024年度（标题） · 深圳市龙岗区政务服务和数据管理局（标题） · 广东省（单位名称「深圳市」）');
    expect(r.stdout).toContain('按「广东省六部分格式（2023年度起）」检查：广东省2024年度报告');
  });
});

describe('options that decide the region and the edition', () => {
  it('--region, the config\'s region: and the report\'s own front matter, in that order of weight', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), UNPLACED);
    const bare = json<WithReport[]>((await runMain(['-f', 'json', 'a.txt'], { cwd: dir })).stdout)[0]!;
    expect(bare.report).toMatchObject({ edition: 'national-2019' });
    expect(bare.report.region).toBeUndefined();
    expect(bare.messages.map((m) => m.ruleId)).toContain('fzlint/region-unknown');

    const flagged = json<WithReport[]>((await runMain(['-f', 'json', '--region', '广东', 'a.txt'], { cwd: dir })).stdout)[0]!;
    expect(flagged.report).toMatchObject({ region: '广东省', edition: 'guangdong-2024', sources: { region: 'config' } });

    writeFileSync(join(dir, '.fzlint.yaml'), 'extends: fzlint:recommended\nregion: 广东\n');
    const configured = json<WithReport[]>((await runMain(['-f', 'json', 'a.txt'], { cwd: dir })).stdout)[0]!;
    expect(configured.report).toMatchObject({ region: '广东省', edition: 'guangdong-2024' });

    writeFileSync(join(dir, 'b.md'), `---\nregion: 湖南\n---\n\n# ${UNPLACED}`);
    const own = json<WithReport[]>((await runMain(['-f', 'json', 'b.md'], { cwd: dir })).stdout)[0]!;
    expect(own.report).toMatchObject({ region: '湖南省', edition: 'national-2019', sources: { region: 'front-matter' } });
  });

  it('an unknown --edition or --region is a usage error that names the nearest valid value', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), UNPLACED);
    const edition = await runMain(['--edition', 'guangdong2024', 'a.txt'], { cwd: dir });
    expect(edition.code).toBe(2);
    expect(edition.stderr).toContain('--edition：未知的模板版本「guangdong2024」，是否要写「guangdong-2024」？');
    const region = await runMain(['--region', '广栋', 'a.txt'], { cwd: dir });
    expect(region.code).toBe(2);
    expect(region.stderr).toContain('--region：未知的地区「广栋」');
    const pinned = json<WithReport[]>((await runMain(['-f', 'json', '--edition', 'guangdong-2024', 'a.txt'], { cwd: dir })).stdout)[0]!;
    expect(pinned.report).toMatchObject({ edition: 'guangdong-2024', sources: { edition: 'pinned' } });
  });

  it('--print-config shows the region and which editions are bound to a region', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.fzlint.yaml'), 'extends: fzlint:recommended\nregion: 广东省\n');
    writeFileSync(join(dir, 'a.txt'), UNPLACED);
    const out = json<{ region?: string; editions: Array<{ id: string; regions?: string[]; default?: boolean }> }>((await runMain(['--print-config', 'a.txt'], { cwd: dir })).stdout);
    expect(out.region).toBe('广东省');
    expect(out.editions).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'guangdong-2024', regions: ['广东省'] }), expect.objectContaining({ id: 'national-2019', default: true })]));
  });
});
