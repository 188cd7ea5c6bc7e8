import { BUILTIN_PACK_SOURCES } from '../builtin/packs.generated.js';
import { KIND_BY_NAME, KINDS } from '../rules/kinds/index.js';
import type { RuleOrigin } from '../rules/kind.js';
import { ConfigError, type ConfigProblem } from '../types.js';
import { own } from '../registry.js';
import { ENGINE_RULES } from './engine-rules.js';
import { dirname, resolve } from './paths.js';
import { normalizeRegion, regionNames } from '../document/region.js';
import { FILE_SCHEMA, ruleSchema, SECTION_SCHEMA } from './schema.js';
import { closest, loadValidator, validateAt } from './validate.js';
import { parseYamlSource, prebuiltYamlSource, type YamlPath, type YamlSource } from './yaml-source.js';

export const DEFAULT_EXTENDS = 'fzlint:recommended';
const YAML_FILE = /\.ya?ml$/i;
export const BUILTIN_PREFIX = 'fzlint:';

export interface EditionDefinition {
  id: string;
  name: string;
  from?: number;
  to?: number;
  /** Province-level regions the edition is for (广东省); absent: any region. */
  regions?: string[];
  default?: boolean;
}

export interface RuleEntry {
  id: string;
  /** Merged YAML object: kind, severity, message … and the kind's options. */
  raw: Record<string, unknown>;
  origin: RuleOrigin;
  edition?: string;
}

export interface SectionEntry {
  id: string;
  raw: Record<string, unknown>;
  edition?: string;
  origin: RuleOrigin;
}

export interface OverrideEntry {
  files: string[];
  excludedFiles: string[];
  /** Directory the globs are relative to. */
  base: string;
  edition?: string;
  region?: string;
  rules: Record<string, unknown>;
  origin: RuleOrigin;
}

/** Everything read from a config file and the packs it extends, merged in order. */
export interface ConfigData {
  file?: string;
  dir: string;
  edition: string;
  /** The config file that set `edition` (for the position of an unknown one). */
  editionFile?: string;
  /** The region of the reports (广东省), when the config says it; otherwise read from each report. */
  region?: string;
  rules: Map<string, RuleEntry>;
  sections: Map<string, SectionEntry>;
  editions: Map<string, EditionDefinition>;
  engineSeverity: Map<string, string>;
  overrides: OverrideEntry[];
  files?: string[];
  ignores?: string[];
  previous?: Record<string, string>;
  /** `copies:` settings for finding passages copied between the reports of a batch. */
  copies?: { threshold?: number; minChars?: number; commonIn?: number };
  /** Front matter `previous:` may point anywhere (config `allowExternalPrevious: true`). */
  allowExternalPrevious?: boolean;
  /** Where the generated rule docs (rules.html) are published; rules link to `${docsUrl}#${id}`. */
  docsUrl?: string;
  /** Files read, in order (built-in packs as rules/<name>.yaml). */
  sources: Map<string, YamlSource>;
}

export interface ReadEnvironment {
  readFile(path: string): Promise<string>;
}

export function sectionKey(edition: string | undefined, id: string): string {
  return `${edition ?? ''}\u0000${id}`;
}

export function builtinPackNames(): string[] {
  return Object.keys(BUILTIN_PACK_SOURCES);
}

export async function readConfigData(
  env: ReadEnvironment,
  options: { file?: string; text?: string; cwd: string; extends?: string[] },
): Promise<ConfigData> {
  const data: ConfigData = {
    file: options.file,
    dir: options.file ? dirname(options.file) : options.cwd,
    edition: 'auto',
    rules: new Map(),
    sections: new Map(),
    editions: new Map(),
    engineSeverity: new Map(),
    overrides: [],
    sources: new Map(),
  };
  const problems: ConfigProblem[] = [];
  const loader = new Loader(env, data, problems);
  if (options.file) {
    if (!YAML_FILE.test(options.file)) throw new ConfigError([{ file: options.file, line: 1, column: 1, message: '配置文件应为 .yaml 或 .yml 文件' }]);
    let text = options.text;
    if (text === undefined) {
      try {
        text = await env.readFile(options.file);
      } catch (e) {
        throw new ConfigError([{ file: options.file, line: 1, column: 1, message: `无法读取配置文件：${errorText(e)}` }]);
      }
    }
    await loader.apply(options.file, text, false, []);
  } else {
    await loader.applyExtends(options.extends ?? [DEFAULT_EXTENDS], undefined, data.dir, []);
  }
  checkEditionNames(data, problems);
  if (problems.length) throw new ConfigError(problems);
  return data;
}

