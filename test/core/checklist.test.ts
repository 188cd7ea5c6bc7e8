import { reportChecklist } from '@fzlint/core';
import { describe, expect, it } from 'vitest';
import { lintText, readSeed } from '../helpers.js';

describe('reportChecklist (the checklist hosts show: web page)', () => {
  it('seed 003: the six parts in template order, all found with where; the rectification subsection missing with its heading', async () => {
    const text = readSeed('003');
    const list = reportChecklist(await lintText(text, { path: '/virtual/003.txt' }));
    expect(list.parts.map((p) => [p.order, p.id, p.found])).toEqual([
      [1, 'speeches', true],
      [2, 'xi-thought', true],
      [3, 'first-responsible', true],
      [4, 'measures', true],
      [5, 'problems', true],
      [6, 'plans', true],
    ]);
    const problems = list.parts[4]!;
    expect(text.slice(problems.start, problems.end)).toMatch(/不足/);
    expect(list.subsections).toEqual([
      { id: 'rectification', ruleId: 'gd2024/rectification', name: '上一年度存在问题的整改情况', found: false, heading: '上一年度法治政府建设存在问题的整改情况' },
    ]);
    expect(list.dataPoints.find((d) => d.ruleId === 'data/disclosure')).toMatchObject({ found: false });
    expect(list.dataPoints.every((d) => d.found === (d.start !== undefined))).toBe(true);
    expect(list.previous).toEqual([]);
  });

  it('seed 004: the three parts it lacks, missing entries without a place', async () => {
    const list = reportChecklist(await lintText(readSeed('004'), { path: '/virtual/004.txt' }));
    const missing = list.parts.filter((p) => !p.found);
    expect(missing.map((p) => p.id)).toEqual(['speeches', 'xi-thought', 'first-responsible']);
    expect(missing.every((p) => p.start === undefined && p.heading)).toBe(true);
  });
});
