import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { engine, readSeed, recommended } from '../helpers.js';

const MARKERS = ['一、', '（一）', '(二)', '1.', '2、', '（1）', '一是', '二是', '第一，', '①', '# ', '## 二、', '\n', '\r\n', '\r', '。', '%', '%%', '2024年', '\u0000', '\ud800', '<!--', '-->', '---\n', '```'];

const mutatedSeed = fc
  .tuple(
    fc.constantFrom('000', '001', '002', '003', '004' as const),
    fc.array(fc.tuple(fc.nat(), fc.nat(40), fc.oneof(fc.constantFrom(...MARKERS), fc.string({ maxLength: 8 }))), { maxLength: 12 }),
  )
  .map(([id, edits]) => {
    let text = readSeed(id);
    for (const [at, del, ins] of edits) {
      const i = at % (text.length + 1);
      text = text.slice(0, i) + ins + text.slice(i + del);
    }
    return text;
  });

const markerSoup = fc.array(fc.oneof(fc.constantFrom(...MARKERS), fc.string({ maxLength: 6 })), { maxLength: 60 }).map((a) => a.join(''));

describe('the engine never throws and keeps ranges inside the document', () => {
  for (const [name, arb] of [
    ['arbitrary strings', fc.string({ unit: 'binary', maxLength: 400 })],
    ['outline-marker soup', markerSoup],
    ['seeds with random edits', mutatedSeed],
  ] as const) {
    it(name, async () => {
      const config = await recommended();
      fc.assert(
        fc.property(arb, fc.boolean(), (text, md) => {
          const result = engine.lint(text, { path: md ? 'r.md' : 'r.txt', config });
          for (const d of result.diagnostics) {
            expect(d.ruleId).not.toBe('fzlint/rule-error');
            expect(d.start).toBeGreaterThanOrEqual(0);
            expect(d.end).toBeLessThanOrEqual(text.length);
            expect(d.start).toBeLessThanOrEqual(d.end);
            for (const e of [...(d.fix?.edits ?? []), ...(d.suggestions ?? []).flatMap((s) => s.edits)]) {
              expect(e.start).toBeGreaterThanOrEqual(0);
              expect(e.end).toBeLessThanOrEqual(text.length);
            }
          }
        }),
        { numRuns: 150 },
      );
    });
  }
});