/** `edition:` (top level and in overrides) must name an edition the config defines: a typo is an error, not a silent fallback. */
function checkEditionNames(data: ConfigData, problems: ConfigProblem[]): void {
  const ids = [...data.editions.keys()];
  const check = (value: string | undefined, file: string | undefined, path: YamlPath) => {
    if (!value || value === 'auto' || data.editions.has(value)) return;
    const source = file ? data.sources.get(file) : undefined;
    const message = unknownEdition(value, ids);
    problems.push(source ? source.problem(path, message) : { file: file ?? '<config>', line: 1, column: 1, message });
  };
  check(data.edition, data.editionFile, ['edition']);
  for (const o of data.overrides) check(o.edition, o.origin.file, [...o.origin.path, 'edition']);
}

/** 未知的模板版本「x」，是否要写「guangdong-2024」？可用：auto、… */
export function unknownEdition(value: string, ids: string[]): string {
  const guess = closest(value, ids);
  return `未知的模板版本「${value}」${guess ? `，是否要写「${guess}」？` : '；'}可用：auto、${ids.join('、')}`;
}

function errorText(e: unknown): string {
  const err = e as { code?: string; message?: string } | undefined;
  if (err?.code === 'ENOENT') return '文件不存在';
  if (err?.code === 'EACCES' || err?.code === 'EPERM') return '没有读取权限';
  if (err?.code === 'EISDIR') return '这是一个目录';
  return err?.message ?? String(e);
}

class Loader {
  /** Files and packs applied so far: each is applied once, at its first place (a diamond is not applied twice). */
  private readonly applied = new Set<string>();

  constructor(
    private readonly env: ReadEnvironment,
    private readonly data: ConfigData,
    private readonly problems: ConfigProblem[],
  ) {}

