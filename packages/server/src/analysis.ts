import { dirname, relative, resolve } from 'node:path';
import { formatForPath, LintTimeout, readReportMeta, type Diagnostic, type DocumentFormat, type Engine, type LintOptions, type LintResult } from '@fzlint/core';
import {
  choosePrevious,
  hostFinding,
  pathKey,
  previousUnreadable,
  problemLocation,
  type ConfigResolution,
  type ConfigResolver,
  type PreviousChoice,
  type PreviousDiscovery,
  type PreviousReader,
  type ReportFilter,
} from '@fzlint/workspace';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { createInterrupt } from './interrupt.js';
import { toLintOptions, type Settings, type SettingsStore } from './settings.js';
import type { WorkspaceFolders } from './workspace/folders.js';
import { uriToPath } from './workspace/paths.js';

/** Everything the features need to know about one version of one document. */
export interface Analysis {
  uri: string;
  version: number;
  path?: string;
  settings: Settings;
  /** disabled: fzlint.enable is false; not-report: not a report (stays quiet); checked: linted. */
  state: 'disabled' | 'not-report' | 'checked';
  config?: ConfigResolution;
  /** The engine options the result was computed with (fix-all reuses them). */
  options?: LintOptions;
  /** Absent only when the engine failed (an internal-error finding is then in `diagnostics`). */
  result?: LintResult;
  previous?: PreviousChoice & { status: 'found' | 'unreadable'; error?: string };
  /** Why automatic discovery chose last year's report, or why it found none (Chinese). */
  discovery?: string;
  /** Engine findings plus the server's own (broken config, unreadable previous report, internal error). */
  diagnostics: Diagnostic[];
}

export interface AnalyzerDeps {
  engine: Engine;
  settings: SettingsStore;
  configs: ConfigResolver;
  reports: ReportFilter;
  previous: PreviousReader;
  discovery: PreviousDiscovery;
  folders: WorkspaceFolders;
  log: { warn(m: string): void; error(m: string): void };
}

/** Runs the engine on a document version, with its settings, config and previous-year report; cached per version. */
export class Analyzer {
  private readonly cache = new Map<string, { version: number; promise: Promise<Analysis>; settled?: Analysis }>();
  private readonly warnedEditions = new Set<string>();
  /** Unreadable previous reports already logged (a warning per keystroke would flood the log). */
  private readonly warnedPrevious = new Map<string, string>();
  private readonly interrupt = createInterrupt();

  constructor(private readonly deps: AnalyzerDeps) {}

  analyze(doc: TextDocument): Promise<Analysis> {
    const hit = this.cache.get(doc.uri);
    if (hit && hit.version === doc.version) return hit.promise;
    const entry: { version: number; promise: Promise<Analysis>; settled?: Analysis } = { version: doc.version, promise: this.run(doc) };
    entry.promise.then((a) => (entry.settled = a), () => {});
    this.cache.set(doc.uri, entry);
    return entry.promise;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    this.warnedPrevious.delete(uri);
  }

  /** Settings, configs or dependencies changed: every document is analysed afresh. */
  clear(): void {
    this.cache.clear();
  }

  /**
   * Open reports in a folder whose last year's report is found automatically and would now be a
   * different file (a sibling was created, changed or deleted). Reports whose choice stays the
   * same are not re-checked: a folder of large open reports would otherwise be re-checked whole
   * for every file saved in it. (A change to the chosen file itself is covered by `dependents`.)
   */
  async autoLinked(dir: string): Promise<string[]> {
    const key = pathKey(dir);
    const out: string[] = [];
    for (const [uri, entry] of this.cache) {
      const a = entry.settled;
      if (!a?.path || a.discovery === undefined || !a.result || pathKey(dirname(a.path)) !== key) continue;
      const found = await this.deps.discovery.find(a.path, a.result.document.meta);
      const before = a.previous?.source === 'auto' ? pathKey(a.previous.path) : undefined;
      if ((found.path ? pathKey(found.path) : undefined) !== before) out.push(uri);
    }
    return out;
  }

  /** Open reports whose check read this file (as last year's report). */
  dependents(path: string): string[] {
    const key = pathKey(path);
    const out: string[] = [];
    for (const [uri, entry] of this.cache) if (entry.settled?.previous && pathKey(entry.settled.previous.path) === key) out.push(uri);
    return out;
  }

