import { ConfigError, createEngine, ENGINE_RULES, parseReport, unknownEdition, type Diagnostic, type Engine, type LintOptions, type LintResult, type ResolvedConfig } from '@fzlint/core';
import { dirname, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import { fixText } from './fix.js';
import { describeFsError, realFs, type CliFs } from './fs.js';
import { decodeText, encodeText, ENCODING_LABEL } from './inputs/encoding.js';
import { InputError, readInput, type InputDocument } from './inputs/index.js';
import { nodeEnvironment } from './node-env.js';
import { choosePrevious, PreviousError, readPrevious } from './previous.js';
import { PreviousFinder } from './previous-finder.js';
import { reportMeta, reportNotes } from './report-meta.js';
import type { FileResult, RuleInfo } from './results.js';
import { CLI_RULES, engineRuleInfo, ruleInfo } from './rule-info.js';
import { assertWritable, WriteError, writeFileAtomic } from './write-file.js';

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
}

/** Lints one report at a time, caching configs per folder. One per thread. */
export class ReportLinter {
  readonly engine: Engine;
  private readonly configs = new Map<string, Promise<ResolvedConfig>>();
  private readonly checkedRuleOptions = new WeakSet<ResolvedConfig>();
  private readonly reportedRules = new Set<string>();
  private readonly describedRules = new WeakSet<object>();
  private readonly finder: PreviousFinder;

  constructor(
    private readonly settings: LintSettings,
    private readonly fs: CliFs = realFs,
  ) {
    this.engine = createEngine(nodeEnvironment(fs));
    this.finder = new PreviousFinder(fs);
  }

  /** The config for a file: --config, or the nearest .fzlint.yaml, or the built-in default. */
  configFor(file: string): Promise<ResolvedConfig> {
    const key = this.settings.configFile ? '' : dirname(file);
    let p = this.configs.get(key);
    if (!p) {
      p = this.settings.configFile
        ? this.engine.loadConfig({ file: this.settings.configFile, cwd: this.settings.cwd })
        : this.engine.findConfigFile(key).then((found) => this.engine.loadConfig(found ? { file: found } : { cwd: this.settings.cwd }));
      this.configs.set(key, p);
    }
    return p;
  }

