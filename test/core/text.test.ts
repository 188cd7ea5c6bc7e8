import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePattern, findFigures, formatChineseNumeral, LineIndex, parseChineseNumeral } from '@fzlint/core';
import { requiredLiteral } from '../../packages/core/src/text/regex.js';
import { maxMatchLength } from '../../packages/core/src/text/regex-length.js';
import { RE2JS } from 're2js';
import { findWords, shieldedBy } from '../../packages/core/src/text/keywords.js';
import { findMidParagraphMarkers } from '../../packages/core/src/document/markers.js';

describe('LineIndex', () => {
  it('handles \\n, \\r\\n and lone \\r, UTF-16 columns', () => {
    const idx = new LineIndex('甲\r\n乙\r丙\n😀丁');
    expect(idx.lineCount).toBe(4);
    expect(idx.positionAt(3)).toEqual({ line: 1, character: 0 });
    expect(idx.positionAt(5)).toEqual({ line: 2, character: 0 });
    expect(idx.positionAt(9)).toEqual({ line: 3, character: 2 });
    expect(idx.offsetAt({ line: 3, character: 2 })).toBe(9);
    expect(idx.lineText(0)).toBe('甲');
    expect(idx.offsetAt({ line: 99, character: 0 })).toBe(10);
  });
});

describe('Chinese numerals', () => {
  it.each([
    ['一', 1], ['十', 10], ['十一', 11], ['二十', 20], ['二十三', 23], ['一百零五', 105], ['二〇二四', 2024],
  ])('%s = %d', (s, n) => {
    expect(parseChineseNumeral(s)).toBe(n);
    if (n < 1000 && s !== '二〇二四') expect(formatChineseNumeral(n)).toBe(s);
  });
  it('rejects non-numerals', () => expect(parseChineseNumeral('一是')).toBeUndefined());
});

describe('figures', () => {
  const units = (s: string) => findFigures(s).map((f) => s.slice(f.start, f.end));
  it('finds counts, rates and large numbers', () => {
    expect(units('党组会19次、数据2.83亿条、166.8万余次，按时完成率97.48 %%')).toEqual(['19次', '2.83亿条', '166.8万余次', '97.48 %']);
  });
  it('ignores years, dates, codes and version numbers', () => {
    expect(units('2024年3月15日，12345热线，万绿宝2.0，“4.15”宣传日，第一议题')).toEqual([]);
  });
  // Ranges are answered from one scan of the whole text; a range must still read as if on its own.
  it('finds the figures of a range as a scan of that range alone would', () => {
    const text = `${'开展培训活动'.repeat(5)}，受理案件12，345件，办结率98.5%，共3批次。`;
    const inRange = (start: number, end: number) => findFigures(text, start, end).map((f) => text.slice(f.start, f.end));
    const comma = text.indexOf('，345');
    expect(inRange(0, text.length)).toEqual(['12，345件', '98.5%', '3批']);
    expect(inRange(0, comma)).toEqual([]);
    expect(inRange(comma + 1, text.length)).toEqual(['345件', '98.5%', '3批']);
    expect(inRange(text.indexOf('办结率'), text.indexOf('%'))).toEqual([]);
    expect(inRange(text.indexOf('办结率'), text.indexOf('，共'))).toEqual(['98.5%']);
  });
});

