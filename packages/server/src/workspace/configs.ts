import { basename, dirname, isAbsolute, resolve } from 'node:path';
import { CONFIG_FILE_NAMES, ConfigError, type Engine, type ConfigProblem, type ResolvedConfig } from '@fzlint/core';
import { pathKey } from './paths.js';

/** The config a document is checked with. */
export interface ConfigResolution {
  /** The config file in effect; undefined when none was found (built-in fzlint:recommended). */
  file?: string;
  config: ResolvedConfig;
  /** Why `file` could not be used; `config` is then the built-in default so checking goes on. */
  error?: ConfigError;
  /** The config and rule files read (for watching). */
  deps: ReadonlySet<string>;
}

export interface ConfigLoad {
  file?: string;
  config?: ResolvedConfig;
  error?: ConfigError;
  /** Files whose change invalidates this load (path keys). */
  deps: Set<string>;
}

/**
 * Config files per folder: discovered upward from each document (.fzlint.yaml / .fzlint.yml) or
 * named by the `fzlint.configFile` setting, loaded once and cached until one of the files they
 * read changes. Loading never throws: a broken config is kept as its ConfigError.
 */
export class ConfigStore {
  private readonly loads = new Map<string, Promise<ConfigLoad>>();
  private readonly settled = new Map<string, ConfigLoad>();
  private readonly found = new Map<string, Promise<string | undefined>>();
  private readonly listeners: Array<() => void> = [];

  constructor(
    private readonly engine: Engine,
    private readonly log: (message: string) => void,
  ) {}

  /** Called after a load settles or the cache is invalidated (to republish config problems). */
  onDidChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  async resolve(docPath: string | undefined, folder: string | undefined, configFileSetting: string): Promise<ConfigResolution> {
    let file: string | undefined;
    if (configFileSetting) file = resolve(folder ?? (docPath ? dirname(docPath) : process.cwd()), configFileSetting);
    else if (docPath) file = await this.find(dirname(docPath));
    const load = await this.load(file);
    if (load.config) return { file, config: load.config, deps: load.deps };
    const fallback = await this.load(undefined);
    if (!fallback.config) throw fallback.error ?? new Error('内置规则包无法加载');
    return { file, config: fallback.config, error: load.error, deps: load.deps };
  }

  /** Loads (or returns the cached load of) a config file; undefined means the built-in defaults. */
  load(file: string | undefined): Promise<ConfigLoad> {
    const key = file ? pathKey(file) : '';
    let p = this.loads.get(key);
    if (!p) {
      p = this.read(file).then((load) => {
        if (this.loads.get(key) === p) {
          this.settled.set(key, load);
          this.emit();
        }
        return load;
      });
      this.loads.set(key, p);
    }
    return p;
  }

  /** Settled loads, for publishing their problems. */
  allLoads(): ConfigLoad[] {
    return [...this.settled.values()];
  }

  /**
   * A file changed (edited in the editor, saved, created or deleted). Drops the loads that read
   * it, the failed loads (a missing file may now exist) and, for config file names, where configs
   * were found. Returns whether anything was dropped.
   */
  invalidate(path: string): boolean {
    const key = pathKey(path);
    let dropped = false;
    if (CONFIG_FILE_NAMES.includes(basename(path))) {
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

  private find(dir: string): Promise<string | undefined> {
    const key = pathKey(dir);
    let p = this.found.get(key);
    if (!p) {
      p = this.engine.findConfigFile(dir).catch(() => undefined);
      this.found.set(key, p);
    }
    return p;
  }

  private async read(file: string | undefined): Promise<ConfigLoad> {
    const deps = new Set<string>();
    if (file) deps.add(pathKey(file));
    try {
      const config = await this.engine.loadConfig(file ? { file } : { cwd: process.cwd() });
      for (const source of config.data.sources.keys()) if (isAbsolute(source)) deps.add(pathKey(source));
      return { file, config, deps };
    } catch (e) {
      const error = e instanceof ConfigError ? e : new ConfigError([internalProblem(file, e)]);
      for (const p of error.problems) if (isAbsolute(p.file)) deps.add(pathKey(p.file));
      this.log(`配置文件有误：\n${error.message}`);
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
