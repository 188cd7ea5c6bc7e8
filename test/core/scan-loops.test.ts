/**
 * Every helper in core that scans text with a moving index (indexOf/lastIndexOf from a position,
 * a regex's lastIndex, a while loop over offsets) ends on any input and moves forward on every
 * pass. Each property runs the helper under a hard time limit, so a loop that stops advancing
 * fails its case instead of hanging the test run (as rateLabel did on a clause-initial 率先).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePattern, LineIndex, parseReport } from '@fzlint/core';
import { createInterrupt } from '../../packages/server/src/interrupt.js';
import { findPercents, rateLabel } from '../../packages/core/src/text/rates.js';
import { findWords, shieldedBy } from '../../packages/core/src/text/keywords.js';
import { requiredLiteral } from '../../packages/core/src/text/regex.js';
import { maxMatchLength } from '../../packages/core/src/text/regex-length.js';
import { findFigures } from '../../packages/core/src/text/figures.js';
import { splitSentences } from '../../packages/core/src/text/sentences.js';
import { TermSearch } from '../../packages/core/src/text/similarity.js';
import { CharIndex } from '../../packages/core/src/text/char-index.js';
import { clauseStart } from '../../packages/core/src/text/cjk.js';
import { findMidParagraphMarkers } from '../../packages/core/src/document/markers.js';
import { tooDeeplyNested } from '../../packages/core/src/document/blocks.js';
import { markdownChunks } from '../../packages/core/src/document/markdown-chunks.js';
import { collectComments } from '../../packages/core/src/document/markdown-remark.js';
import { scanParagraphs } from '../../packages/core/src/rules/scope.js';
import { longestIncreasing } from '../../packages/core/src/rules/kinds/section-order.js';
import { findMalformedPercents } from '../../packages/core/src/rules/kinds/percent-format.js';
import { dirname } from '../../packages/core/src/config/paths.js';

const interrupt = createInterrupt();
/** Runs fn with a hard limit: a loop that never ends fails the case. */
function within<T>(fn: () => T, ms = 2000): T {
  return interrupt(fn, ms);
}

/** Characters the scans look for, mixed with filler, so that cases hit their special paths. */
const ALPHABET = ['率', '先', '合格', '%', '%%', ' ', '0', '7', '1', ',', '，', '.', '．', '。', '；', '、', '\n', '\r\n', '一', '是', '第', '次', '件', '宗', '万', '余', '<!--', '-->', '>', '- ', '1. ', '#', '法制', '法治', 'x', '占'];
const text = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 120 }).map((a) => a.join(''));
const RUNS = 300;

function increasing(spans: ReadonlyArray<{ start: number; end: number }>, len: number): void {
  let last = -1;
  for (const s of spans) {
    expect(s.start).toBeGreaterThanOrEqual(0);
    expect(s.end).toBeLessThanOrEqual(len);
    expect(s.start).toBeGreaterThan(last === -1 ? -1 : last - 1);
    last = s.end;
  }
}

