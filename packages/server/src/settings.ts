import type { DocumentFormat, LintOptions, ResolvedConfig, TimeLimit } from '@fzlint/core';

/** When diagnostics are computed: while typing (debounced) or when the file is saved (and opened). */
export type RunMode = 'onType' | 'onSave';

/** The `fzlint.*` settings, per resource. Documented in packages/server/README.md. */
export interface Settings {
  enable: boolean;
  run: RunMode;
  /** Delay after the last keystroke before checking (onType). 0 checks at once. */
  debounceMs: number;
  /** Config file to use instead of discovering .fzlint.yaml; relative paths resolve against the workspace folder. */
  configFile: string;
  /** '' follows the config; 'auto' or an edition id overrides it. */
  edition: string;
  /** Last year's report; relative paths resolve against the workspace folder. */
  previous: string;
  /** Longest a report's check may take; a rule running longer is stopped (half of it per rule). */
  lintTimeoutMs: number;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  enable: true,
  run: 'onType',
  debounceMs: 300,
  configFile: '',
  edition: '',
  previous: '',
  lintTimeoutMs: 2000,
});

const MAX_DEBOUNCE_MS = 10_000;
const LINT_TIMEOUT_RANGE = [10, 60_000] as const;

/** Accepts whatever a client sends (null, partial objects, wrong types) and returns complete settings; bad values fall back to defaults with a warning. */
export function normalizeSettings(raw: unknown, warn: (message: string) => void): Settings {
  const s: Settings = { ...DEFAULT_SETTINGS };
  if (raw === null || raw === undefined) return s;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    warn(`fzlint 设置应为对象，收到 ${JSON.stringify(raw)}，已使用默认设置`);
    return s;
  }
  const r = raw as Record<string, unknown>;
  const bad = (key: string, expected: string) => warn(`设置 fzlint.${key} 的值 ${JSON.stringify(r[key])} 无效（应为${expected}），已使用默认值 ${JSON.stringify(DEFAULT_SETTINGS[key as keyof Settings])}`);
  if (r.enable !== undefined && r.enable !== null) {
    if (typeof r.enable === 'boolean') s.enable = r.enable;
    else bad('enable', ' true 或 false');
  }
  if (r.run !== undefined && r.run !== null) {
    if (r.run === 'onType' || r.run === 'onSave') s.run = r.run;
    else bad('run', ' onType 或 onSave');
  }
  if (r.debounceMs !== undefined && r.debounceMs !== null) {
    if (typeof r.debounceMs === 'number' && Number.isFinite(r.debounceMs) && r.debounceMs >= 0) s.debounceMs = Math.min(Math.round(r.debounceMs), MAX_DEBOUNCE_MS);
    else bad('debounceMs', '不小于 0 的毫秒数');
  }
  if (r.lintTimeoutMs !== undefined && r.lintTimeoutMs !== null) {
    const v = r.lintTimeoutMs;
    if (typeof v === 'number' && v >= LINT_TIMEOUT_RANGE[0] && v <= LINT_TIMEOUT_RANGE[1]) s.lintTimeoutMs = Math.round(v);
    else bad('lintTimeoutMs', ` ${LINT_TIMEOUT_RANGE[0]} 到 ${LINT_TIMEOUT_RANGE[1]} 之间的毫秒数`);
  }
  for (const key of ['configFile', 'edition', 'previous'] as const) {
    const v = r[key];
    if (v === undefined || v === null) continue;
    if (typeof v === 'string') s[key] = v.trim();
    else bad(key, '字符串');
  }
  return s;
}

/** Asks the client for a resource's `fzlint` section (workspace/configuration). */
export type SettingsPull = (uri: string) => Promise<unknown>;

/**
 * Settings per resource. With clients that answer workspace/configuration (VS Code, Neovim …)
 * each document's settings are asked for once and cached until the client says they changed;
 * other clients' settings come from initializationOptions and didChangeConfiguration.
 */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<Settings>>();
  private readonly warned = new Set<string>();
  private global: Settings;
  private globalRaw: unknown;

  constructor(
    /** Undefined for clients without workspace/configuration. */
    private readonly pull: SettingsPull | undefined,
    initial: unknown,
    private readonly log: (message: string) => void,
  ) {
    this.globalRaw = initial;
    this.global = normalizeSettings(initial, (m) => this.warn(m));
  }

  /** Settings for a document; never rejects (a failed request falls back to the global settings). */
  get(uri: string): Promise<Settings> {
    if (!this.pull) return Promise.resolve(this.global);
    let p = this.cache.get(uri);
    if (!p) {
      p = this.pull(uri).then(
        (raw: unknown) => normalizeSettings(raw ?? this.globalRaw, (m) => this.warn(m)),
        (e: unknown) => {
          this.warn(`无法获取 ${uri} 的 fzlint 设置：${(e as Error)?.message ?? String(e)}；已使用默认设置`);
          return this.global;
        },
      );
      this.cache.set(uri, p);
    }
    return p;
  }

  /** didChangeConfiguration: forget cached settings; `raw` is the pushed `fzlint` section, if any. */
  changed(raw: unknown): void {
    if (raw !== undefined) {
      this.globalRaw = raw;
      this.global = normalizeSettings(raw, (m) => this.warn(m));
    }
    this.cache.clear();
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  private warn(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    this.log(message);
  }
}

export interface LintInputs {
  settings: Settings;
  config: ResolvedConfig;
  path?: string;
  format?: DocumentFormat;
  previous?: LintOptions['previous'];
  /** Stops running code after a time (createInterrupt), so a rule that never ends cannot freeze the server. */
  interrupt?: TimeLimit['interrupt'];
}

/** The one place where editor settings and what the server resolved become engine options. */
export function toLintOptions({ settings, config, path, format, previous, interrupt }: LintInputs): LintOptions {
  const options: LintOptions = { config, timeLimit: { totalMs: settings.lintTimeoutMs, ruleMs: settings.lintTimeoutMs / 2, interrupt } };
  if (path) options.path = path;
  if (format) options.format = format;
  if (settings.edition) options.edition = settings.edition;
  if (previous) options.previous = previous;
  return options;
}
