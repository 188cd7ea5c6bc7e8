import type { ActiveRule } from '../config/compile.js';
import type { ReportDocument } from '../document/parse.js';
import { quoteOriginal, traditionalText } from '../text/script.js';
import { formatDuration, TimeLimitExceeded, type Deadline } from '../time-limit.js';
import type { Diagnostic, Fix, RelatedLocation, Severity } from '../types.js';
import { formatMessage, type Fact, type ReportInput, type RuleContext } from './kind.js';
import { KIND_BY_NAME } from './kinds/index.js';
import type { PreviousReport } from './previous.js';
import type { SectionIndex } from './sections.js';

export interface RuleRun {
  doc: ReportDocument;
  year?: number;
  sections: SectionIndex;
  previous?: PreviousReport;
  rules: readonly ActiveRule[];
  deadline: Deadline;
  /** When given, milliseconds spent are added up per rule id. */
  timing?: Map<string, number>;
  /** A finding of the engine itself (rule errors and time-outs); the caller applies its severity. */
  engineFinding(id: 'fzlint/rule-error' | 'fzlint/rule-timeout', message: string): void;
  logError(message: string): void;
}

export interface RuleOutput {
  diagnostics: Diagnostic[];
  facts: Fact[];
  /** Position of the rule that made each finding, so findings at one spot keep the packs' order. */
  order: Map<Diagnostic, number>;
}

/**
 * Runs each rule on the report, with one context shared by all of them (`report` and `record`
 * read the rule being run). A rule that throws or runs past its budget is reported and its
 * partial findings dropped; the rules after it still run.
 */
