// How the engine reads a report (title, year, unit, region, edition) on documents shaped like the
// ones users have: the corpus of openings (accuracy measured and asserted) and properties that vary
// a report the way web pages do (furniture above the title, a title split over two lines).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { LintResult } from '@fzlint/core';
import { engine, readSeed, recommended, ROOT } from '../helpers.js';

const CORPUS = join(ROOT, 'test/corpus/openings');
/** Cases per property: 150 in `npm test`, more with FZLINT_FUZZ_RUNS (npm run fuzz). */
const RUNS = Math.max(150, Number(process.env.FZLINT_FUZZ_RUNS ?? 0));
const FIELDS = ['title', 'year', 'unit', 'region', 'edition'] as const;
type Field = (typeof FIELDS)[number];
type Reading = Record<Field, string | number | null>;

function reading(result: LintResult): Reading {
  const r = result.report;
  return {
    title: r.title?.value ?? null,
    year: r.year?.value ?? null,
    unit: r.unit?.value ?? null,
    region: r.region?.value ?? null,
    edition: r.edition?.id ?? null,
  };
}

async function lint(text: string, path: string) {
  return engine.lint(text, { path, config: await recommended() });
}

describe('corpus of report openings', () => {
  const expected = parse(readFileSync(join(CORPUS, 'expected.yaml'), 'utf8')) as Record<string, Reading>;

  it('lists every file of the folder, at least 40', () => {
    const files = readdirSync(CORPUS).filter((f) => f !== 'expected.yaml').sort();
    expect(Object.keys(expected).sort()).toEqual(files);
    expect(files.length).toBeGreaterThanOrEqual(40);
  });

  it('title, year, unit and edition are read right for at least 95 %; no region is ever wrong', async () => {
    const right: Record<Field, number> = { title: 0, year: 0, unit: 0, region: 0, edition: 0 };
    const misses: string[] = [];
    const names = Object.keys(expected);
    for (const name of names) {
      const got = reading(await lint(readFileSync(join(CORPUS, name), 'utf8'), join(CORPUS, name)));
      for (const f of FIELDS) {
        if (got[f] === (expected[name]![f] ?? null)) right[f]++;
        else misses.push(`${name} ${f}: ${JSON.stringify(got[f])} (expected ${JSON.stringify(expected[name]![f])})`);
        // A region may stay unknown, but a wrong one would pick the wrong template.
        if (f === 'region' && got.region !== null) expect(got.region, name).toBe(expected[name]!.region);
      }
    }
    const rate = (f: Field) => right[f] / names.length;
    console.info(`corpus of ${names.length} openings: ${FIELDS.map((f) => `${f} ${(100 * rate(f)).toFixed(1)} %`).join(', ')}${misses.length ? `\n  ${misses.join('\n  ')}` : ''}`);
    for (const f of ['title', 'year', 'unit', 'edition'] as const) expect(rate(f), misses.join('\n')).toBeGreaterThanOrEqual(0.95);
    expect(rate('region')).toBeGreaterThanOrEqual(0.9);
  });

  it('no error-level finding rests on a misread title: a report with a title is never told it has none', async () => {
    for (const [name, e] of Object.entries(expected)) {
      const result = await lint(readFileSync(join(CORPUS, name), 'utf8'), join(CORPUS, name));
      const missing = result.diagnostics.filter((d) => /\/title$/.test(d.ruleId) && d.message.startsWith('缺少标题'));
      if (e.title) expect(missing, name).toEqual([]);
      // Six-part errors only for Guangdong reports of 2023 on.
      const sixPart = result.diagnostics.filter((d) => d.ruleId.startsWith('gd2024/') && d.severity === 'error');
      if (e.edition !== 'guangdong-2024') expect(sixPart, name).toEqual([]);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Properties: page furniture above the title, a title split over two lines.

const two = (n: number) => String(n).padStart(2, '0');
const date = fc.record({ y: fc.integer({ min: 2015, max: 2026 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }), h: fc.integer({ min: 0, max: 23 }), mi: fc.integer({ min: 0, max: 59 }) });
const week = fc.constantFrom('一', '二', '三', '四', '五', '六', '日');
const source = fc.constantFrom('本网', '市政务服务数据管理局', '区司法局', '某县人民政府办公室', '信息科');
const count = fc.integer({ min: 0, max: 99999 });

/** One line of the furniture a government site puts around an article (own wording). */
const residueLine: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(date, week).map(([t, w]) => `今天是：${t.y}年${t.m}月${t.d}日 星期${w}`),
  fc.tuple(date, week).map(([t, w]) => `某某区人民政府 ${t.y}年${t.m}月${t.d}日星期${w}`),
  fc.tuple(date, source, count).map(([t, s, n]) => `发布时间：${t.y}-${two(t.m)}-${two(t.d)} ${two(t.h)}:${two(t.mi)} 来源：${s} 浏览次数：${n}`),
  fc.tuple(date, source).map(([t, s]) => `信息来源：${s} 发布日期：${t.y}-${two(t.m)}-${two(t.d)} 【字体：大 中 小】 【打印】`),
  fc.constantFrom('当前位置：首页 > 政务公开 > 法治政府建设', '您现在的位置 首页 > 信息公开 > 年度报告', '> 政务公开 > 部门文件', '首页 > 专题专栏'),
  fc.tuple(count, date).map(([n, t]) => `索引号：11440100MB2C${two(n % 100)}000X/${t.y}-${String(n).padStart(5, '0')}`),
  fc.tuple(source, date).map(([s, t]) => `发布机构：${s} 成文日期：${t.y}-${two(t.m)}-${two(t.d)}`),
  fc.constantFrom('文号：', '主题分类：综合政务', '公开方式：主动公开', '【打印】 【关闭】', '• 分享到', '• 打印本页', '扫一扫在手机打开当前页', '无障碍 简体|繁体', '无障碍阅读 关怀版 返回首页', '分享：', '字号：'),
  fc.tuple(date, count).map(([t, n]) => `Copyright © ${t.y} 某某市人民政府 版权所有 粤ICP备${n}号`),
  count.map((n) => `网站标识码：44${String(n).padStart(8, '0')}`),
  fc.tuple(date).map(([t]) => `某某县人民政府 ${t.y}-${two(t.m)}-${two(t.d)}`),
  count.map((n) => `阅读：${n}`),
  fc.constantFrom('某某市某局2023年法治政府建设年度报告_某某市人民政府门户网站'),
  // A site of model essays (范文网) around a copied report.
  fc.constantFrom('下面是小编为大家收集的法治政府建设年度报告，仅供参考。', '本文档由用户上传，若内容存在侵权，请联系删除。', '栏目：公文范文 来源：网友投稿', '免费下载本文档', '某某区2023年法治政府建设年度报告.docx', '附件：某局2024年度报告.pdf'),
);

interface Base {
  name: string;
  text: string;
  /** The line that holds the title alone. */
  titleLine: number;
}

/** Reports whose title stands alone on one line: the seeds that have one and the corpus's plain-text openings. */
function bases(): Base[] {
  const out: Base[] = [];
  for (const id of ['000', '001', '002'] as const) out.push({ name: `seed ${id}`, text: readSeed(id), titleLine: 0 });
  const expected = parse(readFileSync(join(CORPUS, 'expected.yaml'), 'utf8')) as Record<string, Reading>;
  for (const [name, e] of Object.entries(expected)) {
    if (!name.endsWith('.txt') || !e.title) continue;
    const lines = readFileSync(join(CORPUS, name), 'utf8').split('\n');
    const i = lines.indexOf(String(e.title));
    if (i >= 0) out.push({ name, text: lines.join('\n'), titleLine: i });
  }
  return out;
}

/** Where a title can be broken over two lines as drafters do: after its unit, or after its year. */
function splitPoints(title: string): number[] {
  const points = new Set<number>();
  const about = title.indexOf('关于');
  if (about > 1) points.add(about);
  const year = /(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年度?/.exec(title);
  // A year in brackets (…年度报告（2023年度）) moves to the next line with its bracket.
  if (year && year.index > 1) points.add(/[（(]$/.test(title.slice(0, year.index)) ? year.index - 1 : year.index);
  if (year && year.index + year[0].length < title.length - 4) points.add(year.index + year[0].length);
  return [...points];
}

describe('reading survives what web pages and drafters do to a report', () => {
  const all = bases();

  it('has reports to vary', () => {
    expect(all.length).toBeGreaterThanOrEqual(30);
  });

  it('any mix of residue lines above the title changes none of title, year, unit, region, edition', async () => {
    const config = await recommended();
    const before = new Map(all.map((b) => [b.name, reading(engine.lint(b.text, { path: 'r.txt', config }))]));
    fc.assert(
      fc.property(fc.constantFrom(...all), fc.array(residueLine, { minLength: 1, maxLength: 8 }), fc.boolean(), (base, residue, blankBetween) => {
        const lines = base.text.split('\n');
        const inserted = blankBetween ? residue.flatMap((l) => [l, '']) : residue;
        const text = [...inserted, ...lines].join('\n');
        expect(reading(engine.lint(text, { path: 'r.txt', config })), `${base.name}\n${inserted.join('\n')}`).toEqual(before.get(base.name));
      }),
      { numRuns: RUNS },
    );
  });

  it('a title split over two lines (after its unit or its year) reads the same, as one title', async () => {
    const config = await recommended();
    const cases = all.flatMap((b) => splitPoints(b.text.split('\n')[b.titleLine]!).map((at) => ({ b, at })));
    expect(cases.length).toBeGreaterThanOrEqual(30);
    fc.assert(
      fc.property(fc.constantFrom(...cases), fc.array(residueLine, { maxLength: 4 }), ({ b, at }, residue) => {
        const lines = b.text.split('\n');
        const title = lines[b.titleLine]!;
        const split = [...lines.slice(0, b.titleLine), title.slice(0, at), title.slice(at), ...lines.slice(b.titleLine + 1)];
        const want = reading(engine.lint(b.text, { path: 'r.txt', config }));
        const got = reading(engine.lint([...residue, ...split].join('\n'), { path: 'r.txt', config }));
        expect(got, `${b.name} split at ${at}: ${title.slice(0, at)} | ${title.slice(at)}`).toEqual(want);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('web residue is page furniture, never the report', () => {
  it('sentences that mention visits, dates or sources stay text; a 落款 date alone stays', async () => {
    const text = [
      '某局2024年法治政府建设年度报告',
      '2024年，某局坚持以习近平法治思想为指导。现将有关情况报告如下：',
      '一、推进法治政府建设的主要举措和成效',
      '政府网站全年访问次数12万次。',
      '一审：行政诉讼案件12件，胜诉10件。',
      '农历正月初一前完成走访慰问。',
      '某局',
      '2025-01-20',
    ].join('\n');
    const result = await lint(text, 'r.txt');
    expect(result.document.lineKinds.filter((k) => k === 'residue')).toEqual([]);
    expect(result.diagnostics.filter((d) => d.ruleId === 'web-residue')).toEqual([]);
  });

  it('a report in traditional script: offsets and quotes are the original\'s, fixes are written in its script', async () => {
    const text = '汕頭市金平區司法局2024年法治政府建設年度報告\n2024年，區司法局組織法制宣傳活動20場。\n';
    const result = await lint(text, 'r.txt');
    expect(result.document.original).toBe(text);
    expect(result.report.title?.value).toBe('汕頭市金平區司法局2024年法治政府建設年度報告');
    // The built-in 法制/法治 term rule, whatever its id.
    const term = result.diagnostics.find((d) => text.slice(d.start, d.end) === '法制宣傳' && d.fix)!;
    expect(term).toBeDefined();
    expect(term.message).toContain('「法制宣傳」');
    expect(term.fix!.edits[0]!.text).toBe('法治宣傳');
  });
});

describe('unit names of every kind', () => {
  const cases: Array<[string, string, string | null]> = [
    ['广东省人民政府办公厅2023年法治政府建设年度报告\n', '广东省人民政府办公厅', '广东省'],
    ['佛山高新技术产业开发区管委会2023年法治政府建设年度报告\n', '佛山高新技术产业开发区管委会', '广东省'],
    ['云浮市发展和改革委员会2024年法治政府建设年度报告\n', '云浮市发展和改革委员会', '广东省'],
    ['石门乡2022年度法治政府建设工作报告\n', '石门乡', null],
    ['大鹏新区2023年法治政府建设年度报告\n', '大鹏新区', '广东省'],
    ['中共韶关市浈江区委浈江区人民政府关于2024年度法治政府建设情况的报告\n', '中共韶关市浈江区委、浈江区人民政府', '广东省'],
    ['2022年，长寿区民政局坚持以习近平法治思想为指导，依法履行民政职责。\n', '长寿区民政局', '重庆市'],
    ['2021年，黄浦区人民政府办公室认真贯彻落实市委、市政府部署。\n', '黄浦区人民政府办公室', '上海市'],
  ];
  it.each(cases)('%s', async (text, unit, region) => {
    const result = await lint(`${text}一、主要举措和成效\n全年学法12次。\n`, 'r.txt');
    expect(result.report.unit?.value).toBe(unit);
    expect(result.report.region?.value ?? null).toBe(region);
  });
});

describe('a title that lacks what it should have is still the title', () => {
  it('某局2024年工作报告: read as the title, and the title rule says what it lacks (not 「缺少标题」)', async () => {
    const result = await lint('某局2024年工作报告\n2024年，某局坚持依法行政。\n一、主要举措和成效\n全年学法12次。\n', 'r.txt');
    expect(result.report.title?.value).toBe('某局2024年工作报告');
    const title = result.diagnostics.filter((d) => /\/title$/.test(d.ruleId)).map((d) => d.message);
    expect(title.some((m) => m.startsWith('标题应包含'))).toBe(true);
    expect(title.some((m) => m.startsWith('缺少标题'))).toBe(false);
  });
});

describe('region from place names in the body', () => {
  const head = '根据上级要求，现将我局2024年法治政府建设情况报告如下：\n一、主要举措和成效\n';
  it('a report that speaks of its own city again and again is placed there', async () => {
    const result = await lint(`${head}落实河源市法治建设要点，参加河源市学法考试，推动河源市营商环境法治化。\n`, 'r.txt');
    expect(result.report.region).toEqual({ value: '广东省', source: 'body', via: '河源市' });
  });
  it('a study trip to two cities of another province does not place it', async () => {
    const result = await lint(`${head}组织干部赴深圳市、广州市考察学习数字政府建设经验。\n`, 'r.txt');
    expect(result.report.region).toBeUndefined();
    expect(result.diagnostics.map((d) => d.ruleId)).toContain('fzlint/region-unknown');
  });
});