  /**
   * Lints (and with --fix, fixes) one file; never throws for a bad file: problems become `error`
   * on the result. A file excluded by the config's `ignores` (or, when found by walking a folder,
   * not matched by its `files`) comes back with `ignored`.
   */
  async lintFile(filePath: string, how: { bytes?: Uint8Array; explicit?: boolean } = {}): Promise<FileResult> {
    const base: FileResult = { filePath, source: '', diagnostics: [], facts: [], notes: [], meta: {} };
    // Looking for last year's report may already have read and decoded this file.
    let input: InputDocument | undefined = filePath === STDIN_PATH ? undefined : this.finder.take(filePath);
    let bytes: Uint8Array | undefined;
    if (!input) {
      try {
        bytes = await (how.bytes ?? this.fs.readFile(filePath));
      } catch (e) {
        return { ...base, error: { kind: 'io', message: `无法读取：${describeFsError(e)}` } };
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
    if (filePath !== STDIN_PATH && excludedByConfig(config, filePath, how.explicit ?? true)) return { ...base, ignored: true };

    if (!input.text.trim()) return this.emptyFile(base, input);

    const path = filePath === STDIN_PATH ? undefined : filePath;
    // Parsed once: for finding last year's report (unit, year) and for linting.
    const document = parseReport(input.text, { path, format: input.format });
    const options: LintOptions = { path, format: input.format, config, edition: this.settings.edition, document };
    if (this.settings.region) options.region = this.settings.region;
    if (this.settings.rules) options.rules = this.settings.rules;
    if (this.settings.timing) options.timing = new Map();
    try {
      const finder = filePath === STDIN_PATH ? undefined : this.finder;
      const { choice, discovery } = await choosePrevious({ file: filePath, text: input.text, format: input.format, document, config, explicit: this.settings.previous, fs: this.fs, finder });
      if (discovery) base.discovery = discovery;
      if (choice) {
        options.previous = await readPrevious(choice, this.fs).catch((e: unknown) => {
          if (choice.source === 'auto' && e instanceof PreviousError) return undefined;
          throw e;
        });
      }
    } catch (e) {
      if (e instanceof PreviousError) return { ...base, error: { kind: 'config', message: e.message } };
      throw e;
    }

    let result: LintResult;
    if (this.settings.fix !== 'none' && input.storage && (filePath !== STDIN_PATH || this.settings.fix === 'dry-run')) {
      const fixed = fixText(this.engine, input.text, options, input.storage.eol);
      result = fixed.result;
      base.fix = { applied: fixed.applied, written: false };
      if (fixed.output !== input.text) {
        if (this.settings.fix === 'dry-run') {
          const name = relative(this.settings.cwd, filePath) || filePath;
          const { createTwoFilesPatch, FILE_HEADERS_ONLY } = await import('diff');
          base.fix.diff = createTwoFilesPatch(`a/${name}`, `b/${name}`, input.text, fixed.output, undefined, undefined, { context: 3, headerOptions: FILE_HEADERS_ONLY });
        } else {
          try {
            // Bytes read now when the text came from discovery's read: a file changed since then fails the round trip and is not written.
            await this.writeBack(filePath, bytes ?? (await this.fs.readFile(filePath)), input, fixed.output);
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
    return this.finish(base, result, config);
  }

  private async writeBack(filePath: string, originalBytes: Uint8Array, input: InputDocument, output: string): Promise<void> {
    const storage = input.storage!;
    // Only write when the original survives a decode/encode round trip byte for byte: then the
    // fixes are the only change in the file.
    const roundTrip = encodeText(input.text, storage);
    if (!Buffer.from(originalBytes).equals(roundTrip)) {
      throw new WriteError(`未修改「${filePath}」：文件中有字符无法按原编码（${ENCODING_LABEL[storage.encoding]}）原样写回`);
    }
    const encoded = encodeText(output, storage);
    const check = decodeText(encoded);
    if (!check.ok || check.text !== output) throw new WriteError(`未修改「${filePath}」：修复后的文字无法用原编码（${ENCODING_LABEL[storage.encoding]}）保存`);
    await assertWritable(this.fs, filePath);
    await writeFileAtomic(this.fs, filePath, encoded);
  }

  private emptyFile(base: FileResult, input: InputDocument): FileResult {
    const rule = CLI_RULES['fzlint/empty-file']!;
    const message = input.text.length ? '文件只有空白字符，没有可检查的内容' : '文件为空，没有可检查的内容';
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const d: Diagnostic = { ruleId: rule.id, severity: 'error', message, start: 0, end: 0, range };
    return { ...base, diagnostics: [d], rules: this.newRules([rule]) };
  }

  private finish(base: FileResult, result: LintResult, config: ResolvedConfig): FileResult {
    base.diagnostics = result.diagnostics;
    base.facts = result.facts;
    base.meta = reportMeta(result);
    // Reported from the engine's result, so the output shows what the rules actually compared against.
    if (result.previous) base.previous = result.previous.path;
    base.notes.push(...reportNotes(base.meta));
    if (base.kind === 'docx') base.notes.push('Word 文档：行号即段落序号（空段落也计数）');
    if (base.kind === 'html') base.notes.push('网页：检查的是正文中可见的文字，行号按提取出的文字计算');
    if (base.encoding) base.notes.push(`文件编码：${base.encoding}`);
    if (base.discovery) base.notes.push(`上一年度报告：${base.discovery}`);
    else if (base.previous) base.notes.push(`对照上一年度报告：${base.previous}`);
    if (base.fix?.skipped) base.notes.push(base.fix.skipped);
    const infos: RuleInfo[] = [];
    for (const active of result.rules.values()) {
      // Files share their config's rule definitions: each is described once per thread.
      if (this.describedRules.has(active.def)) continue;
      this.describedRules.add(active.def);
      infos.push(ruleInfo(active.def));
    }
    for (const d of result.diagnostics) {
      if (!result.rules.has(d.ruleId)) {
        const info = engineRuleInfo(d.ruleId) ?? config.ruleDefinitions().map(ruleInfo).find((r) => r.id === d.ruleId);
        if (info) infos.push(info);
      }
    }
    base.rules = this.newRules(infos);
    return base;
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
        if (!known.has(id) && !ENGINE_RULES[id]) throw new OptionError(`--rule：未知的规则「${id}」（用 fzlint rules 查看全部规则）`);
      }
    }
    this.checkedRuleOptions.add(config);
  }
}

class OptionError extends Error {}

const matchers = new WeakMap<ResolvedConfig, { ignores?: (p: string) => boolean; files?: (p: string) => boolean }>();

/** The config's `ignores` and `files` globs, relative to the config file's folder. */
function excludedByConfig(config: ResolvedConfig, file: string, explicit: boolean): boolean {
  const { ignores, files, dir } = config.data;
  if (!ignores?.length && !files?.length) return false;
  let m = matchers.get(config);
  if (!m) {
    m = {
      ignores: ignores?.length ? picomatch(ignores, { dot: true }) : undefined,
      files: files?.length ? picomatch(files, { dot: true }) : undefined,
    };
    matchers.set(config, m);
  }
  const rel = relative(dir, file).split(sep).join('/');
  if (m.ignores?.(rel)) return true;
  return !explicit && m.files !== undefined && !m.files(rel);
}
