import { createEngine, type Engine, type EngineEnvironment } from '@fzlint/core';
import { describe, expect, it } from 'vitest';
import { readSeed } from '../helpers.js';
import { Harness, NONE } from './harness.js';

describe('robustness', () => {
  it('an engine failure on one document: an internal-error diagnostic there, a log entry, other documents still checked', async () => {
    const failing = (env: EngineEnvironment): Engine => {
      const real = createEngine(env);
      return {
        ...real,
        lint(text, options) {
          if (text.includes('触发引擎故障')) throw new Error('模拟的引擎故障');
          return real.lint(text, options);
        },
      };
    };
    const h = new Harness({ settings: { debounceMs: 0 }, createEngine: failing });
    const bad = await h.open(h.write('bad.txt', `某某局2024年法治政府建设年度报告\n一、触发引擎故障\n`));
    const good = await h.open(h.seed('004'));
    const broken = await h.current(bad.uri);
    expect(broken.diagnostics).toHaveLength(1);
    expect(broken.diagnostics[0]).toMatchObject({ code: 'fzlint/internal-error', severity: 1, message: 'fzlint 内部错误，本报告暂时无法检查：模拟的引擎故障' });
    expect((await h.current(good.uri)).diagnostics.some((d) => d.code === 'gd2024/part-speeches')).toBe(true);
    expect(h.logs.some((l) => l.level === 'error' && l.message.includes('模拟的引擎故障'))).toBe(true);
    // Requests on the failing document answer instead of throwing.
    expect(await h.service.documentSymbols.provideDocumentSymbols(bad, NONE)).toEqual([]);
    expect(await h.service.hover.provideHover(bad, { line: 1, character: 2 }, NONE)).toBeNull();
    expect(await h.service.checklist.provideChecklist(bad.uri, NONE)).toMatchObject({ status: 'checked', parts: [], counts: { error: 1, total: 1 } });
  });
});

describe('time budget', () => {
  it('a check that runs past fzlint.lintTimeoutMs is stopped with a finding; other requests and documents are answered', async () => {
    // The large report gets a budget it cannot meet; the small one the default.
    const h = new Harness({ settings: (uri?: string) => (uri?.endsWith('big.txt') ? { debounceMs: 0, lintTimeoutMs: 10 } : { debounceMs: 0 }) });
    const big = await h.open(h.write('big.txt', readSeed('003').repeat(120)));
    const small = await h.open(h.seed('004'));
    // Asked while the large report is being checked: answered once the budget stops that check.
    const symbols = await h.service.documentSymbols.provideDocumentSymbols(small, NONE);
    expect(symbols.length).toBeGreaterThan(0);
    const stopped = await h.current(big.uri);
    const timeouts = stopped.diagnostics.filter((d) => d.code === 'fzlint/rule-timeout');
    expect(timeouts.length).toBeGreaterThan(0);
    expect(timeouts[0]!.message).toMatch(/超过 (10|5) 毫秒/);
    expect(timeouts[0]!.severity).toBe(1);
    const checked = await h.current(small.uri);
    expect(checked.diagnostics.some((d) => d.code === 'gd2024/part-speeches')).toBe(true);
    expect(checked.diagnostics.some((d) => d.code === 'fzlint/rule-timeout')).toBe(false);
    // The server goes on: an edit to the small report is checked again.
    h.replaceAll(small.uri, `${small.getText()}\n一、新增部分`);
    expect((await h.current(small.uri)).version).toBe(2);
  });
});