  async apply(file: string, text: string, builtin: boolean, stack: string[], pack?: string, prebuilt?: unknown): Promise<void> {
    if (!builtin) await loadValidator();
    const { source, problems } = prebuilt !== undefined ? { source: prebuiltYamlSource(file, text, prebuilt), problems: [] } : parseYamlSource(file, text);
    if (!source) {
      this.problems.push(...problems);
      return;
    }
    this.data.sources.set(file, source);
    const raw = source.data ?? {};
    if (!builtin) {
      const p = validateAt(FILE_SCHEMA, raw, source, [], '');
      if (p.length) {
        this.problems.push(...p);
        return;
      }
    } else if (typeof raw !== 'object') return;
    const doc = raw as Record<string, unknown>;
    const dir = dirname(file);
    const stackHere = [...stack, file];

    if (doc.extends !== undefined) {
      const list = Array.isArray(doc.extends) ? (doc.extends as string[]) : [doc.extends as string];
      await this.applyExtends(list, source, dir, stackHere, Array.isArray(doc.extends));
    }
    const template = doc.template as Record<string, unknown> | undefined;
    let fileEdition: string | undefined;
    if (template) {
      fileEdition = String(template.id);
      const years = (template.years ?? {}) as { from?: number; to?: number };
      const regions = (template.regions as string[] | undefined)?.map((r, i) => this.region(r, source, ['template', 'regions', i]) ?? r);
      this.data.editions.set(fileEdition, {
        id: fileEdition,
        name: String(template.name),
        from: years.from,
        to: years.to,
        ...(regions?.length ? { regions } : {}),
        default: template.default === true,
      });
    }
    const origin = (path: YamlPath): RuleOrigin => ({ file, path, pack });

    for (const [id, value] of Object.entries((doc.sections ?? {}) as Record<string, unknown>)) {
      const path = ['sections', id];
      if (!builtin) {
        const p = validateAt(SECTION_SCHEMA, value, source, path, `部分「${id}」`);
        if (p.length) {
          this.problems.push(...p);
          continue;
        }
      }
      const v = value as Record<string, unknown>;
      const edition = (v.edition as string | undefined) ?? fileEdition;
      const key = sectionKey(edition, id);
      const existing = this.data.sections.get(key);
      if (existing) existing.raw = { ...existing.raw, ...v };
      else if (!v.name) this.problems.push(source.problem(path, `部分「${id}」未定义：新增部分须写 name`, true));
      else this.data.sections.set(key, { id, raw: { ...v }, edition, origin: origin(path) });
    }

    for (const [id, value] of Object.entries((doc.rules ?? {}) as Record<string, unknown>)) {
      mergeRule(this.data.rules, this.data.engineSeverity, id, value, source, ['rules', id], fileEdition, origin(['rules', id]), this.problems, builtin);
    }

    if (typeof doc.edition === 'string') {
      this.data.edition = doc.edition;
      this.data.editionFile = file;
    }
    if (typeof doc.region === 'string') this.data.region = this.region(doc.region, source, ['region']);
    if (doc.copies && typeof doc.copies === 'object') this.data.copies = { ...this.data.copies, ...(doc.copies as ConfigData['copies']) };
    if (typeof doc.allowExternalPrevious === 'boolean') this.data.allowExternalPrevious = doc.allowExternalPrevious;
    // The schema checks it is an http(s) or file URL; an anchor given by mistake would break every link.
    if (typeof doc.docsUrl === 'string') this.data.docsUrl = doc.docsUrl.replace(/#.*$/, '');
    if (doc.files) this.data.files = doc.files as string[];
    if (doc.ignores) this.data.ignores = doc.ignores as string[];
    if (doc.previous) {
      this.data.previous = Object.assign(Object.create(null) as Record<string, string>, this.data.previous);
      for (const [k, v] of Object.entries(doc.previous as Record<string, string>)) this.data.previous[resolve(dir, k)] = resolve(dir, v);
    }
    ((doc.overrides ?? []) as Array<Record<string, unknown>>).forEach((o, i) => {
      const entry: OverrideEntry = {
        files: o.files as string[],
        excludedFiles: (o.excludedFiles as string[] | undefined) ?? [],
        base: dir,
        edition: o.edition as string | undefined,
        region: typeof o.region === 'string' ? this.region(o.region, source, ['overrides', i, 'region']) : undefined,
        rules: (o.rules ?? {}) as Record<string, unknown>,
        origin: origin(['overrides', i]),
      };
      // Check override rules against the rules known so far, so mistakes surface at load time.
      const scratch = new Map(this.data.rules);
      for (const [id, value] of Object.entries(entry.rules)) {
        mergeRule(scratch, new Map(this.data.engineSeverity), id, value, source, ['overrides', i, 'rules', id], undefined, origin(['overrides', i, 'rules', id]), this.problems, false);
      }
      this.data.overrides.push(entry);
    });
  }

  /** A region written in a config (广东, 广东省) in its official form; an unknown one is an error. */
  private region(value: string, source: YamlSource, path: YamlPath): string | undefined {
    const known = normalizeRegion(value);
    if (!known) {
      const guess = closest(value, [...regionNames()]);
      this.problems.push(source.problem(path, `未知的地区「${value}」${guess ? `，是否要写「${guess}」？` : ''}地区写省级行政区的名称，如 广东 或 广东省`));
    }
    return known;
  }

  async applyExtends(list: string[], from: YamlSource | undefined, dir: string, stack: string[], isList = false): Promise<void> {
    for (let i = 0; i < list.length; i++) {
      const ref = list[i]!;
      const at: YamlPath = isList ? ['extends', i] : ['extends'];
      if (ref.startsWith(BUILTIN_PREFIX)) {
        const name = ref.slice(BUILTIN_PREFIX.length);
        const pack = own(BUILTIN_PACK_SOURCES, name);
        const label = pack?.path ?? ref;
        if (!pack) {
          const guess = closest(name, builtinPackNames());
          const message = `未知的内置规则包「${ref}」${guess ? `，是否要写「${BUILTIN_PREFIX}${guess}」？` : ''}可用：${builtinPackNames().map((n) => BUILTIN_PREFIX + n).join('、')}`;
          this.problems.push(from ? from.problem(at, message) : { file: ref, line: 1, column: 1, message });
          continue;
        }
        if (this.applied.has(label)) continue;
        this.applied.add(label);
        await this.apply(label, pack.text, true, stack, name, pack.data);
        continue;
      }
      const path = resolve(dir, ref);
      // Only rule files: a path to any other file (extends: /etc/passwd) is not read, so its lines never reach an error message.
      if (!YAML_FILE.test(path)) {
        const message = `被继承的规则文件「${ref}」应为 .yaml 或 .yml 文件`;
        this.problems.push(from ? from.problem(at, message) : { file: path, line: 1, column: 1, message });
        continue;
      }
      if (stack.includes(path)) {
        const cycle = [...stack.slice(stack.indexOf(path)), path].join(' → ');
        this.problems.push(from ? from.problem(at, `循环继承：${cycle}`) : { file: path, line: 1, column: 1, message: `循环继承：${cycle}` });
        continue;
      }
      // Extended again further on (A → B → D and A → C → D): D was applied at its first place.
      if (this.applied.has(path)) continue;
      this.applied.add(path);
      let text: string;
      try {
        text = await this.env.readFile(path);
      } catch (e) {
        const message = `无法读取被继承的规则文件「${ref}」（${path}）：${errorText(e)}`;
        this.problems.push(from ? from.problem(at, message) : { file: path, line: 1, column: 1, message });
        continue;
      }
      await this.apply(path, text, false, stack);
    }
  }
}

/** Adds, replaces or adjusts one rule entry (`id: severity`, a full definition with kind, or a partial override). */
export function mergeRule(
  rules: Map<string, RuleEntry>,
  engineSeverity: Map<string, string>,
  id: string,
  value: unknown,
  source: YamlSource,
  path: YamlPath,
  fileEdition: string | undefined,
  origin: RuleOrigin,
  problems: ConfigProblem[],
  trusted: boolean,
): void {
  const existing = rules.get(id);
  if (typeof value === 'string') {
    if (existing) rules.set(id, { ...existing, raw: { ...existing.raw, severity: value } });
    else if (ENGINE_RULES[id]) engineSeverity.set(id, value);
    else problems.push(source.problem(path, unknownRule(id, rules), true));
    return;
  }
  const v = value as Record<string, unknown>;
  if (typeof v.kind === 'string') {
    const kind = KIND_BY_NAME.get(v.kind);
    if (!kind) {
      const guess = closest(v.kind, KINDS.map((k) => k.name));
      problems.push(source.problem([...path, 'kind'], `规则「${id}」：未知的规则类型「${v.kind}」${guess ? `，是否要写「${guess}」？` : ''}可用类型：${KINDS.map((k) => k.name).join('、')}`));
      return;
    }
    if (!trusted) {
      const p = validateAt(ruleSchema(kind), v, source, path, `规则「${id}」`);
      if (p.length) {
        problems.push(...p);
        return;
      }
    }
    rules.set(id, { id, raw: { severity: 'warning', ...v }, origin, edition: (v.edition as string | undefined) ?? fileEdition });
    return;
  }
  if (!existing) {
    if (ENGINE_RULES[id] && typeof v.severity === 'string' && Object.keys(v).length === 1) engineSeverity.set(id, v.severity);
    else problems.push(source.problem(path, unknownRule(id, rules), true));
    return;
  }
  const kind = KIND_BY_NAME.get(String(existing.raw.kind))!;
  if (!trusted) {
    const p = validateAt(ruleSchema(kind, true), v, source, path, `规则「${id}」`);
    if (p.length) {
      problems.push(...p);
      return;
    }
  }
  rules.set(id, { ...existing, raw: { ...existing.raw, ...v } });
}

function unknownRule(id: string, rules: Map<string, RuleEntry>): string {
  const guess = closest(id, [...rules.keys(), ...Object.keys(ENGINE_RULES)]);
  return `规则「${id}」未定义${guess ? `，是否要写「${guess}」？` : ''}只写严重程度或选项时须是已有规则（fzlint rules 可列出），新增规则须写 kind`;
}
