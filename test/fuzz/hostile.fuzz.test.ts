import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LintOptions } from '@fzlint/core';
import { createInterrupt } from '../../packages/server/src/interrupt.js';
import { visibleText } from '../../packages/workspace/src/inputs/html-text.js';
import { engine, readSeed, recommended } from '../helpers.js';
import { RUNS } from './arbitraries.js';

/**
 * Inputs built to break the engine rather than to look like reports: nesting thousands deep
 * (front matter, HTML, Markdown), long runs of digits, and last year's report with sentences a
 * hundred thousand characters long. Each case must end within the engine's time limit without
 * throwing; a crash of the process (stack exhaustion in a parser) fails the whole run.
 */
const interrupt = createInterrupt();
const limit = (options: Omit<LintOptions, 'timeLimit'>): LintOptions => ({ ...options, timeLimit: { ruleMs: 3000, totalMs: 10000, interrupt } });
const runs = Math.max(10, Math.ceil(RUNS / 4));

function noTimeoutOrError(result: { diagnostics: Array<{ ruleId: string; message: string }> }): void {
  expect(result.diagnostics.filter((d) => d.ruleId === 'fzlint/rule-timeout' || d.ruleId === 'fzlint/rule-error').map((d) => d.message)).toEqual([]);
}

const depth = fc.integer({ min: 1, max: 3000 });

describe(`hostile inputs (${runs} cases each)`, { timeout: Math.max(120_000, runs * 2000) }, () => {
  it('front matter nested up to 3,000 deep', async () => {
    const config = await recommended();
    fc.assert(
      fc.property(depth, fc.constantFrom('{', '[', '{a: ', '- ', '"', "'", '[{'), fc.boolean(), (n, open, close) => {
        const body = open === '- ' ? Array.from({ length: n }, (_, i) => `${' '.repeat(i * 2)}- x`).join('\n') : open.repeat(n) + (close ? (open.includes('{') ? '}' : ']').repeat(n) : '');
        const text = `---\n${body}\n---\n# 某局2024年法治政府建设年度报告\n`;
        noTimeoutOrError(engine.lint(text, limit({ path: 'r.md', config })));
      }),
      { numRuns: runs },
    );
  });

  it('Markdown lists and quotes nested up to 3,000 deep', async () => {
    const config = await recommended();
    fc.assert(
      fc.property(depth, fc.constantFrom('- ', '> ', '1. ', '* > '), (n, marker) => {
        const text = Array.from({ length: n }, (_, i) => `${marker === '> ' ? '> '.repeat(i + 1) : ' '.repeat(i * 2) + marker}项${i}`).join('\n');
        noTimeoutOrError(engine.lint(text, limit({ path: 'r.md', config })));
      }),
      { numRuns: runs },
    );
  });

  it('HTML nested up to 6,000 elements deep', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6000 }), fc.constantFrom('div', 'span', 'p', 'table', 'b', 'li'), (n, tag) => {
        const html = `<html><body>${`<${tag}>`.repeat(n)}一、工作${`</${tag}>`.repeat(n)}</body></html>`;
        expect(visibleText(html)).toContain('一、工作');
      }),
      { numRuns: runs },
    );
  });

  it('long runs of digits, thousands separators and points', async () => {
    const config = await recommended();
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 60000 }), fc.constantFrom('7', '1,234', '1.2', '12 ', '0%'), fc.constantFrom('', '%', '次', '%%'), (n, unit, tail) => {
        const text = `某局2024年法治政府建设年度报告\n一、工作\n合格率${unit.repeat(Math.ceil(n / unit.length))}${tail}\n`;
        noTimeoutOrError(engine.lint(text, limit({ path: 'r.txt', config })));
      }),
      { numRuns: runs },
    );
  });

  it('last year\'s report with sentences up to 100,000 characters and hundreds of items', async () => {
    const config = await recommended();
    const current = readSeed('001');
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 100_000 }), fc.integer({ min: 1, max: 400 }), fc.constantFrom('推进法治政府建设', '数据壁垒', '依法行政工作'), (length, items, phrase) => {
        const long = phrase.repeat(Math.ceil(length / phrase.length));
        const list = Array.from({ length: items }, (_, i) => `（${i + 1}）${phrase}${i}。`).join('\n');
        const previous = `某局2023年法治政府建设年度报告\n一、主要举措\n${long}。\n二、存在的不足和原因\n${list}\n三、2024年工作安排\n（一）${long}\n${list}\n`;
        noTimeoutOrError(engine.lint(current, limit({ path: 'r.txt', config, previous: { path: 'prev.txt', text: previous } })));
      }),
      { numRuns: runs },
    );
  });
});
