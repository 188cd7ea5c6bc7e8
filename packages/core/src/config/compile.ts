import picomatch from 'picomatch';
import { DEFAULT_COPY_SETTINGS, type CopySettings } from '../batch/copies.js';
import { KIND_BY_NAME } from '../rules/kinds/index.js';
import type { Check, CompileContext, RuleDefinition } from '../rules/kind.js';
import type { SectionDefinition } from '../rules/sections.js';
import { compilePattern, PatternError, type SafePattern } from '../text/regex.js';
import { ConfigError, type ConfigProblem, type Severity } from '../types.js';
import { ENGINE_RULES } from './engine-rules.js';
import { mergeRule, type ConfigData, type EditionDefinition, type OverrideEntry, type RuleEntry } from './load.js';
import { isAbsolute, relative, resolve } from './paths.js';
import type { YamlPath } from './yaml-source.js';

export interface ActiveRule {
  def: RuleDefinition;
  check: Check;
}

/** A loaded, validated configuration, ready to lint with. Compiled rule sets are cached per edition and override combination. */
export class ResolvedConfig {
  readonly sectionDefs: SectionDefinition[];
  private readonly base = new Map<string, ActiveRule>();
  private readonly cache = new Map<string, { rules: ActiveRule[]; engineSeverity: Map<string, string> }>();
  private readonly sectionsByEdition = new Map<string, SectionDefinition[]>();
  private readonly matchers: Array<(path: string) => boolean>;

  constructor(readonly data: ConfigData) {
    const problems: ConfigProblem[] = [];
    this.sectionDefs = [...data.sections.values()].map((entry) => compileSection(entry.id, entry.raw, entry.edition, entry.origin, data, problems));
    for (const entry of data.rules.values()) {
      const compiled = this.compileRule(entry, problems);
      if (compiled) this.base.set(entry.id, compiled);
    }
    if (problems.length) throw new ConfigError(problems);
    this.matchers = data.overrides.map((o) => overrideMatcher(o));
  }

  /** Whether the config defines or inherits any rule at all (even ones turned off). */
  get hasRules(): boolean {
    return this.data.rules.size > 0;
  }

  get editions(): EditionDefinition[] {
    return [...this.data.editions.values()];
  }

  /** All rule definitions (after overrides for `path`, if given), including those turned off. */
  ruleDefinitions(path?: string, extra?: Record<string, unknown>): RuleDefinition[] {
    return this.rulesFor(path, extra).all.map((r) => r.def);
  }

  /** The rules that run for a file under an edition, plus engine-finding severities. */
  activeRules(edition: string | undefined, path: string | undefined, extra?: Record<string, unknown>): { rules: ActiveRule[]; engineSeverity: Map<string, string> } {
    const { all, key, engineSeverity } = this.rulesFor(path, extra);
    const cacheKey = `${edition ?? ''}|${key}`;
    let hit = this.cache.get(cacheKey);
    if (!hit) {
      const rules = all.filter((r) => r.def.severity !== 'off' && (!r.def.edition || r.def.edition === edition));
      hit = { rules, engineSeverity };
      this.cache.set(cacheKey, hit);
    }
    return hit;
  }

  /**
   * How the batch copy search treats a file: its severity for fzlint/copied-passage (after
   * overrides and `extra`, the command line's --rule) and the config's `copies:` settings;
   * undefined when the finding is off for it.
   */
  copySettings(path: string | undefined, extra?: Record<string, unknown>): (CopySettings & { severity: Severity }) | undefined {
    const id = 'fzlint/copied-passage';
    const severity = (this.activeRules(undefined, path, extra).engineSeverity.get(id) ?? ENGINE_RULES[id]!.severity) as Severity | 'off';
    if (severity === 'off') return undefined;
    return { ...DEFAULT_COPY_SETTINGS, ...this.data.copies, severity };
  }

  /** Edition pinned for a file by overrides, if any. */
  editionFor(path: string | undefined): string {
    let edition = this.data.edition;
    this.data.overrides.forEach((o, i) => {
      if (o.edition && path && this.matchers[i]!(path)) edition = o.edition;
    });
    return edition;
  }

  /** Region set for a file by the config or its overrides (广东省), if any. */
  regionFor(path: string | undefined): string | undefined {
    let region = this.data.region;
    this.data.overrides.forEach((o, i) => {
      if (o.region && path && this.matchers[i]!(path)) region = o.region;
    });
    return region;
  }

  sectionsFor(edition: string | undefined): SectionDefinition[] {
    const key = edition ?? '';
    let list = this.sectionsByEdition.get(key);
    if (!list) {
      const visible = new Map<string, SectionDefinition>();
      for (const s of this.sectionDefs) if (!s.edition && !visible.has(s.id)) visible.set(s.id, s);
      for (const s of this.sectionDefs) if (edition && s.edition === edition) visible.set(s.id, s);
      this.sectionsByEdition.set(key, (list = [...visible.values()]));
    }
    return list;
  }

