import { basename, dirname, relative } from 'node:path';
import { formatForPath, LintTimeout, parseReport, readReportMeta, type Diagnostic, type DocumentFormat, type Engine, type LintOptions, type LintResult } from '@fzlint/core';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { frontMatterPathRefusal } from '@fzlint/workspace';
import { hostFinding, problemLocation } from './host-findings.js';
import { createInterrupt } from './interrupt.js';
import { toLintOptions, type Settings, type SettingsStore } from './settings.js';
import type { ConfigResolution, ConfigStore } from './workspace/configs.js';
import type { FileWatcher } from './workspace/file-watcher.js';
import type { WorkspaceFolders } from './workspace/folders.js';
import type { OpenDocuments } from './workspace/open-documents.js';
import { pathKey, uriToPath } from './workspace/paths.js';
import { resolvePrevious, type PreviousReports, type PreviousRef } from './workspace/previous.js';
import type { PreviousFinder } from './workspace/previous-discovery.js';
import { isReport } from './workspace/report-filter.js';

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
  previous?: PreviousRef & { status: 'found' | 'unreadable'; error?: string };
  /** Why automatic discovery chose last year's report, or why it found none (Chinese). */
  discovery?: string;
  /** Engine findings plus the server's own (broken config, unreadable previous report, internal error). */
  diagnostics: Diagnostic[];
}

export interface AnalyzerDeps {
  engine: Engine;
  open: OpenDocuments;
  settings: SettingsStore;
  configs: ConfigStore;
  previous: PreviousReports;
  finder: PreviousFinder;
  folders: WorkspaceFolders;
  watcher: FileWatcher;
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
      const found = await this.deps.finder.find(a.path, a.result.document.meta);
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
    const { settings: settingsStore, configs, folders, watcher } = this.deps;
    const uri = doc.uri;
    const version = doc.version;
    const settings = await settingsStore.get(uri);
    const path = uriToPath(uri);
    const base: Analysis = { uri, version, path, settings, state: 'disabled', diagnostics: [] };
    if (!settings.enable) return base;
    const text = doc.getText();
    const folder = folders.folderOf(path);
    const config = await configs.resolve(path, folder, settings.configFile);
    this.watchConfig(path, folder, config);
    const fromFile = !!config.file && !config.error;
    if (!isReport(text, path, config.config, fromFile)) return { ...base, state: 'not-report', config };

    const analysis: Analysis = { ...base, state: 'checked', config };
    const host: Diagnostic[] = [];
    if (config.error) host.push(configErrorFinding(text, config, folder ?? (path ? dirname(path) : undefined)));
    const format = formatOf(doc, path);
    this.checkEdition(settings, config);

    const frontMatter = format === 'markdown' ? frontMatterPrevious(text, path) : undefined;
    let ref = resolvePrevious({ docPath: path, folder, frontMatter, setting: settings.previous, mapping: config.config.data.previous });
    const refused =
      ref?.source === 'front-matter'
        ? frontMatterPathRefusal(ref.path, ref.written, [path ? dirname(path) : undefined, config.file ? dirname(config.file) : undefined, folder], config.config.data.allowExternalPrevious)
        : undefined;
    if (refused) {
      host.push(hostFinding(text, 'fzlint/previous-unreadable', refused, frontMatterLine(text, 'previous')));
      ref = undefined;
    } else if (!ref && path) {
      const found = await this.deps.finder.find(path, readReportMeta(text, { path, format }));
      analysis.discovery = found.reason;
      if (found.path) ref = { path: found.path, source: 'auto', written: basename(found.path) };
    }
    let previous: { path: string; text: string } | undefined;
    if (ref && (!path || pathKey(ref.path) !== pathKey(path))) {
      watcher.watchFile(ref.path);
      const read = await this.deps.previous.read(ref.path);
      if (read.text !== undefined) {
        previous = { path: ref.path, text: read.text };
        analysis.previous = { ...ref, status: 'found' };
        this.warnedPrevious.delete(uri);
      } else {
        analysis.previous = { ...ref, status: 'unreadable', error: read.error };
        const message = `无法读取上一年度报告「${ref.written}」（${ref.path}）：${read.error}；跨年度检查未进行`;
        if (this.warnedPrevious.get(uri) !== message) this.deps.log.warn(`${path ?? uri}：${message}`);
        this.warnedPrevious.set(uri, message);
        host.push(hostFinding(text, 'fzlint/previous-unreadable', message, ref.source === 'front-matter' ? frontMatterLine(text, 'previous') : undefined));
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

  private watchConfig(path: string | undefined, folder: string | undefined, config: ConfigResolution): void {
    const { watcher } = this.deps;
    for (const dep of config.deps) watcher.watchFile(dep);
    if (!path) return;
    // Folders up to the workspace folder (or the found config) are where a new config file would take effect.
    const stop = config.file ? dirname(config.file) : folder;
    let dir = dirname(path);
    for (let i = 0; i < 32; i++) {
      watcher.watchConfigNames(dir);
      const parent = dirname(dir);
      if (!stop || pathKey(dir) === pathKey(stop) || parent === dir || relative(stop, dir).startsWith('..')) break;
      dir = parent;
    }
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

/** `previous:` from a Markdown report's front matter; only the front matter block is parsed (this runs on every keystroke). */
function frontMatterPrevious(text: string, path: string | undefined): string | undefined {
  if (!text.startsWith('---')) return undefined;
  const close = /\r?\n---[ \t]*(?:\r?\n|$)/.exec(text.slice(3));
  if (!close) return undefined;
  return parseReport(text.slice(0, 3 + close.index + close[0].length), { path, format: 'markdown' }).meta.previous;
}

/** The `key:` line of a Markdown front matter block, for findings about a front-matter value. */
function frontMatterLine(text: string, key: string): { start: number; end: number } | undefined {
  const end = text.indexOf('\n---', 3);
  const block = end < 0 ? '' : text.slice(0, end);
  const m = new RegExp(`^${key}\\s*:.*$`, 'm').exec(block);
  return m ? { start: m.index, end: m.index + m[0].replace(/\r$/, '').length } : undefined;
}
