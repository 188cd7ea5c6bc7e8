import { dirname, isAbsolute, resolve } from 'node:path';
import { CONFIG_FILE_NAMES, ConfigError, createEngine, type ConfigProblem, type Engine, type ResolvedConfig } from '@fzlint/core';
import { engineEnvironment } from '../engine-environment.js';
import type { WorkspaceHost } from '../host.js';
import { isWithin, pathKey } from '../paths.js';

/** The config a report is checked with. */
export interface ConfigResolution {
  /** The config file in effect; undefined when none was found (built-in fzlint:recommended). */
  file?: string;
  /** The config to check with: the file's, or — when it is broken — the built-in default, so an editor can go on. */
  config: ResolvedConfig;
  /** Why `file` could not be used. A command line stops here; an editor checks with `config` and shows the error. */
  error?: ConfigError;
  /** Path keys of the config and rule files read (a change to any of them invalidates the load). */
  deps: ReadonlySet<string>;
}

interface Load {
  file?: string;
  config?: ResolvedConfig;
  error?: ConfigError;
  deps: Set<string>;
}

export interface ConfigRequest {
  /** The report's path; undefined for an unsaved document (then `base` is where the search starts). */
  path?: string;
  /** A config file named by the user (--config, fzlint.configFile); relative to `base`. */
  configFile?: string;
  /** Folder for a relative `configFile` and the start of the search without a path: the working directory or workspace folder. */
  base: string;
}

/**
 * Config files for reports: named by the user, or found upward from each report's folder
 * (.fzlint.yaml / .fzlint.yml), or the built-in fzlint:recommended. Each config file is loaded
 * once and kept until a file it read changes (`invalidate`), so a folder of 1,000 reports loads
 * its config once and an editor reloads it only when it is edited.
 */
export class ConfigResolver {
  readonly engine: Engine;
  private readonly loads = new Map<string, Promise<Load>>();
  private readonly settled = new Map<string, Load>();
  private readonly found = new Map<string, Promise<string | undefined>>();
  private readonly listeners: Array<() => void> = [];

  constructor(
    private readonly host: WorkspaceHost,
    engine?: Engine,
  ) {
    this.engine = engine ?? createEngine(engineEnvironment(host));
  }

  /** Called after a load settles or loads are dropped (an editor republishes config problems). */
  onDidChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  async resolve(request: ConfigRequest): Promise<ConfigResolution> {
    let file: string | undefined;
    if (request.configFile) file = isAbsolute(request.configFile) ? request.configFile : resolve(request.base, request.configFile);
    else file = await this.find(request.path ? dirname(request.path) : request.base, request.base);
    const load = await this.loadEntry(file);
    if (load.config) return { file, config: load.config, deps: load.deps };
    const fallback = await this.loadEntry(undefined);
    if (!fallback.config) throw fallback.error ?? new Error('内置规则包无法加载');
    return { file, config: fallback.config, error: load.error, deps: load.deps };
  }

  /** Loads (or returns the kept load of) a config file; undefined means the built-in defaults. */
  load(file: string | undefined): Promise<{ file?: string; config?: ResolvedConfig; error?: ConfigError; deps: ReadonlySet<string> }> {
    return this.loadEntry(file);
  }

  private loadEntry(file: string | undefined): Promise<Load> {
    const key = file ? pathKey(file) : '';
    let p = this.loads.get(key);
    if (!p) {
      const started = this.read(file).then((load) => {
        if (this.loads.get(key) === started) {
          this.settled.set(key, load);
          this.emit();
        }
        return load;
      });
      p = started;
      this.loads.set(key, p);
    }
    return p;
  }

  /** Settled loads, for publishing their problems. */
  allLoads(): ReadonlyArray<{ file?: string; error?: ConfigError; deps: ReadonlySet<string> }> {
    return [...this.settled.values()];
  }

  /**
   * A file changed (edited, saved, created or deleted). Drops the loads that read it, the failed
   * loads (a missing file may now exist) and, for config file names, where configs were found.
   * Returns whether anything was dropped.
   */
  invalidate(path: string): boolean {
    const key = pathKey(path);
    let dropped = false;
    if (CONFIG_FILE_NAMES.some((n) => key.endsWith(`/${n}`))) {
      if (this.found.size) dropped = true;
      this.found.clear();
    }
    for (const [k, load] of this.settled) {
      if (load.deps.has(key) || load.error) {
        this.settled.delete(k);
        this.loads.delete(k);
        dropped = true;
      }
    }
    if (dropped) this.emit();
    return dropped;
  }

  clear(): void {
    this.loads.clear();
    this.settled.clear();
    this.found.clear();
    this.emit();
  }

  private find(dir: string, base: string): Promise<string | undefined> {
    const key = pathKey(dir);
    let p = this.found.get(key);
    if (!p) {
      p = this.findUpward(dir, base);
      this.found.set(key, p);
    }
    return p;
  }

  private async findUpward(start: string, base: string): Promise<string | undefined> {
    const found = await this.engine.findConfigFile(start).catch(() => undefined);
    if (!this.host.watch?.configFolder) return found;
    // Folders from the report's up to the config found (or the workspace folder) are where a
    // new .fzlint.yaml would take effect: an editor watches them.
    const stop = pathKey(found ? dirname(found) : base);
    let dir = start;
    for (let i = 0; i < 64; i++) {
      this.host.watch.configFolder(dir);
      const parent = dirname(dir);
      if (pathKey(dir) === stop || parent === dir || !isWithin(dir, stop)) break;
      dir = parent;
    }
    return found;
  }

  private async read(file: string | undefined): Promise<Load> {
    const deps = new Set<string>();
    if (file) deps.add(pathKey(file));
    try {
      const config = await this.engine.loadConfig(file ? { file } : { cwd: '/' });
      for (const source of config.data.sources.keys()) if (isAbsolute(source)) deps.add(pathKey(source));
      for (const d of deps) this.host.watch?.file?.(d);
      return { file, config, deps };
    } catch (e) {
      const error = e instanceof ConfigError ? e : new ConfigError([internalProblem(file, e)]);
      for (const p of error.problems) if (isAbsolute(p.file)) deps.add(pathKey(p.file));
      for (const d of deps) this.host.watch?.file?.(d);
      return { file, error, deps };
    }
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}

function internalProblem(file: string | undefined, e: unknown): ConfigProblem {
  return { file: file ?? 'fzlint:recommended', line: 1, column: 1, message: `加载配置时出错：${(e as Error)?.message ?? String(e)}` };
}
