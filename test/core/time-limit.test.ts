import { describe, expect, it } from 'vitest';
import { LintTimeout, type TimeLimit } from '@fzlint/core';
import type { ActiveRule } from '../../packages/core/src/config/compile.js';
import type { RuleContext } from '../../packages/core/src/rules/kind.js';
import { runRules } from '../../packages/core/src/rules/run-rules.js';
import { parseReport } from '../../packages/core/src/document/parse.js';
import { SectionIndex } from '../../packages/core/src/rules/sections.js';
import { Deadline } from '../../packages/core/src/time-limit.js';
import { rateLabel, findPercents } from '../../packages/core/src/text/rates.js';
import { createInterrupt } from '../../packages/server/src/interrupt.js';
import { engine, ids, readSeed, recommended } from '../helpers.js';

describe('rateLabel', () => {
  const label = (s: string) => {
    const p = findPercents(s, 0, s.length)[0]!;
    return rateLabel(s, p, 0)?.label;
  };
  it('ends its backward search when 率先 stands at the start of the clause', () => {
    expect(label('率先0%')).toBeUndefined();
    expect(label('率先在全市实现100%')).toBeUndefined();
    expect(label('，率先实现120%覆盖')).toBeUndefined();
  });
  it('skips 率先 to find the rate before it', () => {
    expect(label('网上可办率率先达到100%')).toBe('网上可办率');
    expect(label('合格率率先0%')).toBe('合格率');
  });
});

/** A rule made of a check function, for driving the runner directly. */
function rule(id: string, check: (rc: RuleContext) => void): ActiveRule {
  return { def: { id, kind: 'pattern', severity: 'warning', options: {}, origin: { file: 'test.yaml', path: ['rules', id] } }, check };
}

function busy(ms: number, rc?: RuleContext): void {
  const end = performance.now() + ms;
  while (performance.now() < end) rc?.checkpoint();
}

function run(rules: ActiveRule[], limit: TimeLimit) {
  const doc = parseReport('某局2024年法治政府建设年度报告\n一、工作情况\n内容。\n', { format: 'text' });
  const engineFindings: string[] = [];
  const out = runRules({
    doc,
    sections: new SectionIndex(doc, []),
    rules,
    deadline: new Deadline(limit),
    engineFinding: (id, message) => engineFindings.push(`${id} ${message}`),
    logError: () => {},
  });
  return { found: out.diagnostics.map((d) => `${d.ruleId} ${d.message}`), engineFindings };
}

const finding = (id: string) => rule(id, (rc) => rc.report({ start: 0, end: 1, message: 'found' }));

describe('rule time limits', () => {
  it('stops a rule at its checkpoints, drops what it found, and runs the rules after it', () => {
    const slow = rule('t/slow', (rc) => {
      rc.report({ start: 0, end: 1, message: 'partial' });
      for (;;) rc.checkpoint();
    });
    const { found, engineFindings } = run([finding('t/before'), slow, finding('t/after')], { ruleMs: 20 });
    expect(found).toEqual(['t/before found', 't/after found']);
    expect(engineFindings).toEqual(['fzlint/rule-timeout 规则「t/slow」检查本报告超过 20 毫秒，已停止；其余规则照常检查']);
  });

  it('stops a loop that never reaches a checkpoint when the host can interrupt', () => {
    const hang = rule('t/hang', () => {
      for (;;);
    });
    const { found, engineFindings } = run([finding('t/before'), hang, finding('t/after')], { ruleMs: 50, interrupt: createInterrupt() });
    expect(found).toEqual(['t/before found', 't/after found']);
    expect(engineFindings).toHaveLength(1);
    expect(engineFindings[0]).toMatch(/^fzlint\/rule-timeout 规则「t\/hang」检查本报告超过/);
  });

  it('reruns a rule that the end of a shared window cut off before it used its own budget', () => {
    let runs = 0;
    const second = rule('t/second', (rc) => {
      runs++;
      busy(250);
      rc.report({ start: 0, end: 1, message: 'done' });
    });
    // The window is one rule's budget (400 ms): the first rule takes 250 of it, the second needs 250 more.
    const first = rule('t/first', () => busy(250));
    const { found, engineFindings } = run([first, second], { ruleMs: 400, interrupt: createInterrupt() });
    expect(engineFindings).toEqual([]);
    expect(found).toEqual(['t/second done']);
    expect(runs).toBe(2);
  });

  it('skips the rules not started when the whole budget is spent, naming them', () => {
    const { found, engineFindings } = run([rule('t/long', (rc) => busy(60, rc)), finding('t/a'), finding('t/b')], { ruleMs: 1000, totalMs: 30 });
    expect(found).toEqual([]);
    expect(engineFindings).toEqual([
      'fzlint/rule-timeout 检查本报告超过 30 毫秒，规则「t/long」被停止',
      'fzlint/rule-timeout 检查本报告超过 30 毫秒，其余 2 条规则未执行：t/a、t/b',
    ]);
  });

  it('leaves a lint within its budget untouched', async () => {
    const config = await recommended();
    const text = readSeed('001');
    const plain = engine.lint(text, { config, path: 'r.txt' });
    const limited = engine.lint(text, { config, path: 'r.txt', timeLimit: { ruleMs: 5000, totalMs: 10000, interrupt: createInterrupt() } });
    expect(limited.diagnostics).toEqual(plain.diagnostics);
  });

  it('reports every rule the clock runs out on, through the engine (fake clock)', async () => {
    const config = await recommended();
    let t = 0;
    // Every look at the clock is a second later: any rule passing 256 checkpoints is over its budget.
    const now = () => (t += 1000);
    const text = readSeed('003').repeat(20);
    const result = engine.lint(text, { config, path: 'r.txt', timeLimit: { ruleMs: 1500, now } });
    const stopped = result.diagnostics.filter((d) => d.ruleId === 'fzlint/rule-timeout');
    expect(stopped.length).toBeGreaterThan(0);
    const stoppedRules = stopped.map((d) => /规则「([^」]+)」/.exec(d.message)![1]!);
    // The stopped rules' own findings are gone; the others' are there.
    for (const id of stoppedRules) expect(ids(result)).not.toContain(id);
    expect(ids(result).filter((id) => id !== 'fzlint/rule-timeout').length).toBeGreaterThan(0);
  });

  it('throws LintTimeout when parsing alone outlasts the whole budget', async () => {
    const config = await recommended();
    const text = readSeed('003').repeat(400);
    expect(() => engine.lint(text, { config, path: 'r.md', timeLimit: { ruleMs: 1, totalMs: 1, interrupt: createInterrupt() } })).toThrow(LintTimeout);
  });
});
