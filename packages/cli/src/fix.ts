import { applyFixes, type Diagnostic, type Engine, type LintOptions, type LintResult } from '@fzlint/core';
import { withLineEnding, type LineEnding } from './inputs/encoding.js';

export interface FixOutcome {
  output: string;
  applied: number;
  result: LintResult;
}

/**
 * Applies certain fixes until none is left (at most `maxPasses`), ESLint-style. Like the engine's
 * own fix(), but line breaks inside inserted text follow the file's line ending, so a CRLF file
 * stays CRLF. Running it again on its output applies nothing (idempotent).
 */
export function fixText(engine: Engine, text: string, options: LintOptions, eol: LineEnding, maxPasses = 10): FixOutcome {
  let output = text;
  let applied = 0;
  let result = engine.lint(output, options);
  for (let pass = 0; pass < maxPasses; pass++) {
    const { output: next, applied: done } = applyFixes(output, result.diagnostics.map((d) => adaptLineEndings(d, eol)));
    if (!done.length || next === output) break;
    applied += done.length;
    output = next;
    result = engine.lint(output, options);
  }
  return { output, applied, result };
}

function adaptLineEndings(d: Diagnostic, eol: LineEnding): Diagnostic {
  if (!d.fix || eol === '\n') return d;
  return { ...d, fix: { ...d.fix, edits: d.fix.edits.map((e) => ({ ...e, text: withLineEnding(e.text, eol) })) } };
}