export function runRules(run: RuleRun): RuleOutput {
  const { doc, rules, deadline, timing } = run;
  const diagnostics: Diagnostic[] = [];
  const facts: Fact[] = [];
  const order = new Map<Diagnostic, number>();
  let def = rules[0]?.def as ActiveRule['def'];
  let kind = KIND_BY_NAME.get(def?.kind)!;
  let index = 0;
  const ctx: RuleContext = {
    doc,
    year: run.year,
    sections: run.sections,
    previous: run.previous,
    rule: def,
    report(input: ReportInput) {
      // The rule author's words win: messages.<id>, then message, then the kind's own text.
      const id = input.messageId ?? 'default';
      const template = input.message ?? def.messages?.[id] ?? def.message ?? kind.messages[id] ?? kind.messages.default;
      let message = formatMessage(template, input.data);
      // A report in traditional script is checked in its simplified view: quotes and fixes are put back in its own script.
      if (doc.original) message = quoteOriginal(message, doc.text, doc.original, input.start);
      const d = makeDiagnostic(doc, def.id, def.severity as Severity, input.start, input.end, message);
      // An edit that replaces text by the same text is no fix (a rule whose replacement equals its match).
      const fix = input.fix && effective(doc, input.fix);
      if (fix) d.fix = fix;
      const suggestions = input.suggestions?.map((f) => effective(doc, f)).filter((f): f is Fix => !!f);
      if (suggestions?.length) d.suggestions = suggestions;
      if (input.related?.length) {
        d.related = input.related.map((r) => related(r.doc ?? doc, r.doc && r.doc !== doc ? (r.path ?? r.doc.path) : r.path, r));
      }
      if (input.data) d.data = input.data;
      order.set(d, index);
      diagnostics.push(d);
    },
    record(fact) {
      facts.push({ ...fact, ruleId: def.id });
    },
    checkpoint: (cost) => deadline.checkpoint(cost),
  };

  // What the running rule had found when it started: an interrupted rule's findings are dropped.
  let kept = { diagnostics: 0, facts: 0 };
  let ruleStart = 0;
  const drop = () => {
    for (const d of diagnostics.splice(kept.diagnostics)) order.delete(d);
    facts.length = kept.facts;
  };
  const timedOut = (ms: number) => {
    drop();
    const total = deadline.limit?.totalMs;
    const message =
      total !== undefined && deadline.spent()
        ? `检查本报告超过 ${formatDuration(total)}，规则「${def.id}」被停止`
        : `规则「${def.id}」检查本报告超过 ${formatDuration(ms)}，已停止；其余规则照常检查`;
    run.engineFinding('fzlint/rule-timeout', message);
  };
  const runOne = () => {
    const active = rules[index]!;
    def = ctx.rule = active.def;
    kind = KIND_BY_NAME.get(def.kind)!;
    kept = { diagnostics: diagnostics.length, facts: facts.length };
    ruleStart = performance.now();
    deadline.startRule();
    try {
      active.check(ctx);
    } catch (e) {
      if (e instanceof TimeLimitExceeded) timedOut(deadline.limit!.ruleMs);
      else {
        drop();
        run.logError(`fzlint: rule ${def.id} failed on ${doc.path ?? '<text>'}: ${(e as Error)?.stack ?? String(e)}`);
        run.engineFinding('fzlint/rule-error', `规则「${def.id}」执行出错，已跳过：${(e as Error)?.message ?? String(e)}`);
      }
    }
    deadline.endRule();
    if (timing) timing.set(def.id, (timing.get(def.id) ?? 0) + performance.now() - ruleStart);
  };
  const skipRest = () => {
    const rest = rules.slice(index).map((r) => r.def.id);
    index = rules.length;
    if (!rest.length) return;
    const total = deadline.limit?.totalMs ?? 0;
    run.engineFinding('fzlint/rule-timeout', `检查本报告超过 ${formatDuration(total)}，其余 ${rest.length} 条规则未执行：${rest.join('、')}`);
  };

  // The host's interrupt costs a thread start per call, so it guards a window of rules at a time,
  // as long as one rule's budget. A rule stopped by the window's end before it used its own budget
  // runs again at the start of a window of its own.
  const ruleMs = deadline.limit?.ruleMs ?? Infinity;
  while (index < rules.length) {
    const first = index;
    try {
      deadline.guard(() => {
        for (; index < rules.length; index++) {
          if (deadline.spent()) return skipRest();
          runOne();
        }
      }, Math.min(ruleMs, deadline.remaining()));
    } catch (e) {
      if (!(e instanceof TimeLimitExceeded)) throw e;
      deadline.endRule();
      const used = performance.now() - ruleStart;
      if (index > first && used < ruleMs && !deadline.spent()) {
        drop();
        continue;
      }
      timedOut(Math.min(ruleMs, used));
      index++;
      if (deadline.spent()) skipRest();
    }
  }
  return { diagnostics, facts, order };
}

export function makeDiagnostic(doc: ReportDocument, ruleId: string, severity: Severity, start: number, end: number, message: string): Diagnostic {
  const len = doc.text.length;
  const s = Math.max(0, Math.min(start, len));
  const e = Math.max(s, Math.min(end, len));
  return { ruleId, severity, message, start: s, end: e, range: doc.lines.rangeOf(s, e) };
}

function related(doc: ReportDocument, path: string | undefined, r: { start: number; end: number; message: string }): RelatedLocation {
  const len = doc.text.length;
  const s = Math.max(0, Math.min(r.start, len));
  const e = Math.max(s, Math.min(r.end, len));
  const out: RelatedLocation = { start: s, end: e, range: doc.lines.rangeOf(s, e), message: r.message };
  if (path) out.path = path;
  return out;
}

function effective(doc: ReportDocument, fix: Fix): Fix | undefined {
  const original = doc.original;
  const inScript = original ? { ...fix, edits: fix.edits.map((e) => ({ ...e, text: traditionalText(e.text) })) } : fix;
  const text = original ?? doc.text;
  const edits = inScript.edits.filter((e) => text.slice(e.start, e.end) !== e.text);
  if (!edits.length) return undefined;
  return edits.length === inScript.edits.length ? inScript : { ...inScript, edits };
}
