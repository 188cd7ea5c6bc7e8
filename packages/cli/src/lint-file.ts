import { ConfigError, createEngine, LineIndex, parseReport, unknownEdition, type Diagnostic, type Engine, type LintOptions, type LintResult, type ResolvedConfig } from '@fzlint/core';
import { relative } from 'node:path';
import {
  choosePrevious,
  ConfigResolver,
  describeFsError,
  ENCODING_LABEL,
  engineEnvironment,
  FileReadError,
  HOST_RULES,
  InputError,
  INPUT_RULES,
  placeOf,
  PreviousDiscovery,
  PreviousReader,
  previousUnreadable,
  READ_LIMITS,
  readInput,
  readRegularFile,
  realFs,
  ReportFilter,
  WriteError,
  writeFixedText,
  type InputDocument,
  type WorkspaceFs,
  type WorkspaceHost,
} from '@fzlint/workspace';
import { wordDiff } from './fix-diff.js';
import { reportMeta, reportNotes } from './report-meta.js';
import type { FileDiagnostic, FileResult, RuleInfo } from './results.js';
import { engineRuleInfo, hostRuleInfo, ruleInfo } from './rule-info.js';
import { shippedDocsUrl } from './shipped-docs.js';

export const STDIN_PATH = '<stdin>';

/** Everything a worker needs to lint like the main thread (plain data). */
export interface LintSettings {
  cwd: string;
  /** --config, absolute; otherwise .fzlint.yaml is discovered upward from each file. */
  configFile?: string;
  edition?: string;
  /** --region, in its official form (广东省). */
  region?: string;
  /** --rule id:severity. */
  rules?: Record<string, string>;
  /** --previous, absolute. */
  previous?: string;
  fix: 'none' | 'write' | 'dry-run';
  /** --timing: milliseconds per rule are added to each result. */
  timing?: boolean;
  /** --rule-timeout: milliseconds a rule may run on one report (0 or absent: no limit). */
  ruleTimeout?: number;
}

/**
 * Lints one report at a time: read → decode → configure → find last year's report → lint → fix →
 * write, each step done by the workspace layer the language server uses too. One per thread.
 */
export class ReportLinter {
  readonly engine: Engine;
  private readonly host: WorkspaceHost;
  private readonly configs: ConfigResolver;
  private readonly filter = new ReportFilter();
  private readonly discovery: PreviousDiscovery;
  private readonly previous: PreviousReader;
  private readonly checkedRuleOptions = new WeakSet<ResolvedConfig>();
  private readonly reportedRules = new Set<string>();
  private readonly describedRules = new WeakSet<object>();
  private readonly shippedDocs = shippedDocsUrl();

  constructor(
    private readonly settings: LintSettings,
    private readonly fs: WorkspaceFs = realFs,
  ) {
    this.host = { fs };
    this.engine = createEngine(engineEnvironment(this.host));
    this.configs = new ConfigResolver(this.host, this.engine);
    this.discovery = new PreviousDiscovery(this.host, { keepInputs: true });
    this.previous = new PreviousReader(this.host);
  }

  /** The config for a file: --config, or the nearest .fzlint.yaml, or the built-in default. A broken one throws its ConfigError. */
  async configFor(file: string): Promise<ResolvedConfig> {
    const r = await this.configs.resolve({ path: file, configFile: this.settings.configFile, base: this.settings.cwd });
    if (r.error) throw r.error;
    return r.config;
  }

  /**
   * Lints (and with --fix, fixes) one file; never throws for a bad file: problems become `error`
   * on the result. A file excluded by the config's `ignores` (or, when found by walking a folder,
   * not matched by its `files`) comes back with `ignored`.
   */
  async lintFile(filePath: string, how: { bytes?: Uint8Array; explicit?: boolean } = {}): Promise<FileResult> {
    try {
      return await this.lintFileOrThrow(filePath, how);
    } catch (e) {
      // One file's failure (an fzlint bug, a stack overflow on a pathological input) is that
      // file's result: the batch goes on and every other file is reported as usual.
      const message = `fzlint 内部错误：${(e as Error)?.message ?? String(e)}`;
      const error = { kind: 'internal' as const, message, stack: (e as Error)?.stack ?? String(e) };
      return { filePath, source: '', diagnostics: [], facts: [], notes: [], meta: {}, error };
    }
  }

