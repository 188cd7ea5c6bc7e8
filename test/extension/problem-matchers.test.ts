// The problem matchers the extension contributes ($fzlint-unix and its per-level variants) read
// what `fzlint -f unix` really prints: every finding of the seeds, with the file, position, level,
// message and rule the JSON output of the same run gives.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runMain } from '../cli/cli-helpers.js';
import { ROOT, SEED_FILES } from '../helpers.js';

interface Pattern {
  regexp: string;
  file: number;
  line: number;
  column: number;
  message: number;
  code: number;
}
interface Matcher {
  name: string;
  owner: string;
  severity: string;
  pattern: Pattern;
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'packages/vscode-extension/package.json'), 'utf8'));
const matchers = manifest.contributes.problemMatchers as Matcher[];
const byName = (name: string) => matchers.find((m) => m.name === name)!;
const LEVELS = { error: '错误', warning: '警告', info: '提示' } as const;

interface Expected {
  file: string;
  line: number;
  column: number;
  level: keyof typeof LEVELS;
  message: string;
  ruleId: string;
}

/** What VS Code's matcher reads from one line (JavaScript regular expressions, as VS Code runs them). */
function read(matcher: Matcher, line: string) {
  const m = new RegExp(matcher.pattern.regexp).exec(line);
  if (!m) return undefined;
  const p = matcher.pattern;
  return { file: m[p.file], line: Number(m[p.line]), column: Number(m[p.column]), message: m[p.message], code: m[p.code], severity: matcher.severity };
}

const seeds = Object.values(SEED_FILES).map((f) => join('seeds', f));

async function cliRun(): Promise<{ lines: string[]; expected: Expected[] }> {
  const unix = await runMain(['-f', 'unix', ...seeds]);
  const json = await runMain(['-f', 'json', ...seeds]);
  const results = JSON.parse(json.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string; level: Expected['level']; message: string; line: number; column: number }> }>;
  const expected = results.flatMap((r) => r.messages.map((m) => ({ file: r.filePath, line: m.line, column: m.column, level: m.level, message: m.message, ruleId: m.ruleId })));
  return { lines: unix.stdout.split('\n').filter(Boolean), expected };
}

describe('problem matchers for fzlint -f unix', () => {
  test('contributed: $fzlint-unix for every finding and one matcher per level', () => {
    expect(matchers.map((m) => m.name).sort()).toEqual(['fzlint-unix', 'fzlint-unix-error', 'fzlint-unix-info', 'fzlint-unix-warning']);
    for (const m of matchers) expect(m.owner).toBe('fzlint');
  });

  test('each level matcher reads exactly the findings of its level, as the JSON output gives them', async () => {
    const { lines, expected } = await cliRun();
    expect(lines.length).toBe(expected.length);
    expect(new Set(expected.map((e) => e.level)).size).toBe(3); // the seeds have errors, warnings and infos
    lines.forEach((line, i) => {
      const want = expected[i]!;
      for (const level of Object.keys(LEVELS) as Array<keyof typeof LEVELS>) {
        const got = read(byName(`fzlint-unix-${level}`), line);
        if (level !== want.level) {
          expect(got, line).toBeUndefined();
          continue;
        }
        expect(got, line).toEqual({ file: want.file, line: want.line, column: want.column, message: want.message, code: want.ruleId, severity: level });
      }
    });
  });

  test('$fzlint-unix reads every finding, its level kept at the start of the message', async () => {
    const { lines, expected } = await cliRun();
    lines.forEach((line, i) => {
      const want = expected[i]!;
      expect(read(byName('fzlint-unix'), line), line).toEqual({
        file: want.file,
        line: want.line,
        column: want.column,
        message: `${LEVELS[want.level]} ${want.message}`,
        code: want.ruleId,
        severity: 'warning',
      });
    });
  });

  test('a message with brackets and colons of its own still ends at the rule', () => {
    const line = 'a/b:c.md:3:5: 警告 「[1]」之后：缺少 [x] 的说明 [my/rule-1]';
    expect(read(byName('fzlint-unix-warning'), line)).toMatchObject({ file: 'a/b:c.md', line: 3, column: 5, message: '「[1]」之后：缺少 [x] 的说明', code: 'my/rule-1' });
  });
});
