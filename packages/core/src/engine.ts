import { disabledAt } from './document/disable.js';
import { formatForPath, parseReport, type DocumentFormat, type ReportDocument } from './document/parse.js';
import { ResolvedConfig, type ActiveRule } from './config/compile.js';
import type { EditionChoice } from './config/editions.js';
import { ENGINE_RULES } from './config/engine-rules.js';
import { readConfigData } from './config/load.js';
import { dirname, join } from './config/paths.js';
import { applyFixes } from './fix.js';
import { KIND_BY_NAME } from './rules/kinds/index.js';
import { appliesToYear, formatMessage, type Fact, type ReportInput, type RuleContext } from './rules/kind.js';
import type { PreviousReport } from './rules/previous.js';
import { SectionIndex } from './rules/sections.js';
import { readReport, type ReportInfo } from './report-info.js';
import { quoteOriginal, traditionalText } from './text/script.js';
import { documentAnchor } from './rules/scope.js';
import type { Diagnostic, Fix, Logger, RelatedLocation, Severity } from './types.js';

export const CONFIG_FILE_NAMES = ['.fzlint.yaml', '.fzlint.yml'];

/** What the host provides: file reading (for config and rule files) and an optional logger. */
export interface EngineEnvironment {
  readFile(path: string): Promise<string>;
  /** Defaults to attempting readFile. */
  exists?(path: string): Promise<boolean>;
  logger?: Logger;
}

export interface LintOptions {
  path?: string;
  format?: DocumentFormat;
  config: ResolvedConfig;
  /** `auto` or an edition id; overrides the config's `edition`. */
  edition?: string;
  /** The reports' region (广东 / 广东省), e.g. from --region; overrides the config's `region` (a report's front matter still wins). */
  region?: string;
  /** Extra rule settings on top of the config (e.g. from --rule id:severity). */
  rules?: Record<string, unknown>;
  /** Last year's report, if the host found one. */
  previous?: { path: string; text: string; format?: DocumentFormat };
  /**
   * The report already parsed (`parseReport(text, { path, format })`), when the host parsed it
   * before, e.g. to read its unit and year. Used only if it is of this very text, path and format.
   */
  document?: ReportDocument;
  /** When given, milliseconds spent are added up per rule id (and `fzlint/parse` for parsing), like ESLint's TIMING. */
  timing?: Map<string, number>;
}

export interface LintResult {
  path?: string;
  document: ReportDocument;
  diagnostics: Diagnostic[];
  /** What the rules found or missed (sections, data points …), for checklists and reports. */
  facts: Fact[];
  year?: number;
  edition?: { id: string; name: string; reason: EditionChoice['reason'] };
  /** Title, year, unit, region and edition as read, each with where it came from. */
  report: ReportInfo;
  sections: SectionIndex;
  previous?: PreviousReport;
  /** The rules that ran, by id (for hovers and explanations); shared by the results of one config. */
  rules: ReadonlyMap<string, ActiveRule>;
}

export interface FixResult {
  output: string;
  /** Number of fixes applied over all passes. */
  fixed: number;
  passes: number;
  /** Lint result of the final text. */
  result: LintResult;
}

export interface Engine {
  loadConfig(options?: { file?: string; text?: string; cwd?: string; extends?: string[] }): Promise<ResolvedConfig>;
  findConfigFile(fromDir: string): Promise<string | undefined>;
  lint(text: string, options: LintOptions): LintResult;
  fix(text: string, options: LintOptions, maxPasses?: number): FixResult;
}

export function createEngine(env: EngineEnvironment): Engine {
  const exists = env.exists ?? ((p: string) => env.readFile(p).then(() => true, () => false));
  return {
    async loadConfig(options = {}) {
      const data = await readConfigData(env, { ...options, cwd: options.cwd ?? '.' });
      return new ResolvedConfig(data);
    },
    async findConfigFile(fromDir) {
      let dir = fromDir;
      for (;;) {
        for (const name of CONFIG_FILE_NAMES) {
          const candidate = join(dir, name);
          if (await exists(candidate)) return candidate;
        }
        const parent = dirname(dir);
        if (parent === dir || parent === '.') return undefined;
        dir = parent;
      }
    },
    lint: (text, options) => lint(text, options, env.logger),
    fix(text, options, maxPasses = 10) {
      let output = text;
      let fixed = 0;
      let passes = 0;
      let result = lint(output, options, env.logger);
      // Rules that undo each other's fixes would cycle; a text seen before ends the passes.
      const seen = new Set([output]);
      while (passes < maxPasses) {
        const { output: next, applied } = applyFixes(output, result.diagnostics);
        if (applied.length === 0 || seen.has(next)) break;
        seen.add(next);
        fixed += applied.length;
        passes++;
        output = next;
        result = lint(output, options, env.logger);
      }
      return { output, fixed, passes, result };
    },
  };
}

