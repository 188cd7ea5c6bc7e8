import { REPORT_STRUCTURE_KINDS } from './rules/report-structure-kinds.js';
import { disabledAt, type DisableDirective } from './document/disable.js';
import { formatForPath, parseReport, type DocumentFormat, type ParseOptions, type ReportDocument } from './document/parse.js';
import { ResolvedConfig, type ActiveRule } from './config/compile.js';
import type { EditionChoice } from './config/editions.js';
import { ENGINE_RULES } from './config/engine-rules.js';
import { readConfigData } from './config/load.js';
import { dirname, join } from './config/paths.js';
import { applyFixes } from './fix.js';
import { appliesToYear, type Fact } from './rules/kind.js';
import { makeDiagnostic, runRules } from './rules/run-rules.js';
import type { PreviousReport } from './rules/previous.js';
import { SectionIndex } from './rules/sections.js';
import { readReport, type ReportInfo } from './report-info.js';
import { documentAnchor, newline } from './rules/scope.js';
import { Deadline, LintTimeout, TimeLimitExceeded, type TimeLimit } from './time-limit.js';
import type { Diagnostic, Logger, Severity } from './types.js';

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
  previous?: { path: string; text: string; format?: DocumentFormat; regions?: ParseOptions['regions'] };
  /**
   * The report already parsed (`parseReport(text, { path, format })`), when the host parsed it
   * before, e.g. to read its unit and year. Used only if it is of this very text, path and format.
   */
  document?: ReportDocument;
  /** Regions of the text that are not the body (page headers, footnotes …), as in ParseOptions. */
  regions?: ParseOptions['regions'];
  /** When given, milliseconds spent are added up per rule id (and `fzlint/parse` for parsing), like ESLint's TIMING. */
  timing?: Map<string, number>;
  /**
   * A time budget: a rule that runs past it is stopped with a `fzlint/rule-timeout` finding. If
   * parsing itself runs past it (only a host `interrupt` can tell), lint throws LintTimeout.
   */
  timeLimit?: TimeLimit;
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
  /** False when the pass limit was reached with fixes still to apply (running fix again would change more). */
  converged: boolean;
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
      let converged = false;
      while (passes < maxPasses) {
        const eol = newline(result.document);
        const { output: next, applied } = applyFixes(output, eol === '\n' ? result.diagnostics : result.diagnostics.map((d) => withLineEnding(d, eol)));
        if (applied.length === 0 || seen.has(next)) {
          converged = true;
          break;
        }
        seen.add(next);
        fixed += applied.length;
        passes++;
        output = next;
        result = lint(output, options, env.logger);
      }
      if (!converged) converged = !result.diagnostics.some((d) => d.fix);
      return { output, fixed, passes, converged, result };
    },
  };
}

function lint(text: string, options: LintOptions, logger?: Logger): LintResult {
  const { config, timing } = options;
  const deadline = new Deadline(options.timeLimit);
  const parseStart = performance.now();
  const given = options.document;
  const format = options.format ?? formatForPath(options.path);
  const doc =
    given && given.text === text && given.path === options.path && given.format === format
      ? given
      : parseWithin(deadline, () => parseReport(text, { path: options.path, format, regions: options.regions }));
  if (timing) timing.set('fzlint/parse', (timing.get('fzlint/parse') ?? 0) + performance.now() - parseStart);
  const year = doc.meta.year?.value;
  const reading = readReport(doc, config, options.path, options.edition, options.region);
  const choice = reading.choice;
  const editionId = choice.edition?.id;
  const active = config.activeRules(editionId, options.path, options.rules);
  const { engineSeverity } = active;
  const notReport = reading.findings.some((f) => f.rule === 'fzlint/not-annual-report');
  const rules = rulesForYear(notReport ? active.rules.filter((r) => !REPORT_STRUCTURE_KINDS.has(r.def.kind)) : active.rules, year);
  const sections = new SectionIndex(doc, config.sectionsFor(editionId));
  const previous = options.previous ? parsePrevious(options.previous, config) : undefined;
  const diagnostics: Diagnostic[] = [];

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

  const out = runRules({
    doc,
    year,
    sections,
    previous,
    rules,
    deadline,
    timing,
    engineFinding(id, message) {
      const a = documentAnchor(doc);
      engineFinding(id, a.start, a.end, message);
    },
    logError: (message) => logger?.error?.(message),
  });
  diagnostics.push(...out.diagnostics);
  const { facts, order } = out;

  const disabled = disabledAt(doc.disables);
  const used = new Set<DisableDirective>();
  const seen = new Set<string>();
  const unsuppressed = diagnostics.filter((d) => {
    const by = disabled(d.ruleId, d.range.start.line, d.start);
    if (by) used.add(by);
    return !by;
  });
  // A disable comment that hides nothing is left over from an old draft (like ESLint's unused directives).
  for (const d of doc.disables) {
    if (d.type === 'enable' || used.has(d)) continue;
    const sev = (engineSeverity.get('fzlint/unused-disable') ?? ENGINE_RULES['fzlint/unused-disable']!.severity) as Severity | 'off';
    if (sev === 'off') continue;
    const comment = doc.text.slice(d.start, d.end);
    const finding = makeDiagnostic(doc, 'fzlint/unused-disable', sev, d.start, d.end, `「${comment}」没有屏蔽任何问题，可以删除`);
    finding.fix = { title: '删除这条注释', edits: [removalOf(doc.text, d.start, d.end)] };
    unsuppressed.push(finding);
  }
  const kept = unsuppressed
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
  const doc = parseReport(prev.text, { path: prev.path, format: prev.format, regions: prev.regions });
  const { choice } = readReport(doc, config, prev.path, undefined);
  return { path: prev.path, doc, sections: new SectionIndex(doc, config.sectionsFor(choice.edition?.id)) };
}

/** Removing a comment: with its line when it stands alone on it. */
function removalOf(text: string, start: number, end: number): { start: number; end: number; text: string } {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const nl = text.indexOf('\n', end);
  const lineEnd = nl < 0 ? text.length : nl + 1;
  const alone = text.slice(lineStart, start).trim() === '' && text.slice(end, nl < 0 ? text.length : nl).trim() === '';
  if (alone) return { start: lineStart, end: lineEnd, text: '' };
  // At the end of a line of text, the spaces before the comment go with it.
  const atLineEnd = text.slice(end, nl < 0 ? text.length : nl).trim() === '';
  const before = atLineEnd ? /[ \t\u3000]*$/.exec(text.slice(lineStart, start))![0].length : 0;
  return { start: start - before, end, text: '' };
}

/** Inserted text follows the document's line breaks, so fixing a CRLF file keeps it CRLF. */
function withLineEnding(d: Diagnostic, eol: string): Diagnostic {
  if (!d.fix) return d;
  return { ...d, fix: { ...d.fix, edits: d.fix.edits.map((e) => ({ ...e, text: e.text.replace(/\r\n|\r|\n/g, eol) })) } };
}

/** Parsing gets the whole lint's budget (or one rule's); it is stopped only by the host's interrupt. */
function parseWithin<T>(deadline: Deadline, parse: () => T): T {
  const limit = deadline.limit;
  try {
    return deadline.guard(parse, limit?.totalMs ?? limit?.ruleMs ?? Infinity);
  } catch (e) {
    if (e instanceof TimeLimitExceeded) throw new LintTimeout(limit?.totalMs ?? limit?.ruleMs ?? 0);
    throw e;
  }
}
