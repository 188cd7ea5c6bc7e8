import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LintTimeout, type LintOptions } from '@fzlint/core';
import { createInterrupt } from '../../packages/server/src/interrupt.js';
import { engine, recommended } from '../helpers.js';
import { RUNS } from './arbitraries.js';
import { reportText } from './report-text.js';

/**
 * Each case is stopped by the engine's own time limit: a hang fails the case instead of the run.
 * A failing case costs seconds, so the first counterexample is reported as found, not shrunk.
 */
const RULE_MS = 2000;
const interrupt = createInterrupt();

function within(options: Omit<LintOptions, 'timeLimit'>): LintOptions {
  return { ...options, timeLimit: { ruleMs: RULE_MS, totalMs: 4 * RULE_MS, interrupt } };
}

function noTimeout(result: { diagnostics: Array<{ ruleId: string; message: string }> }): void {
  const stopped = result.diagnostics.filter((d) => d.ruleId === 'fzlint/rule-timeout');
  expect(stopped.map((d) => d.message)).toEqual([]);
}

describe(`report-like text (${RUNS} cases each; npm run fuzz runs 10,000)`, { timeout: Math.max(120_000, RUNS * 500) }, () => {
  it('every case is checked within the time limit, with ranges inside the text', async () => {
    const config = await recommended();
    fc.assert(
      fc.property(reportText, ({ text, path }) => {
        let result;
        try {
          result = engine.lint(text, within({ path, config }));
        } catch (e) {
          if (e instanceof LintTimeout) expect.fail(`parsing ran past ${4 * RULE_MS} ms`);
          throw e;
        }
        noTimeout(result);
        for (const d of result.diagnostics) {
          expect(d.ruleId, d.message).not.toBe('fzlint/rule-error');
          expect(d.start).toBeGreaterThanOrEqual(0);
          expect(d.end).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  });

  it('fixing ends within the time limit and settles', async () => {
    const config = await recommended();
    fc.assert(
      fc.property(reportText, ({ text, path }) => {
        const once = engine.fix(text, within({ path, config }));
        noTimeout(once.result);
        expect(once.result.diagnostics.filter((d) => d.fix)).toEqual([]);
      }),
      { numRuns: Math.ceil(RUNS / 2), endOnFailure: true },
    );
  });

  it('finds the clause-initial 率先 cases that used to hang', async () => {
    const config = await recommended();
    for (const text of ['率先0%', '一、工作\n率先在全市实现100%', '全区，率先在全省实现覆盖率100%。', '率先在全市实现100%\n']) {
      noTimeout(engine.lint(text, within({ path: 'r.txt', config })));
    }
  });
});
