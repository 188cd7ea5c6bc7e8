import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyFixes } from '@fzlint/core';
import { engine, UPDATE } from './helpers.js';
import { findFixtures, formatOutline, formatResult, golden, runFixture } from './fixture-runner.js';

const cases = findFixtures();

describe('fixtures (input + rules → golden output)', () => {
  it('finds fixtures', () => {
    expect(cases.length).toBeGreaterThan(20);
  });

  it.skipIf(UPDATE)('a case without its expected output fails (it is written only with the update flag)', () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'fzlint-golden-')), 'expected.txt');
    expect(() => golden(missing, 'x')).toThrow(/缺少期望输出/);
    expect(existsSync(missing)).toBe(false);
  });

  for (const c of cases) {
    describe(c.name, () => {
      it('matches expected.txt', async () => {
        const { result } = await runFixture(c);
        const actual = formatResult(result);
        expect(actual).toBe(golden(join(c.dir, 'expected.txt'), actual));
        if (c.outline) {
          const outline = formatOutline(result);
          expect(outline).toBe(golden(join(c.dir, 'outline.txt'), outline));
        }
      });

      it('fixes round-trip: no fixable finding remains, fixing twice equals once', async () => {
        const { text, options, result } = await runFixture(c);
        const fixed = engine.fix(text, options);
        expect(fixed.result.diagnostics.filter((d) => d.fix)).toEqual([]);
        expect(engine.fix(fixed.output, options).output).toBe(fixed.output);
        if (result.diagnostics.some((d) => d.fix)) {
          expect(fixed.output).not.toBe(text);
          const ext = extname(c.input);
          expect(fixed.output).toBe(golden(join(c.dir, `fixed${ext}`), fixed.output));
        } else {
          expect(applyFixes(text, result.diagnostics).output).toBe(text);
        }
      });
    });
  }
});