  private async lintFileOrThrow(filePath: string, how: { bytes?: Uint8Array; explicit?: boolean }): Promise<FileResult> {
    const base: FileResult = { filePath, source: '', diagnostics: [], facts: [], notes: [], meta: {} };
    // Looking for last year's report may already have read and decoded this file. Not with --fix:
    // the fixes are written over the very bytes they were computed from, so the file is read now.
    let input: InputDocument | undefined = filePath === STDIN_PATH || this.settings.fix === 'write' ? undefined : this.discovery.take(filePath);
    let bytes: Uint8Array | undefined;
    if (!input) {
      try {
        bytes = how.bytes ?? (await readRegularFile(this.fs, filePath, READ_LIMITS.report));
      } catch (e) {
        return { ...base, error: { kind: 'io', message: `无法读取：${e instanceof FileReadError ? e.message : describeFsError(e)}` } };
      }
      try {
        input = await readInput(filePath === STDIN_PATH ? 'stdin.txt' : filePath, bytes);
      } catch (e) {
        if (e instanceof InputError) return { ...base, error: { kind: 'input', message: e.message } };
        throw e;
      }
    }
    base.kind = input.kind;
    base.source = input.text;
    if (input.storage && input.storage.encoding !== 'utf-8') base.encoding = ENCODING_LABEL[input.storage.encoding];

    let config: ResolvedConfig;
    try {
      config = await this.configFor(filePath === STDIN_PATH ? `${this.settings.cwd}/stdin` : filePath);
      this.checkRuleOptions(config);
    } catch (e) {
      if (e instanceof ConfigError) return { ...base, error: { kind: 'config', message: '配置或规则文件有误', problems: e.problems } };
      if (e instanceof OptionError) return { ...base, error: { kind: 'config', message: e.message } };
      throw e;
    }
    if (filePath !== STDIN_PATH && this.filter.select({ config, path: filePath, explicit: how.explicit ?? true }) !== 'report') return { ...base, ignored: true };

    if (!input.text.trim()) return this.emptyFile(base, input);

    const path = filePath === STDIN_PATH ? undefined : filePath;
    // Parsed once: for finding last year's report (unit, year) and for linting.
    const document = parseReport(input.text, { path, format: input.format, regions: input.regions });
    const options: LintOptions = { path, format: input.format, config, edition: this.settings.edition, document, regions: input.regions };
    if (this.settings.region) options.region = this.settings.region;
    if (this.settings.rules) options.rules = this.settings.rules;
    if (this.settings.timing) options.timing = new Map();
    // Rules are stopped at their checkpoints: the host interrupt would cost a thread start per report.
    if (this.settings.ruleTimeout) options.timeLimit = { ruleMs: this.settings.ruleTimeout };
    const explicit = this.settings.previous ? { path: this.settings.previous, written: this.settings.previous } : undefined;
    const outcome = await choosePrevious({ file: path, meta: document.meta, format: input.format, config, explicit, roots: [this.settings.cwd], discovery: path ? this.discovery : undefined });
    if (outcome.refused) return { ...base, error: { kind: 'config', message: outcome.refused } };
    if (outcome.discovery) base.discovery = outcome.discovery;
    if (outcome.choice) {
      const read = await this.previous.read(outcome.choice);
      // A report named by the user that cannot be read stops this file; one found automatically is just not used.
      if (read.error !== undefined && outcome.choice.source !== 'auto') {
        return { ...base, error: { kind: 'config', message: previousUnreadable(outcome.choice, read.error, '--previous 指定的') } };
      }
      if (read.error === undefined) options.previous = { path: read.path, text: read.text, format: read.format, regions: read.regions };
    }

    let result: LintResult;
    if (this.settings.fix !== 'none' && input.storage && (filePath !== STDIN_PATH || this.settings.fix === 'dry-run')) {
      const fixed = this.engine.fix(input.text, options);
      result = fixed.result;
      base.fix = { applied: fixed.fixed, written: false };
      if (!fixed.converged) base.notes.push(`自动修复 ${fixed.passes} 轮后仍有可修复的内容，请再运行一次 --fix`);
      if (fixed.output !== input.text) {
        if (this.settings.fix === 'dry-run') {
          const name = relative(this.settings.cwd, filePath) || filePath;
          base.fix.diff = await wordDiff(name, input.text, fixed.output);
          base.fix.output = fixed.output;
        } else {
          try {
            await writeFixedText(this.fs, filePath, bytes!, input, fixed.output);
            base.fix.written = true;
            base.source = fixed.output;
          } catch (e) {
            if (!(e instanceof WriteError)) throw e;
            result = this.engine.lint(input.text, options);
            base.fix = { applied: 0, written: false };
            base.error = { kind: 'write', message: e.message };
          }
        }
      }
    } else {
      if (this.settings.fix !== 'none' && input.notWritable) base.fix = { applied: 0, written: false, skipped: input.notWritable };
      result = this.engine.lint(input.text, options);
    }
    if (options.timing) base.timing = Object.fromEntries(options.timing);
    return this.finish(base, result, config, input);
  }

  private emptyFile(base: FileResult, input: InputDocument): FileResult {
    const id = 'fzlint/empty-file';
    const message = input.text.length ? '文件只有空白字符，没有可检查的内容' : '文件为空，没有可检查的内容';
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const d: Diagnostic = { ruleId: id, severity: HOST_RULES[id]!.severity, message, start: 0, end: 0, range };
    return { ...base, diagnostics: [d], rules: this.newRules([hostRuleInfo(id, this.shippedDocs)!]) };
  }