function lint(text: string, options: LintOptions, logger?: Logger): LintResult {
  const { config, timing } = options;
  const clock = timing ? () => performance.now() : undefined;
  const spent = (id: string, since: number) => timing!.set(id, (timing!.get(id) ?? 0) + performance.now() - since);
  const parseStart = clock?.() ?? 0;
  const given = options.document;
  const format = options.format ?? formatForPath(options.path);
  const doc = given && given.text === text && given.path === options.path && given.format === format ? given : parseReport(text, { path: options.path, format });
  if (timing) spent('fzlint/parse', parseStart);
  const year = doc.meta.year?.value;
  const reading = readReport(doc, config, options.path, options.edition, options.region);
  const choice = reading.choice;
  const editionId = choice.edition?.id;
  const active = config.activeRules(editionId, options.path, options.rules);
  const { engineSeverity } = active;
  const rules = rulesForYear(active.rules, year);
  const sections = new SectionIndex(doc, config.sectionsFor(editionId));
  const previous = options.previous ? parsePrevious(options.previous, config) : undefined;
  const diagnostics: Diagnostic[] = [];
  /** Rule position in the config, so findings at one spot keep the packs' order (part 1 before part 2). */
  const order = new Map<Diagnostic, number>();
  const facts: Fact[] = [];

  const engineFinding = (id: keyof typeof ENGINE_RULES, start: number, end: number, message: string) => {
    const sev = (engineSeverity.get(id) ?? ENGINE_RULES[id]!.severity) as Severity | 'off';
    if (sev !== 'off') diagnostics.push(makeDiagnostic(doc, id, sev, start, end, message));
  };

  for (const p of doc.problems) engineFinding(p.rule, p.start, p.end, p.message);
  if (!config.hasRules) {
    const a = documentAnchor(doc);
    const where = config.data.file ? `配置文件 ${config.data.file}` : '配置';
    engineFinding('fzlint/no-rules', a.start, a.end, `${where}没有定义或继承任何规则，因此未做检查；通常应写 extends: fzlint:recommended`);
  }
  for (const f of reading.findings) {
    const a = documentAnchor(doc);
    engineFinding(f.rule, a.start, a.end, f.message);
  }

  // One context for all rules of this report; `report` and `record` read the rule being run.
  let def = rules[0]?.def as ActiveRule['def'];
  let kind = KIND_BY_NAME.get(def?.kind)!;
  let ruleIndex = 0;
  const ctx: RuleContext = {
    doc,
    year,
    sections,
    previous,
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
      order.set(d, ruleIndex);
      diagnostics.push(d);
    },
    record(fact) {
      facts.push({ ...fact, ruleId: def.id });
    },
  };
  for (; ruleIndex < rules.length; ruleIndex++) {
    const active = rules[ruleIndex]!;
    def = ctx.rule = active.def;
    kind = KIND_BY_NAME.get(def.kind)!;
    const ruleStart = clock?.() ?? 0;
    try {
      active.check(ctx);
      if (timing) spent(def.id, ruleStart);
    } catch (e) {
      logger?.error?.(`fzlint: rule ${def.id} failed on ${options.path ?? '<text>'}: ${(e as Error)?.stack ?? String(e)}`);
      const a = documentAnchor(doc);
      engineFinding('fzlint/rule-error', a.start, a.end, `规则「${def.id}」执行出错，已跳过：${(e as Error)?.message ?? String(e)}`);
    }
  }

  const disabled = disabledAt(doc.disables);
  const seen = new Set<string>();
  const kept = diagnostics
    .filter((d) => !disabled(d.ruleId, d.range.start.line, d.start))
    .filter((d) => {
      const key = `${d.ruleId}|${d.start}|${d.end}|${d.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.start - b.start || (order.get(a) ?? -1) - (order.get(b) ?? -1) || a.end - b.end);

  return {
    path: options.path,
    document: doc,
    diagnostics: kept,
    facts,
    year,
    edition: choice.edition ? { id: choice.edition.id, name: choice.edition.name, reason: choice.reason } : undefined,
    report: reading.info,
    sections,
    previous,
    rules: rulesById(rules),
  };
}

// A batch lints many reports with the same config: the rule lists per year and their id maps are made once.
const byYear = new WeakMap<readonly ActiveRule[], Map<number | undefined, ActiveRule[]>>();
const byId = new WeakMap<readonly ActiveRule[], ReadonlyMap<string, ActiveRule>>();

function rulesForYear(all: readonly ActiveRule[], year: number | undefined): ActiveRule[] {
  let cache = byYear.get(all);
  if (!cache) byYear.set(all, (cache = new Map()));
  let list = cache.get(year);
  if (!list) cache.set(year, (list = all.filter((r) => appliesToYear(r.def.years, year))));
  return list;
}

function rulesById(rules: readonly ActiveRule[]): ReadonlyMap<string, ActiveRule> {
  let map = byId.get(rules);
  if (!map) byId.set(rules, (map = new Map(rules.map((r) => [r.def.id, r]))));
  return map;
}

function parsePrevious(prev: NonNullable<LintOptions['previous']>, config: ResolvedConfig): PreviousReport {
  const doc = parseReport(prev.text, { path: prev.path, format: prev.format });
  const { choice } = readReport(doc, config, prev.path, undefined);
  return { path: prev.path, doc, sections: new SectionIndex(doc, config.sectionsFor(choice.edition?.id)) };
}

function makeDiagnostic(doc: ReportDocument, ruleId: string, severity: Severity, start: number, end: number, message: string): Diagnostic {
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
