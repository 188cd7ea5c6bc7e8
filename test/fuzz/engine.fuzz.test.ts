import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError, createEngine, type LintResult } from '@fzlint/core';
import { engine, memoryEnv, recommended } from '../helpers.js';
import { anyText, mutatedSeed, ruleFile, RUNS } from './arbitraries.js';

function checkInvariants(text: string, result: LintResult, previous?: string): void {
  for (const d of result.diagnostics) {
    expect(d.ruleId, d.message).not.toBe('fzlint/rule-error');
    expect(d.start).toBeGreaterThanOrEqual(0);
    expect(d.end).toBeLessThanOrEqual(text.length);
    expect(d.start).toBeLessThanOrEqual(d.end);
    expect(result.document.lines.offsetAt(d.range.start)).toBe(d.start);
    expect(result.document.lines.offsetAt(d.range.end)).toBe(d.end);
    for (const e of [...(d.fix?.edits ?? []), ...(d.suggestions ?? []).flatMap((s) => s.edits)]) {
      expect(e.start).toBeGreaterThanOrEqual(0);
      expect(e.end).toBeLessThanOrEqual(text.length);
      expect(e.start).toBeLessThanOrEqual(e.end);
    }
    for (const r of d.related ?? []) {
      expect(r.start).toBeGreaterThanOrEqual(0);
      expect(r.end).toBeLessThanOrEqual((r.path ? (previous ?? '') : text).length);
    }
  }
}

const path = fc.constantFrom('r.md', 'r.txt');

/** A long run (npm run fuzz) takes many minutes per property. */
const TIMEOUT = Math.max(60_000, RUNS * 500);

describe(`engine properties (${RUNS} cases each; npm run fuzz runs 10,000)`, { timeout: TIMEOUT }, () => {
  it('never throws; every range lies inside the document; linting is deterministic', async () => {
    const config = await recommended();
    fc.assert(
      fc.property(anyText, path, (text, p) => {
        const a = engine.lint(text, { path: p, config });
        checkInvariants(text, a);
        const b = engine.lint(text, { path: p, config });
        expect(JSON.stringify(b.diagnostics)).toBe(JSON.stringify(a.diagnostics));
      }),
      { numRuns: RUNS, endOnFailure: RUNS > 1000 },
    );
  });

  it('applying all fixes leaves no fixable finding, and fixing twice equals fixing once', async () => {
    const config = await recommended();
    fc.assert(
      fc.property(anyText, path, (text, p) => {
        const once = engine.fix(text, { path: p, config });
        expect(once.result.diagnostics.filter((d) => d.fix)).toEqual([]);
        expect(engine.fix(once.output, { path: p, config }).output).toBe(once.output);
      }),
      { numRuns: RUNS, endOnFailure: RUNS > 1000 },
    );
  });

  it('cross-year checks never throw on random pairs', async () => {
    const config = await recommended();
    fc.assert(
      fc.property(mutatedSeed, mutatedSeed, path, (current, previous, p) => {
        const r = engine.lint(current, { path: p, config, previous: { path: `prev-${p}`, text: previous } });
        checkInvariants(current, r, previous);
      }),
      { numRuns: RUNS, endOnFailure: RUNS > 1000 },
    );
  });

  it('random valid rule files load (or fail with a ConfigError) and never make linting throw', async () => {
    await fc.assert(
      fc.asyncProperty(ruleFile, anyText, path, async (yaml, text, p) => {
        let config;
        try {
          config = await createEngine(memoryEnv({ '/f/.fzlint.yaml': yaml })).loadConfig({ file: '/f/.fzlint.yaml' });
        } catch (e) {
          expect(e, String(e)).toBeInstanceOf(ConfigError);
          for (const problem of (e as ConfigError).problems) expect(problem.line).toBeGreaterThan(0);
          return;
        }
        // FZLINT_FUZZ_TRACE=file keeps the case being linted, to find one that hangs.
        if (process.env.FZLINT_FUZZ_TRACE) writeFileSync(process.env.FZLINT_FUZZ_TRACE, JSON.stringify({ yaml, text, path: p }));
        const r = engine.lint(text, { path: p, config });
        checkInvariants(text, r);
        // Each rule's own fixes settle (checked when the rule file loads); two different random rules
        // may still undo each other, which no loader can rule out, so here fixing must only end, within
        // its pass limit, on a well-formed result. Convergence is asserted above for the built-in packs.
        const fixed = engine.fix(text, { path: p, config });
        expect(fixed.passes).toBeLessThanOrEqual(10);
        checkInvariants(fixed.output, fixed.result);
      }),
      { numRuns: RUNS, endOnFailure: RUNS > 1000 },
    );
  });
});