describe('safe patterns (RE2)', () => {
  it('bounds the length of a match (two code units per character), or gives up', () => {
    expect(maxMatchLength('十九大(和|及|以及)(党的)?十九届[^，,。；;]{0,14}全会精神')).toBe(2 * (3 + 2 + 2 + 3 + 14 + 4));
    expect(maxMatchLength('a(?:bc)?\\d{2}')).toBe(2 * 5);
    expect(maxMatchLength('(?P<n>x)|\\Qab\\E')).toBe(4);
    for (const unbounded of ['a+', 'ab*', '^ab', 'ab$', '\\bab', 'a{2,}']) expect(maxMatchLength(unbounded)).toBeUndefined();
  });
  // Matches are searched only near the required literal; the result must equal a scan of the whole range.
  it('finds near the required literal exactly what a scan of the whole range finds', () => {
    const ch = fc.constantFrom('法', '治', '政', 'a', '，', '\n');
    const atom = fc.oneof(ch, fc.constant('[^，\\n]'), fc.constant('.'), fc.constant('\\S'), fc.constantFrom('(法|治a)', '(?:政治)'));
    const quantifier = fc.constantFrom('', '', '?', '{0,3}', '{1,4}', '+');
    const pattern = fc.array(fc.tuple(atom, quantifier).map(([a, q]) => a + q), { minLength: 1, maxLength: 4 }).map((parts) => `法治${parts.join('')}`);
    const text = fc.array(ch, { minLength: 50, maxLength: 5000 }).map((a) => a.join(''));
    fc.assert(
      fc.property(pattern, text, fc.nat(40), fc.nat(40), (source, t, a, b) => {
        const start = Math.min(a, t.length);
        const end = Math.max(start, t.length - b);
        const m = RE2JS.compile(source).matcher(t.slice(start, end));
        const expected: Array<{ start: number; end: number }> = [];
        for (let from = 0; m.find(from); ) {
          expected.push({ start: start + m.start(), end: start + m.end() });
          from = m.end() > m.start() ? m.end() : m.end() + 1;
          if (from > end - start) break;
        }
        expect(compilePattern(source).findAll(t, start, end).map((x) => ({ start: x.start, end: x.end }))).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });
  it('extracts a required literal for prefiltering', () => {
    expect(requiredLiteral('办结率为?(\\d+)%')).toBe('办结率');
    expect(requiredLiteral('(\\d+(?:\\.\\d+)?)\\s*%+')).toBe('%');
    expect(requiredLiteral('甲|乙')).toBe('');
    expect(requiredLiteral('法制(宣传|教育)')).toBe('法制');
    // The digits of a repetition count are not literal text.
    expect(requiredLiteral('十九届.{0,14}全会精神')).toBe('全会精神');
    expect(compilePattern('十九届[^，]{0,14}全会精神').findAll('党的十九大和十九届历次全会精神').length).toBe(1);
  });
  it('matches with UTF-16 offsets and capture groups', () => {
    const p = compilePattern('现进(技术|设备)');
    const text = '😀运用现进技术';
    expect(p.findAll(text)).toEqual([{ start: 4, end: 8, groups: ['技术'] }]);
  });
  it('runs a catastrophic pattern in linear time', () => {
    const p = compilePattern('(a+)+$');
    const line = `${'a'.repeat(200_000)}b`;
    expect(p.findAll(line)).toEqual([]);
  });
  it('finds matches on long texts via the literal prefilter', () => {
    const text = `${'无关内容。\n'.repeat(3000)}开展法制宣传。\n${'无关内容。\n'.repeat(3000)}`;
    expect(compilePattern('法制(宣传)').findAll(text)).toHaveLength(1);
  });
});

describe('keywords', () => {
  it('leftmost-longest, non-overlapping', () => {
    expect(findWords('理论学习中心组', ['中心组', '理论学习中心组']).map((o) => o.word)).toEqual(['理论学习中心组']);
  });
  // Long texts are searched through the character index; it must find exactly what scanning finds.
  it('indexed search (long texts) equals a plain scan, including characters that share a bucket', () => {
    const scan = (text: string, words: string[], start: number, end: number) => {
      const hits: Array<{ start: number; end: number; word: string }> = [];
      const hay = text.slice(start, end);
      for (const w of words) {
        if (!w) continue;
        for (let i = hay.indexOf(w); i >= 0; i = hay.indexOf(w, i + w.length)) hits.push({ start: start + i, end: start + i + w.length, word: w });
      }
      hits.sort((a, b) => a.start - b.start || b.end - a.end);
      let last = -1;
      return hits.filter((h) => (h.start >= last ? ((last = h.end), true) : false));
    };
    // 一 (U+4E00), 帀 (U+5E00) and 渀 (U+6E00) fall into the same bucket of the index.
    const char = fc.constantFrom(...'一帀渀法治A年');
    const text = fc.array(char, { minLength: 1100, maxLength: 2500 }).map((a) => a.join(''));
    const words = fc.array(fc.array(char, { minLength: 0, maxLength: 4 }).map((a) => a.join('')), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(text, words, fc.nat(), fc.nat(), (t, ws, a, b) => {
        const start = a % t.length;
        const end = start + (b % (t.length - start + 1));
        expect(findWords(t, ws, start, end)).toEqual(scan(t, ws, start, end));
      }),
      { numRuns: 300 },
    );
  });
  it('exceptions shield matches inside correct compounds', () => {
    const t = '落实重大执法决定法制审核制度';
    const i = t.indexOf('法制');
    expect(shieldedBy(t, i, i + 2, ['法制审核'])).toBe(true);
    expect(shieldedBy('法制宣传', 0, 2, ['法制审核'])).toBe(false);
  });
});

describe('readReportMeta', () => {
  it('reads title, year, unit and signature of a large report from its head and tail only', async () => {
    const { readReportMeta, parseReport } = await import('@fzlint/core');
    const { readSeed } = await import('../helpers.js');
    const seed = readSeed('002');
    const lines = seed.split('\n');
    const big = [lines[0], lines[1], ...new Array(400).fill(lines[7]), ...lines.slice(2)].join('\n');
    expect(big.length).toBeGreaterThan(100_000);
    const full = parseReport(big, { path: 'x.txt' }).meta;
    const quick = readReportMeta(big, { path: 'x.txt' });
    expect(quick.title?.text).toBe(full.title?.text);
    expect(quick.year).toMatchObject({ value: 2021, source: 'title' });
    expect(quick.unit?.value).toBe(full.unit?.value);
    expect(quick.signature?.date?.text).toBe('2022年1月7日');
  });
});

describe('readReportMeta agrees with the full parse on reports', () => {
  it('for every seed as text and as Markdown (headings marked), and with front matter', async () => {
    const { readReportMeta, parseReport } = await import('@fzlint/core');
    const { readSeed, SEED_FILES } = await import('../helpers.js');
    const { toMarkdown } = await import('../../bench/cli-corpus.mjs');
    const pick = (m: ReturnType<typeof readReportMeta>) => ({ title: m.title?.text, year: m.year?.value, unit: m.unit?.value, date: m.signature?.date?.text, previous: m.previous });
    for (const id of Object.keys(SEED_FILES) as Array<keyof typeof SEED_FILES>) {
      const text = readSeed(id);
      for (const [path, t] of [['r.txt', text], ['r.md', toMarkdown(text)], ['r.md', `---\nyear: 2020\nunit: 某局\nprevious: ../a.md\n---\n\n${toMarkdown(text)}`]] as const) {
        expect(pick(readReportMeta(t, { path })), `${id} ${path}`).toEqual(pick(parseReport(t, { path }).meta));
      }
    }
  });
});

describe('第X部分 markers', () => {
  it('need a separator or the line end; a sentence starting with 第五部分 is not a heading', async () => {
    const { parseReport } = await import('@fzlint/core');
    const doc = parseReport('第一部分 学习贯彻情况\n内容。\n第二部分：法治思想\n第五部分有没有写整改情况，要检查。\n', { path: 'a.txt' });
    expect(doc.outline.children.map((n) => n.marker?.text.trim())).toEqual(['第一部分', '第二部分：']);
  });
});

describe('mid-paragraph markers', () => {
  it('need the right character before them (一是 after punctuation, not inside a word)', () => {
    const found = (t: string) => findMidParagraphMarkers(t, 0, 1).map((m) => m.text);
    expect(found('甲。一是加强；二是完善')).toEqual(['一是', '二是']);
    expect(found('甲统一是非')).toEqual([]);
    expect(found('甲，第十一是')).toEqual([]);
    expect(found('甲，十一是加强')).toEqual(['十一是']);
    expect(found('甲；第二，乙')).toEqual(['第二，']);
    expect(found('甲。12.乙；123.丙')).toEqual(['12.']);
    expect(found('甲2.乙')).toEqual([]);
  });
});

describe('sentences', () => {
  it('split at 。！？；!?; and line breaks, white-space-only pieces dropped (as the regex definition)', async () => {
    const { splitSentences } = await import('../../packages/core/src/text/sentences.js');
    const reference = (text: string, blocks: Array<{ contentStart: number; end: number }>) => {
      const out: Array<{ start: number; end: number; block: number }> = [];
      blocks.forEach((b, block) => {
        const pieces = text.slice(b.contentStart, b.end).split(/(?<=[。！？!?；;\n\r])/);
        let at = b.contentStart;
        for (const p of pieces) {
          if (/\S/.test(p)) out.push({ start: at, end: at + p.length, block });
          at += p.length;
        }
      });
      return out;
    };
    const text = fc.array(fc.constantFrom(...'法治 \u3000\t。！？!?；;\n\r\u00a0a'), { maxLength: 40 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, fc.array(fc.tuple(fc.nat(40), fc.nat(15)), { maxLength: 4 }), (t, spans) => {
        let pos = 0;
        const blocks = spans.map(([skip, len]) => {
          const contentStart = Math.min(t.length, pos + (skip % 3));
          const end = Math.min(t.length, contentStart + len);
          pos = end + 1;
          return { contentStart, end };
        });
        expect(splitSentences(t, blocks)).toEqual(reference(t, blocks));
      }),
      { numRuns: 2000 },
    );
  });
});