  private rulesFor(path: string | undefined, extra?: Record<string, unknown>) {
    const applicable = this.data.overrides.map((o, i) => (path && this.matchers[i]!(path) ? i : -1)).filter((i) => i >= 0);
    const extraKey = extra ? JSON.stringify(extra) : '';
    const key = `${applicable.join(',')}|${extraKey}`;
    if (!applicable.length && !extra) return { all: [...this.base.values()], key, engineSeverity: this.data.engineSeverity };
    const rules = new Map(this.data.rules);
    const engineSeverity = new Map(this.data.engineSeverity);
    const problems: ConfigProblem[] = [];
    for (const i of applicable) {
      const o = this.data.overrides[i]!;
      const source = this.data.sources.get(o.origin.file)!;
      for (const [id, value] of Object.entries(o.rules)) {
        mergeRule(rules, engineSeverity, id, value, source, [...o.origin.path, 'rules', id], undefined, { ...o.origin, path: [...o.origin.path, 'rules', id] }, problems, true);
      }
    }
    for (const [id, value] of Object.entries(extra ?? {})) {
      if (rules.has(id)) rules.set(id, { ...rules.get(id)!, raw: { ...rules.get(id)!.raw, ...(typeof value === 'string' ? { severity: value } : (value as object)) } });
      else if (ENGINE_RULES[id] && typeof value === 'string') engineSeverity.set(id, value);
    }
    const all: ActiveRule[] = [];
    for (const entry of rules.values()) {
      const baseRule = this.base.get(entry.id);
      if (baseRule && this.data.rules.get(entry.id) === entry) all.push(baseRule);
      else {
        const compiled = this.compileRule(entry, problems);
        if (compiled) all.push(compiled);
      }
    }
    return { all, key, engineSeverity };
  }

  private compileRule(entry: RuleEntry, problems: ConfigProblem[]): ActiveRule | undefined {
    const kind = KIND_BY_NAME.get(String(entry.raw.kind));
    if (!kind) return undefined;
    const { kind: _k, severity, message, messages, description, doc, source, url, edition, years, ...options } = entry.raw;
    const def: RuleDefinition = {
      id: entry.id,
      kind: kind.name,
      severity: (severity as Severity | 'off') ?? 'warning',
      message: message as string | undefined,
      messages: messages as Record<string, string> | undefined,
      description: description as string | undefined,
      doc: doc as string | undefined,
      source: source as string | undefined,
      url: url as string | undefined,
      edition: entry.edition ?? (edition as string | undefined),
      years: years as RuleDefinition['years'],
      options,
      origin: entry.origin,
    };
    const yaml = this.data.sources.get(entry.origin.file);
    const visible = () => (def.edition ? this.sectionsFor(def.edition) : this.sectionDefs.filter((s) => !s.edition));
    const ctx: CompileContext = {
      section: (id) => visible().find((s) => s.id === id) ?? (def.edition ? undefined : this.sectionDefs.find((s) => s.id === id)),
      allSections: visible,
      problem: (path: YamlPath, msg: string) => {
        const full = [...entry.origin.path, ...path];
        const text = `规则「${entry.id}」：${msg}`;
        problems.push(yaml ? yaml.problem(full, text) : { file: entry.origin.file, line: 1, column: 1, message: text });
      },
    };
    try {
      return { def, check: kind.compile(def, ctx) };
    } catch (e) {
      ctx.problem([], `无法编译：${(e as Error).message}`);
      return undefined;
    }
  }
}

function compileSection(
  id: string,
  raw: Record<string, unknown>,
  edition: string | undefined,
  origin: SectionDefinition['origin'],
  data: ConfigData,
  problems: ConfigProblem[],
): SectionDefinition {
  const yaml = data.sources.get(origin.file);
  const patterns: SafePattern[] = [];
  ((raw.patterns as string[] | undefined) ?? []).forEach((p, i) => {
    try {
      patterns.push(compilePattern(p, { deferred: origin.pack !== undefined }));
    } catch (e) {
      const msg = `部分「${id}」：${e instanceof PatternError ? e.message : String(e)}`;
      problems.push(yaml ? yaml.problem([...origin.path, 'patterns', i], msg) : { file: origin.file, line: 1, column: 1, message: msg });
    }
  });
  return {
    id,
    name: String(raw.name),
    heading: raw.heading as string | undefined,
    level: (raw.level as number | undefined) ?? 1,
    within: raw.within as string | undefined,
    order: raw.order as number | undefined,
    keywords: (raw.keywords as string[] | undefined) ?? [],
    patterns,
    exclude: (raw.exclude as string[] | undefined) ?? [],
    minScore: (raw.minScore as number | undefined) ?? 1,
    mentions: (raw.mentions as string[] | undefined) ?? [],
    multiple: raw.multiple === true,
    fallbackBefore: raw.fallbackBefore as string | undefined,
    edition,
    origin,
  };
}

function overrideMatcher(o: OverrideEntry): (path: string) => boolean {
  const include = picomatch(o.files, { dot: true });
  const exclude = o.excludedFiles.length ? picomatch(o.excludedFiles, { dot: true }) : () => false;
  return (path) => {
    const abs = isAbsolute(path) ? path : resolve(o.base, path);
    const rel = relative(o.base, abs);
    return include(rel) && !exclude(rel);
  };
}