  private finish(base: FileResult, result: LintResult, config: ResolvedConfig, input: InputDocument): FileResult {
    base.diagnostics = [...inputFindings(input, this.settings.rules), ...result.diagnostics];
    // Where each finding is in the original file (第 3 段, 页眉, 第 2 页第 5 行), when lines of the text are not lines of the file.
    if (input.places) for (const d of base.diagnostics) (d as FileDiagnostic).place = placeOf(input, d.start);
    base.facts = result.facts;
    base.meta = reportMeta(result);
    base.batch = { bodyEnd: input.regions?.[0]?.start, places: input.places, copies: config.copySettings(base.filePath === STDIN_PATH ? undefined : base.filePath, this.settings.rules) };
    // Reported from the engine's result, so the output shows what the rules actually compared against.
    if (result.previous) base.previous = result.previous.path;
    base.notes.push(...reportNotes(base.meta));
    base.notes.push(...(input.notes ?? []));
    if (base.kind === 'html') base.notes.push('网页：检查的是正文中可见的文字，行号按提取出的文字计算');
    if (input.regions?.length) base.notes.push(`另检查了${[...new Set(input.regions.map((r) => REGION_NAME[r.kind]))].join('、')}中的文字（保密、个人信息、网页残留等）`);
    if (base.encoding) base.notes.push(`文件编码：${base.encoding}`);
    if (base.discovery) base.notes.push(`上一年度报告：${base.discovery}`);
    else if (base.previous) base.notes.push(`对照上一年度报告：${base.previous}`);
    if (base.fix?.skipped) base.notes.push(base.fix.skipped);
    const infos: RuleInfo[] = [];
    const docsUrl = this.docsUrl(config);
    for (const active of result.rules.values()) {
      // Files share their config's rule definitions: each is described once per thread.
      if (this.describedRules.has(active.def)) continue;
      this.describedRules.add(active.def);
      infos.push(ruleInfo(active.def, docsUrl));
    }
    for (const d of base.diagnostics) {
      if (!result.rules.has(d.ruleId)) {
        const def = config.ruleDefinitions().find((r) => r.id === d.ruleId);
        const info = engineRuleInfo(d.ruleId, docsUrl) ?? (def && ruleInfo(def, docsUrl));
        if (info) infos.push(info);
      }
    }
    base.rules = this.newRules(infos);
    return base;
  }

  /** Where rule links point: the config's docsUrl, else the docs installed with fzlint. */
  docsUrl(config: ResolvedConfig): string | undefined {
    return config.data.docsUrl ?? this.shippedDocs;
  }

  /** docsUrl of the config that applies in a folder (the installed docs when it cannot be read). */
  async docsUrlIn(dir: string): Promise<string | undefined> {
    try {
      return this.docsUrl(await this.configFor(`${dir}/report.md`));
    } catch {
      return this.shippedDocs;
    }
  }

  /** Rule metadata is sent once per thread; the caller merges it. */
  private newRules(infos: RuleInfo[]): RuleInfo[] {
    const fresh = infos.filter((r) => !this.reportedRules.has(`${r.id}|${r.severity}`));
    for (const r of fresh) this.reportedRules.add(`${r.id}|${r.severity}`);
    return fresh;
  }

  /** --rule names a rule that must exist in the config (or be an engine finding); --edition an edition it defines. */
  private checkRuleOptions(config: ResolvedConfig): void {
    if (this.checkedRuleOptions.has(config)) return;
    const edition = this.settings.edition;
    const ids = config.editions.map((e) => e.id);
    if (edition && edition !== 'auto' && !ids.includes(edition)) throw new OptionError(`--edition：${unknownEdition(edition, ids)}`);
    if (this.settings.rules) {
      const known = new Set(config.ruleDefinitions().map((d) => d.id));
      for (const id of Object.keys(this.settings.rules)) {
        if (!known.has(id) && !engineRuleInfo(id)) throw new OptionError(`--rule：未知的规则「${id}」（用 fzlint rules 查看全部规则）`);
      }
    }
    this.checkedRuleOptions.add(config);
  }
}

class OptionError extends Error {}

const REGION_NAME: Record<NonNullable<InputDocument['regions']>[number]['kind'], string> = {
  header: '页眉',
  footer: '页脚',
  footnote: '脚注',
  endnote: '尾注',
  comment: '批注',
  textbox: '文本框',
};

/** What the reader noticed about the file itself (unaccepted tracked changes …), as findings; --rule id:severity applies. */
function inputFindings(input: InputDocument, overrides: Record<string, string> | undefined): Diagnostic[] {
  if (!input.findings?.length) return [];
  const lines = new LineIndex(input.text);
  const out: Diagnostic[] = [];
  for (const f of input.findings) {
    const setting = overrides?.[f.ruleId];
    if (setting === 'off') continue;
    const severity = setting === 'error' || setting === 'warning' || setting === 'info' ? setting : INPUT_RULES[f.ruleId].severity;
    out.push({ ruleId: f.ruleId, severity, message: f.message, start: f.start, end: f.end, range: lines.rangeOf(f.start, f.end) });
  }
  return out;
}