describe('scan loops end and advance', () => {
  it('rateLabel: the 率 found is never the start of 率先, within reach of the number', () => {
    const clause = fc.array(fc.constantFrom('率', '先', '率先', '0', '100', '%', '，', '。', '合格率', '实现', '\n'), { maxLength: 12 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.oneof(clause, text), (t) =>
        within(() => {
          for (const p of findPercents(t, 0, t.length)) {
            const label = rateLabel(t, p, 0);
            if (!label) continue;
            expect(t[label.at]).toBe('率');
            expect(t[label.at + 1]).not.toBe('先');
            expect(label.at).toBeLessThan(p.start);
          }
        }),
      ),
      { numRuns: RUNS },
    );
  });

  it('findWords and shieldedBy: empty, overlapping and repeated words', () => {
    const words = fc.array(fc.constantFrom('', '率', '率先', '法制', '法制审核', '11', '1', '。', 'x'), { maxLength: 6 });
    fc.assert(
      fc.property(text, words, (t, ws) =>
        within(() => {
          const hits = findWords(t, ws);
          increasing(hits, t.length);
          for (const h of hits) expect(t.slice(h.start, h.end)).toBe(h.word);
          for (const h of hits) shieldedBy(t, h.start, h.end, ws);
        }),
      ),
      { numRuns: RUNS },
    );
  });

  it('CharIndex.find equals repeated indexOf from the previous end', () => {
    fc.assert(
      fc.property(text, fc.constantFrom('率', '率先', '11', '1', '。', '一是'), (t, w) =>
        within(() => {
          const hits: Array<{ start: number; end: number; word: string }> = [];
          new CharIndex(t).find(w, 0, t.length, hits);
          const expected: number[] = [];
          for (let i = t.indexOf(w); i >= 0; i = t.indexOf(w, i + w.length)) expected.push(i);
          expect(hits.map((h) => h.start)).toEqual(expected);
        }),
      ),
      { numRuns: RUNS },
    );
  });

  it('safe patterns: matches of patterns that can match the empty string still advance', () => {
    const pattern = fc.constantFrom('x*', '率?', '', '(a|)', '\\d*', '1*%?', '[率先]*', '一(是)?', '.{0,2}');
    fc.assert(
      fc.property(pattern, text, (source, t) =>
        within(() => {
          const matches = compilePattern(source).findAll(t);
          expect(matches.length).toBeLessThanOrEqual(t.length + 1);
          // Each match starts where the last one ended or later, and never twice at one offset.
          let lastStart = -1;
          let lastEnd = 0;
          for (const m of matches) {
            expect(m.start).toBeGreaterThanOrEqual(lastEnd);
            expect(m.start).toBeGreaterThan(lastStart);
            lastStart = m.start;
            lastEnd = m.end;
          }
        }),
      ),
      { numRuns: RUNS },
    );
  });

  it('pattern analysis (required literal, longest match) ends on any source text', () => {
    const source = fc.array(fc.constantFrom('(', ')', '[', ']', '{', '}', '\\', '|', '*', '+', '?', '^', '$', '{2,', '[:', ':]', '\\Q', '\\E', '\\p', 'a', '率', '1', ','), { maxLength: 40 }).map((a) => a.join(''));
    fc.assert(
      fc.property(source, (s) =>
        within(() => {
          requiredLiteral(s);
          maxMatchLength(s);
        }),
      ),
      { numRuns: RUNS },
    );
  });

  it('scanParagraphs: an empty match or a rejected one resumes a character later', () => {
    fc.assert(
      fc.property(text, fc.boolean(), (t, accept) =>
        within(() => {
          const doc = parseReport(t, { format: 'text' });
          let visits = 0;
          scanParagraphs(doc, /x*/g, () => {
            visits++;
            return accept;
          });
          expect(visits).toBeLessThanOrEqual(t.length + doc.blocks.length);
        }),
      ),
      { numRuns: RUNS },
    );
  });

  it('figures, percents and malformed percents on digit runs, commas and points', () => {
    const digits = fc.array(fc.constantFrom('7', '1', ',', '，', '.', '．', '%', '%%', ' ', '次', '万', '余'), { maxLength: 200 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.oneof(text, digits), (t) =>
        within(() => {
          increasing(findFigures(t, 0, t.length), t.length);
          increasing(findMalformedPercents(t, 0, t.length), t.length);
        }),
      ),
      { numRuns: RUNS },
    );
  });

  it('sentences cover each paragraph in order', () => {
    fc.assert(
      fc.property(text, (t) =>
        within(() => {
          const doc = parseReport(t, { format: 'text' });
          const sentences = splitSentences(doc.text, doc.bodyBlocks);
          increasing(sentences, t.length);
          for (const s of sentences) expect(s.end).toBeGreaterThan(s.start);
        }),
      ),
      { numRuns: RUNS },
    );
  });

  it('TermSearch.positions: the empty term and repeated terms', () => {
    fc.assert(
      fc.property(text, fc.constantFrom('', '率', '11', '法制'), (t, term) =>
        within(() => {
          const found = new TermSearch(t, []).positions(term);
          if (!term) expect(found).toEqual([]);
          for (let i = 1; i < found.length; i++) expect(found[i]!).toBeGreaterThanOrEqual(found[i - 1]! + term.length);
        }),
      ),
      { numRuns: RUNS },
    );
  });

  it('clauseStart and mid-paragraph markers', () => {
    fc.assert(
      fc.property(text, fc.nat(), (t, n) =>
        within(() => {
          const pos = t.length ? n % (t.length + 1) : 0;
          const s = clauseStart(t, pos, 0, '、');
          expect(s).toBeGreaterThanOrEqual(0);
          expect(s).toBeLessThanOrEqual(pos);
          const markers = findMidParagraphMarkers(t, 0, 0);
          for (let i = 1; i < markers.length; i++) expect(markers[i]!.start).toBeGreaterThanOrEqual(markers[i - 1]!.start);
        }),
      ),
      { numRuns: RUNS },
    );
  });

  it('Markdown line scans: nesting depth, chunks, HTML comments', () => {
    const md = fc.array(fc.constantFrom('> ', '- ', '1. ', '  ', '\t', '```', '~~~', '<!--', '-->', '\n', 'a', '# ', '---'), { maxLength: 150 }).map((a) => a.join(''));
    fc.assert(
      fc.property(md, fc.integer({ min: 1, max: 8 }), (t, chunkLines) =>
        within(() => {
          const lines = new LineIndex(t);
          tooDeeplyNested(lines);
          const chunks = markdownChunks(lines, chunkLines);
          for (let i = 0; i < chunks.length; i++) expect(chunks[i]![1]).toBeGreaterThan(chunks[i]![0]);
          const comments: Array<{ start: number; end: number; text: string }> = [];
          collectComments(t, 0, t.length, comments);
          increasing(comments, t.length);
        }),
      ),
      { numRuns: RUNS },
    );
  });

  it('the longest in-order run of sections follows predecessors back to the start', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 8 }), { maxLength: 30 }), (values) =>
        within(() => {
          const kept = [...longestIncreasing(values)].sort((a, b) => a - b);
          for (let i = 1; i < kept.length; i++) expect(values[kept[i]!]!).toBeGreaterThanOrEqual(values[kept[i - 1]!]!);
        }),
      ),
      { numRuns: RUNS },
    );
  });

  it('walking up folders for a config file reaches the top', () => {
    const path = fc.array(fc.constantFrom('a', '..', '.', '', 'C:', '报告'), { maxLength: 8 }).map((segs) => segs.join(fc.sample(fc.constantFrom('/', '\\'), 1)[0]!));
    fc.assert(
      fc.property(fc.oneof(path, path.map((p) => `/${p}`), path.map((p) => `C:\\${p}`)), (p) =>
        within(() => {
          let dir = p;
          for (let steps = 0; ; steps++) {
            const parent = dirname(dir);
            if (parent === dir || parent === '.') break;
            expect(steps).toBeLessThan(20);
            dir = parent;
          }
        }),
      ),
      { numRuns: RUNS },
    );
  });
});