  private async run(doc: TextDocument): Promise<Analysis> {
    const { settings: settingsStore, configs, folders } = this.deps;
    const uri = doc.uri;
    const version = doc.version;
    const settings = await settingsStore.get(uri);
    const path = uriToPath(uri);
    const base: Analysis = { uri, version, path, settings, state: 'disabled', diagnostics: [] };
    if (!settings.enable) return base;
    const text = doc.getText();
    const folder = folders.folderOf(path);
    const config = await configs.resolve({ path, configFile: settings.configFile || undefined, base: folder ?? (path ? dirname(path) : process.cwd()) });
    if (this.deps.reports.select({ config: config.config, path, explicit: true, text }) !== 'report') return { ...base, state: 'not-report', config };

    const analysis: Analysis = { ...base, state: 'checked', config };
    const host: Diagnostic[] = [];
    if (config.error) host.push(configErrorFinding(text, config, folder ?? (path ? dirname(path) : undefined)));
    const format = formatOf(doc, path);
    this.checkEdition(settings, config);

    const meta = readReportMeta(text, { path, format });
    const setting = settings.previous.trim();
    const settingBase = folder ?? (path ? dirname(path) : undefined);
    const explicit = setting && settingBase ? { path: resolve(settingBase, setting), written: setting } : undefined;
    const outcome = await choosePrevious({ file: path, meta, format, config: config.config, explicit, roots: [folder], discovery: path ? this.deps.discovery : undefined });
    if (outcome.discovery !== undefined) analysis.discovery = outcome.discovery;
    if (outcome.refused) host.push(hostFinding(text, 'fzlint/previous-unreadable', outcome.refused, frontMatterLine(text, 'previous')));
    let previous: LintOptions['previous'];
    const choice = outcome.choice;
    if (choice && (!path || pathKey(choice.path) !== pathKey(path))) {
      const read = await this.deps.previous.read(choice);
      if (read.error === undefined) {
        previous = { path: read.path, text: read.text, format: read.format, regions: read.regions };
        analysis.previous = { ...choice, status: 'found' };
        this.warnedPrevious.delete(uri);
      } else {
        analysis.previous = { ...choice, status: 'unreadable', error: read.error };
        const message = `${previousUnreadable(choice, read.error, '设置 fzlint.previous 指定的')}；跨年度检查未进行`;
        if (this.warnedPrevious.get(uri) !== message) this.deps.log.warn(`${path ?? uri}：${message}`);
        this.warnedPrevious.set(uri, message);
        host.push(hostFinding(text, 'fzlint/previous-unreadable', message, choice.source === 'front-matter' ? frontMatterLine(text, 'previous') : undefined));
      }
    }

    try {
      analysis.options = toLintOptions({ settings, config: config.config, path, format, previous, interrupt: this.interrupt });
      analysis.result = this.deps.engine.lint(text, analysis.options);
      analysis.diagnostics = host.length ? [...host, ...analysis.result.diagnostics] : analysis.result.diagnostics;
    } catch (e) {
      if (e instanceof LintTimeout) {
        this.deps.log.warn(`检查 ${path ?? uri} 时${e.message}`);
        host.push(hostFinding(text, 'fzlint/rule-timeout', `${e.message}，本报告未能检查（设置 fzlint.lintTimeoutMs 可放宽时限）`));
        analysis.diagnostics = host;
        return analysis;
      }
      this.deps.log.error(`检查 ${path ?? uri} 时出错：${(e as Error)?.stack ?? String(e)}`);
      host.push(hostFinding(text, 'fzlint/internal-error', `fzlint 内部错误，本报告暂时无法检查：${(e as Error)?.message ?? String(e)}`));
      analysis.diagnostics = host;
    }
    return analysis;
  }

  private checkEdition(settings: Settings, config: ConfigResolution): void {
    const wanted = settings.edition;
    if (!wanted || wanted === 'auto' || this.warnedEditions.has(wanted)) return;
    const ids = config.config.editions.map((e) => e.id);
    if (ids.includes(wanted)) return;
    this.warnedEditions.add(wanted);
    this.deps.log.warn(`设置 fzlint.edition 的模板版本「${wanted}」不存在，已按 auto 选择；可用：auto、${ids.join('、')}`);
  }
}

function formatOf(doc: TextDocument, path: string | undefined): DocumentFormat {
  if (path) return formatForPath(path);
  return doc.languageId === 'markdown' ? 'markdown' : 'text';
}

function configErrorFinding(text: string, config: ConfigResolution, base: string | undefined): Diagnostic {
  const problems = config.error!.problems;
  const first = problems[0]!;
  const name = config.file ? (base ? relative(base, config.file) || config.file : config.file) : '配置文件';
  const message = `配置文件「${name}」有误，本报告暂按内置规则（fzlint:recommended）检查：${first.message}（${first.file}:${first.line}:${first.column}）${problems.length > 1 ? `，另有 ${problems.length - 1} 处错误` : ''}`;
  return hostFinding(text, 'fzlint/config-error', message, undefined, problems.slice(0, 10).map(problemLocation));
}

/** The `key:` line of a Markdown front matter block, for findings about a front-matter value. */
function frontMatterLine(text: string, key: string): { start: number; end: number } | undefined {
  const end = text.indexOf('\n---', 3);
  const block = end < 0 ? '' : text.slice(0, end);
  const m = new RegExp(`^${key}\\s*:.*$`, 'm').exec(block);
  return m ? { start: m.index, end: m.index + m[0].replace(/\r$/, '').length } : undefined;
}
