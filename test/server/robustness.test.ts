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

describe('a rule that fails', () => {
  it('one rule throwing: fzlint/rule-error on the report, the other rules still run, the stack in the log', async () => {
    let linting = '';
    const patched = new WeakSet<object>();
    // The real engine, with one compiled rule made to throw on one document.
    const faultyRule = (env: EngineEnvironment): Engine => {
      const real = createEngine(env);
      return {
        ...real,
        lint(text, options) {
          linting = text;
          const result = real.lint(text, options);
          const rule = result.rules.get('gd2024/title') as unknown as { check: (ctx: unknown) => void } | undefined;
          if (rule && !patched.has(rule)) {
            patched.add(rule);
            const original = rule.check;
            rule.check = (ctx) => {
              if (linting.includes('触发规则故障')) throw new Error('模拟的规则故障');
              original(ctx);
            };
          }
          return result;
        },
      };
    };
    const h = new Harness({ settings: { debounceMs: 0 }, createEngine: faultyRule });
    const good = await h.open(h.seed('004'));
    const before = await h.current(good.uri);
    const bad = await h.open(h.write('bad.txt', `${readSeed('004')}\n触发规则故障\n`));
    const published = await h.current(bad.uri);
    const error = published.diagnostics.find((d) => d.code === 'fzlint/rule-error');
    expect(error?.message).toBe('规则「gd2024/title」执行出错，已跳过：模拟的规则故障');
    expect(published.diagnostics.some((d) => d.code === 'gd2024/part-speeches')).toBe(true);
    expect(published.diagnostics.some((d) => d.code === 'gd2024/title')).toBe(false);
    expect(h.logs.some((l) => l.level === 'error' && l.message.includes('rule gd2024/title failed') && l.message.includes('模拟的规则故障'))).toBe(true);
    // The other document is unaffected when checked again.
    h.insert(good.uri, { line: 0, character: 0 }, '');
    expect((await h.current(good.uri)).diagnostics.map((d) => d.code)).toEqual(before.diagnostics.map((d) => d.code));
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
