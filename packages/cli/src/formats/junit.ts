import { countBySeverity, type FileResult } from '../results.js';
import { displayPath, SEVERITY_LABEL, type FormatContext } from './context.js';

/**
 * JUnit XML as CI systems read it (Jenkins, GitLab, Azure): one <testsuite> per report, one
 * <testcase> per finding; errors and warnings are <failure>s, infos pass with the text in
 * <system-out>, a file that could not be checked is an <error>. A clean report is one passing case.
 */
export function formatJunit(results: FileResult[], ctx: FormatContext): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  for (const r of results) {
    const file = displayPath(r.filePath, ctx.cwd);
    const cases: string[] = [];
    let suiteFailures = 0;
    if (r.error) {
      errors++;
      const text = [r.error.message, ...(r.error.problems ?? []).map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`)].join('\n');
      cases.push(`    <testcase name="fzlint" classname="${attr(file)}" time="0">\n      <error message="${attr(r.error.message)}" type="${r.error.kind}">${text_(text)}</error>\n    </testcase>`);
    }
    for (const d of r.diagnostics) {
      const where = d.place ?? `${d.range.start.line + 1}:${d.range.start.character + 1}`;
      const name = `${d.ruleId} ${where}`;
      const detail = `${SEVERITY_LABEL[d.severity]} ${file}:${where} ${d.message}（${d.ruleId}）`;
      if (d.severity === 'info') {
        cases.push(`    <testcase name="${attr(name)}" classname="${attr(file)}" time="0">\n      <system-out>${text_(detail)}</system-out>\n    </testcase>`);
      } else {
        suiteFailures++;
        cases.push(`    <testcase name="${attr(name)}" classname="${attr(file)}" time="0">\n      <failure message="${attr(d.message)}" type="${d.severity}">${text_(detail)}</failure>\n    </testcase>`);
      }
    }
    if (!cases.length) cases.push(`    <testcase name="fzlint" classname="${attr(file)}" time="0" />`);
    const counts = countBySeverity(r);
    tests += cases.length;
    failures += suiteFailures;
    suites.push(
      `  <testsuite name="${attr(file)}" tests="${cases.length}" failures="${suiteFailures}" errors="${r.error ? 1 : 0}" skipped="0" time="0">\n` +
        `    <properties>\n      <property name="errors" value="${counts.errors}" />\n      <property name="warnings" value="${counts.warnings}" />\n      <property name="infos" value="${counts.infos}" />\n    </properties>\n` +
        `${cases.join('\n')}\n  </testsuite>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="fzlint" tests="${tests}" failures="${failures}" errors="${errors}" time="0">\n${suites.join('\n')}\n</testsuites>\n`;
}

/** XML 1.0 forbids most control characters even when escaped. */
function clean(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd');
}

function attr(s: string): string {
  return clean(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

function text_(s: string): string {
  return clean(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
